"""The replay's result encoder gives exactly the canonical JSON a decision record stores."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.rules import vocabulary
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.registry import RulesetRegistry
from app.rules.replay import context_from_json
from app.services.replay.encoder import ResultEncoder
from benchmarks.corpus import generate

CHECKLISTS = [Checklist.model_validate(c) for c in generate(40, seed=7)]
TIMES = [
    None,
    datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
    datetime(2026, 3, 1, 9, 30, 15, 250000, tzinfo=UTC),
    datetime(2026, 7, 1, 10, 0, tzinfo=timezone(timedelta(hours=1))),
    context_from_json({"as_of": "2026-11-22T19:45:10+00:00"}).as_of,
]


@pytest.mark.parametrize("hook", [None, *vocabulary.hooks()])
def test_the_encoder_gives_the_bytes_of_the_plain_canonical_dump(
    registry: RulesetRegistry, hook: str | None
) -> None:
    encoder = ResultEncoder()
    seen_details = False
    for ruleset in registry.versions("concern-for-a-child"):  # every semantics, 1 and 2
        for i, checklist in enumerate(CHECKLISTS):
            context = EvaluationContext(hook=hook, as_of=TIMES[i % len(TIMES)])
            decision = evaluate(ruleset, Facts.of(checklist), context)
            seen_details = seen_details or any(f.details for f in decision.findings)
            for _ in range(2):  # the second time from the cache
                assert encoder.encode(decision) == canonical_json(decision.model_dump(mode="json"))
    if hook is None:
        assert seen_details  # language findings (per-call details) are covered


def test_a_finding_that_is_not_the_cached_object_is_encoded_afresh(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.0.0")
    decision = evaluate(ruleset, Facts.of(CHECKLISTS[0]), EvaluationContext(as_of=TIMES[1]))
    assert decision.findings
    encoder = ResultEncoder()
    encoder.encode(decision)
    first = decision.findings[0]
    edited = decision.model_copy(
        update={"findings": (first.model_copy(update={"title": "changed"}), *decision.findings[1:])}
    )
    assert encoder.encode(edited) == canonical_json(edited.model_dump(mode="json"))
    assert b'"title":"changed"' in encoder.encode(edited)
