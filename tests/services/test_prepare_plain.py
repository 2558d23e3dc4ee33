"""What the request path prepares (``submissions._unit_of_work``: the evaluation time worked out once
by ``_times``) equals the plain ``prepare`` of the same submission: decision, record bytes, request
hash, history rows, for every rule-set version (one of which reads history), hook and a varied
corpus, with and without an ``as_of`` given."""

from __future__ import annotations

from itertools import cycle
from typing import Any

from app.rules.checklist import Checklist
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import history, submissions
from benchmarks.corpus import generate
from tests.submissions import submission

HOOKS = (None, "scene.depart", "scene.arrival", "incident.close")
AS_OF = (None, "2026-11-22T20:10:00+00:00", None, "2027-02-01T08:00:00+01:00")


def _stored_form(item: submissions.Prepared) -> dict[str, Any]:
    """All a prepared submission stores and answers, but its fresh decision id and clock reading."""
    record = item.record.model_dump(exclude={"decision_id", "recorded_at"})
    return {
        "decision": item.decision.model_dump(mode="json"),
        "record": record,
        "result": item.result,
        "request_hash": item.request_hash,
        "history_rows": item.history_rows.rows,
        "device": item.device,
        "used_history": item.used_history,
    }


def test_the_request_paths_preparation_equals_the_plain_one(registry: RulesetRegistry) -> None:
    assert any(history.reads_history(c) for c in registry.versions("concern-for-a-child"))
    versions = [None, *(c.document.version for c in registry.versions("concern-for-a-child"))]
    pseudonymiser = history.Pseudonymiser("prepare-plain-secret-0123456789abcdef")
    walked = 0
    for checklist, hook, version, as_of in zip(
        generate(60), cycle(HOOKS), cycle(versions), cycle(AS_OF), strict=False
    ):
        ref = Checklist.model_validate(checklist).incident.reference
        fields = {**submission(ref, hook=hook), "checklist": checklist, "ruleset": {"version": version}}
        if as_of is not None:
            fields["as_of"] = as_of
        body = SubmissionCreate.model_validate(fields)
        at, evaluated_at = submissions._times(registry, body)
        if at is not None:
            continue  # evaluated in the write transaction, with its history: not this path
        walked += as_of is None and evaluated_at is not None
        common: dict[str, Any] = {
            "idempotency_key": "k",
            "base_revision": None,
            "requested_by": "t",
            "pseudonymiser": pseudonymiser,
        }
        fast = submissions.prepare(registry, ref, body, as_of=evaluated_at, **common)
        plain = submissions.prepare(registry, ref, body, **common)
        assert _stored_form(fast) == _stored_form(plain)
        assert fast.record.input == plain.record.input
        assert fast.record.context == plain.record.context
        assert fast.record.result == plain.record.result
    assert walked  # some took the checklist's latest time from ``_times``
