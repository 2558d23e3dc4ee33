"""``erasure.plan(..., canonical=True)`` (the append's) promises exactly what the plain plan does:
the same pointers and erased bytes, for results that quote text and results that do not."""

from __future__ import annotations

import pytest

from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import erasure, submissions
from tests.auth_tests.personal import personal_submission
from tests.submissions import submission


@pytest.mark.parametrize(
    ("hook", "observations"),
    [
        ("scene.depart", None),
        ("incident.close", "Said to be making lifestyle choices"),  # a language finding quotes it
        (None, 'Said to be making lifestyle choices, "text": not a key'),
    ],
)
def test_the_canonical_plan_equals_the_plain_plan(
    registry: RulesetRegistry, hook: str | None, observations: str | None
) -> None:
    for body in (submission("WMP-PLAN", hook=hook), personal_submission("WMP-PLAN", hook=hook)):
        if observations is not None:
            body["checklist"]["children"][0]["observations"] = observations
        item = submissions.prepare(
            registry,
            "WMP-PLAN",
            SubmissionCreate.model_validate(body),
            idempotency_key=None,
            base_revision=None,
            requested_by="key:t",
        )
        record = item.record
        plain = erasure.plan(record.input, record.result)
        assert erasure.plan(record.input, record.result, canonical=True) == plain
        quoting = any(p.startswith("/result/") for p in plain.pointers)
        assert quoting == (observations is not None and hook != "scene.depart"), plain.pointers
