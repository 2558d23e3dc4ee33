"""The one schema walker: the markers that lint, retention, the version check and latest time read."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.rules.checklist import Checklist
from app.rules.lint import sample_facts
from app.rules.shape import (
    Leaf,
    ListOf,
    Obj,
    Shape,
    checklist_shape,
    empty_lists,
    free_text_paths,
    personal_paths,
    schema_paths,
    time_paths,
)

BASE: dict[str, Any] = {
    "schema_version": 3,
    "incident": {"reference": "LOG-W-1", "force": "WMP", "type": "other"},
}


def leaf(shape: Shape) -> Leaf:
    assert isinstance(shape, Leaf)
    return shape


def test_leaves_carry_their_markers() -> None:
    root = checklist_shape()
    child = root.fields["children"]
    assert isinstance(child, ListOf)
    assert isinstance(child.item, Obj)
    assert child.null_from == 3
    assert child.since == 1
    fields = child.item.fields
    assert leaf(fields["account"]).free_text
    assert leaf(fields["account"]).personal
    assert leaf(fields["date_of_birth"]).personal
    assert not leaf(fields["date_of_birth"]).free_text
    assert not leaf(fields["id"]).personal  # an identifier has a pattern
    assert leaf(fields["seen_at"]).kind == "time"
    assert not leaf(fields["seen_at"]).personal
    assert fields["non_mobile"].since == 3
    assert fields["left_alone"].since == 2
    call = root.fields["call"]
    assert isinstance(call, Obj)
    checks = call.fields["intel_checks"]
    assert isinstance(checks, ListOf)
    assert isinstance(checks.item, Obj)
    assert leaf(checks.item.fields["subject"]).values_since == (("vehicle", 3),)


def test_every_consumer_reads_the_same_walk() -> None:
    free = set(schema_paths(free_text_paths()))
    personal = set(schema_paths(personal_paths()))
    times = set(schema_paths(time_paths()))
    assert {"children[].account", "searches[].reason", "actions.decisions.not_to_refer.rationale"} <= free
    assert free <= personal  # every free-text field is personal; dates of birth are personal too
    assert "children[].date_of_birth" in personal - free
    assert {"searches[].at", "missing_children[].returned_at", "custody.charged_at"} <= times
    assert not times & personal


def test_latest_time_reads_version_3_parts() -> None:
    checklist = Checklist.model_validate(
        {
            **BASE,
            "searches": [{"child_id": "C1", "at": "2026-12-01T11:20:00Z"}],
            "missing_children": [{"child_id": "C1", "returned_at": "2026-12-02T08:00:00Z"}],
        }
    )
    assert checklist.latest_time() == datetime(2026, 12, 2, 8, tzinfo=UTC)


def test_empty_lists_gives_older_rule_sets_the_lists_they_read() -> None:
    data = Checklist.model_validate({**BASE, "missing": {"risk_grade": "high"}}).model_dump(mode="json")
    filled = empty_lists(data)
    assert filled["children"] == []
    assert filled["missing"]["grade_history"] == []
    assert filled["missing_children"] is None  # a schema-3 list: older rule sets never read it
    assert data["children"] is None  # the input is not changed


def test_lint_samples_follow_the_rule_sets_schema_version() -> None:
    assert sample_facts(2)["minimal"]["children"] == []
    assert sample_facts(3)["minimal"]["children"] is None
    assert sample_facts(3)["sparse"]["children"][0]["id"].startswith("S-")
