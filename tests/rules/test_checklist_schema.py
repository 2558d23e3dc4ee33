"""Checklist schema v2 keeps every v1 checklist valid and keeps v2-only facts out of v1 documents."""

from __future__ import annotations

import copy
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError

from app.rules.checklist import SCHEMA_VERSION, Checklist
from app.rules.checklist_examples import EXAMPLES

V1_CHECKLIST: dict[str, Any] = {
    "schema_version": 1,
    "incident": {
        "reference": "LOG-2025-0001",
        "force": "WMP",
        "type": "neighbour_dispute",
        "at_dwelling": True,
        "grade_history": [{"at": "2025-03-01T20:00:00Z", "from_grade": "immediate", "to_grade": "scheduled"}],
    },
    "call": {"children_asked_about": True, "children_present": "yes", "children_count": 2},
    "children": [{"id": "C1", "identified": True, "seen": True}],
    "adults": [{"id": "A1", "roles": ["parent"], "checks": {"done": True}}],
    "scene": {"all_children_accounted": True},
    "actions": {"referral": {"made": True, "reference": "MASH-1"}, "supervision": {"notes": "ok"}},
}


def test_v1_checklist_still_validates_unchanged() -> None:
    checklist = Checklist.model_validate(V1_CHECKLIST)
    assert checklist.schema_version == 1
    again = Checklist.model_validate(checklist.model_dump(mode="json", exclude_unset=True))
    assert again == checklist


def test_a_time_outside_the_years_1_to_9999_in_utc_is_refused() -> None:
    body = copy.deepcopy(V1_CHECKLIST)
    grade = body["incident"]["grade_history"][0]
    for edge in ("9999-12-31T09:59:59-14:00", "0001-01-01T13:59:59-14:00", "9999-12-31T23:59:59Z"):
        grade["at"] = edge
        grades = Checklist.model_validate(body).incident.grade_history
        assert grades is not None
        assert grades[0].at.isoformat() == edge.replace("Z", "+00:00")
    for past in ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"):
        grade["at"] = past
        with pytest.raises(ValidationError) as refused:
            Checklist.model_validate(body)
        [error] = refused.value.errors()
        assert error["loc"] == ("incident", "grade_history", 0, "at")
        assert error["type"] in ("less_than_equal", "greater_than_equal")


def test_omitted_version_means_v1() -> None:
    body = {k: v for k, v in V1_CHECKLIST.items() if k != "schema_version"}
    assert Checklist.model_validate(body).schema_version == 1


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("custody",), {"charged": True}),
        (("missing",), {"risk_grade": "high"}),
        (("image_abuse",), {"coerced": True}),
        (("narratives",), [{"kind": "log", "text": "seen and well"}]),
        (("actions", "strategy_discussion"), {"held_at": "2025-03-02T10:00:00Z"}),
        (("call", "deployed"), True),
    ],
)
def test_v2_fields_are_refused_in_a_v1_checklist(path: tuple[str, ...], value: Any) -> None:
    body: dict[str, Any] = {**V1_CHECKLIST, "call": dict(V1_CHECKLIST["call"])}
    body["actions"] = dict(V1_CHECKLIST["actions"])
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError, match="schema_version 2"):
        Checklist.model_validate(body)
    Checklist.model_validate({**body, "schema_version": 2})


def test_v2_sections_validate_and_bound_their_input() -> None:
    body = {
        **V1_CHECKLIST,
        "schema_version": 2,
        "custody": {"appears_under_18": True, "appropriate_adult": {"role": "solicitor"}},
        "narratives": [{"kind": "rationale", "text": "x" * 5000}],
    }
    assert Checklist.model_validate(body).custody is not None
    with pytest.raises(ValidationError, match="at most 5000"):
        Checklist.model_validate({**body, "narratives": [{"kind": "log", "text": "x" * 5001}]})
    with pytest.raises(ValidationError, match=r"narratives\.0\.kind"):
        Checklist.model_validate({**body, "narratives": [{"kind": "diary", "text": "x"}]})


def _schema_fields() -> list[tuple[str, str, Any]]:
    """(model, field, FieldInfo) for every field of every part of the checklist, each model once."""
    found: list[tuple[str, str, Any]] = []
    seen: set[type[Any]] = set()

    def walk(model: type[Any]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            found.append((model.__name__, name, info))
            for arg in _models_in(info.annotation):
                walk(arg)

    walk(Checklist)
    return found


def test_every_field_is_described() -> None:
    fields = _schema_fields()
    assert {"Custody", "MissingEpisode", "ImageAbuse", "Narrative"} <= {model for model, _, _ in fields}
    assert [f"{model}.{name}" for model, name, info in fields if not info.description] == []


def _models_in(annotation: Any) -> list[type[Any]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]


def test_latest_schema_version_is_the_highest_accepted() -> None:
    assert max(get_args(Checklist.model_fields["schema_version"].annotation)) == SCHEMA_VERSION


@pytest.mark.parametrize("example", EXAMPLES)
def test_openapi_examples_are_valid_checklists(example: Any) -> None:
    assert Checklist.model_validate(example).schema_version == SCHEMA_VERSION
    assert example in Checklist.model_json_schema()["examples"]


# ---- schema version 3 -------------------------------------------------------------------------------

V2_BASE: dict[str, Any] = {
    "schema_version": 2,
    "incident": {"reference": "LOG-V3-1", "force": "WMP", "type": "other"},
}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("incident", "harm_alleged"), True),
        (("children",), [{"id": "C1", "non_mobile": True}]),
        (("children",), [{"id": "C1", "roles": ["suspect"]}]),
        (("adults",), [{"id": "A1", "roles": ["victim"]}]),
        (("call",), {"intel_checks": [{"system": "PNC", "subject": "vehicle"}]}),
        (("searches",), [{"child_id": "C1", "kind": "strip_search", "location": "school"}]),
        (("missing_children",), [{"child_id": "C1", "risk_grade": "high"}]),
        (("custody",), {"bail": {"bailed": True}}),
        (("actions",), {"decisions": {"not_to_refer": {"taken": True}}}),
        (("actions",), {"referral": {"family_assurance_relied_on": True}}),
        (
            ("incident",),
            {
                "grade_history": [
                    {
                        "at": "2026-12-01T10:00:00Z",
                        "to_grade": "closed",
                        "child_safety_method": "family_member",
                    }
                ]
            },
        ),
    ],
)
def test_v3_fields_and_values_are_refused_before_version_3(path: tuple[str, ...], value: Any) -> None:
    body: dict[str, Any] = {**V2_BASE, "incident": dict(V2_BASE["incident"])}
    if path[0] == "incident" and len(path) == 1:
        body["incident"].update(value)
    elif path[0] == "incident":
        body["incident"][path[1]] = value
    else:
        body[path[0]] = value
    with pytest.raises(ValidationError, match="schema_version 3"):
        Checklist.model_validate(body)
    assert Checklist.model_validate({**body, "schema_version": 3}).schema_version == 3


def test_lists_before_version_3_read_as_empty_and_dump_as_before() -> None:
    checklist = Checklist.model_validate(
        {
            **V2_BASE,
            "adults": [{"id": "A1", "roles": ["parent"], "checks": {"done": True}}],
            "custody": {"charged": True},
            "missing": {"risk_grade": "high"},
        }
    )
    dumped = checklist.model_dump(mode="json")
    assert dumped["children"] == []
    assert dumped["narratives"] == []
    assert dumped["incident"]["grade_history"] == []
    assert dumped["adults"][0]["checks"]["systems"] == []
    assert dumped["custody"]["interviews"] == []
    assert dumped["missing"]["location_enquiries"] == []
    # Lists that schema 3 added were never [] by default: they stay null, and are not "set".
    assert dumped["missing_children"] is None
    assert dumped["searches"] is None
    assert "children" not in checklist.model_fields_set
    assert checklist.model_dump(mode="json", exclude_unset=True) == {
        **V2_BASE,
        "adults": [{"id": "A1", "roles": ["parent"], "checks": {"done": True}}],
        "custody": {"charged": True},
        "missing": {"risk_grade": "high"},
    }


def test_null_lists_need_version_3_and_then_mean_not_recorded() -> None:
    with pytest.raises(ValidationError, match="null lists need schema_version 3"):
        Checklist.model_validate({**V2_BASE, "children": None})
    v3 = Checklist.model_validate({**V2_BASE, "schema_version": 3, "adults": []})
    assert v3.children is None  # not recorded
    assert v3.adults == []  # recorded: none
    facts = v3.model_dump(mode="json", exclude_none=True)
    assert "children" not in facts
    assert facts["adults"] == []


def test_every_v3_field_is_documented_with_an_example() -> None:
    lacking = [
        f"{model}.{name}"
        for model, name, info in _schema_fields()
        if isinstance(info.json_schema_extra, dict)
        and info.json_schema_extra.get("x-added-in-schema-version") == 3
        and not info.examples
    ]
    assert lacking == []
