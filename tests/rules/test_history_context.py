"""The history facts contract: ``context.history`` is there only when the caller passes it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from app.rules.engine import EvaluationContext
from app.rules.history import HistoryFacts, PersonHistory

AS_OF = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def _child(**overrides: int) -> PersonHistory:
    counts = {"earlier_incidents": 2, "concerns_3m": 0, "concerns_12m": 2, "missing_episodes": 0}
    counts |= {"missing_90d": 0, "injuries": 0, "referrals": 1} | overrides
    return PersonHistory(id="C1", linked=True, suspect_before=False, **counts)


def test_context_without_history_is_the_original_context() -> None:
    assert EvaluationContext(hook="scene.depart", as_of=AS_OF).facts() == {
        "hook": "scene.depart",
        "as_of": "2026-11-02T09:30:00+00:00",
    }


def test_context_with_history_carries_the_facts_as_json() -> None:
    history = HistoryFacts(computed_at=AS_OF, children=(_child(),))
    values = EvaluationContext(hook="incident.close", as_of=AS_OF, history=history).facts()
    assert values["history"]["format"] == 1
    assert values["history"]["children"][0]["concerns_12m"] == 2
    assert values["history"]["children"][0]["open_critical_steps"] == []
    assert values["history"]["address"] is None


def test_history_facts_refuse_unknown_fields_and_negative_counts() -> None:
    with pytest.raises(ValidationError):
        HistoryFacts.model_validate({"computed_at": AS_OF.isoformat(), "names": ["x"]})
    with pytest.raises(ValidationError):
        _child(injuries=-1)


def test_a_version_published_ahead_of_its_date_is_not_chosen_when_today_is_given() -> None:
    from datetime import date

    from app.rules.engine import DEFAULT_RULESET_REF, resolve
    from app.rules.registry import RulesetRegistry

    registry = RulesetRegistry.load()
    ahead = registry.in_force("concern-for-a-child", None)  # the latest published
    assert ahead.document.effective_from > date(2026, 12, 1)  # 1.3.0, from 2027-01-04
    chosen = resolve(registry, DEFAULT_RULESET_REF, None, today=date(2026, 12, 1))
    assert chosen.document.version == "1.2.0"
    assert resolve(registry, DEFAULT_RULESET_REF, None, today=ahead.document.effective_from) is ahead
