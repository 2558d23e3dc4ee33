"""concern-for-a-child 1.3.0: 1.2.0 plus rules that read history facts (issue #15).

Without history (none passed, or every person and the address unlinked) 1.3.0 decides exactly as
1.2.0: the same findings, blocking, score, completeness and outcomes, the history rules reported
not applicable (their only trace: their own entries in ``outcomes`` and ``counts.not_applicable``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision, Outcome
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.lint import sample_facts
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry
from app.rules.testing import Problem, load_cases
from tests.rules.helpers import as_facts

RULESET = "concern-for-a-child"
AS_OF = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def versions() -> tuple[CompiledRuleset, CompiledRuleset]:
    registry = RulesetRegistry.load()
    return registry.get(RULESET, "1.2.0"), registry.get(RULESET, "1.3.0")


def history_rule_ids(new: CompiledRuleset, old: CompiledRuleset) -> set[str]:
    return {r.id for r in new.document.rules} - {r.id for r in old.document.rules}


def unlinked(facts: dict[str, Any]) -> HistoryFacts:
    """History as the service computes it when nobody could be linked: every count 0."""

    def person(pid: str) -> PersonHistory:
        # model_construct: the synthetic checklists' ids are not all valid references
        return PersonHistory.model_construct(
            id=pid,
            linked=False,
            earlier_incidents=0,
            concerns_3m=0,
            concerns_12m=0,
            missing_episodes=0,
            missing_90d=0,
            injuries=0,
            referrals=0,
            suspect_before=False,
            last_referral_outcome=None,
            open_critical_steps=(),
            last_incident_at=None,
        )

    address = AddressHistory(linked=False, concerns_3m=0, concerns_12m=0, domestic_12m=0)
    return HistoryFacts(
        computed_at=AS_OF,
        children=tuple(person(c["id"]) for c in facts.get("children") or []),
        adults=tuple(person(a["id"]) for a in facts.get("adults") or []),
        address=address,
    )


def without_history_rules(decision: Decision, new_rules: set[str], rules: CompiledRuleset) -> dict[str, Any]:
    """A 1.3.0 decision as 1.2.0 would give it: identity aside, and the history rules (which must
    be not applicable) taken out of ``outcomes`` and ``counts``."""
    data = decision.model_dump(mode="json", exclude={"ruleset"})
    severity = {r.id: r.severity.value for r in rules.document.rules}
    for rule_id in new_rules:
        outcome = data["outcomes"].pop(rule_id, None)
        if outcome is None:
            continue  # not run at this hook
        assert outcome == Outcome.not_applicable.value, rule_id
        data["counts"][severity[rule_id]]["not_applicable"] -= 1
    return data


def inputs() -> Iterator[tuple[str, dict[str, Any], str | None, datetime | None]]:
    """Every 1.2.0 case (its checklist, hook and as_of), and the synthetic checklists at every hook."""
    directory = BUILTIN_RULESETS / RULESET / "1.2.0.cases"
    registry = RulesetRegistry.load()
    old = registry.get(RULESET, "1.2.0")
    for file in sorted(Path(directory).glob("*.yaml")):
        problems: list[Problem] = []
        for case in load_cases(file, old, problems):
            yield f"{file.stem}:{case.name}", case.checklist, case.hook, case.as_of
        assert problems == []
    for name, facts in sample_facts(3).items():
        checklist = {k: v for k, v in facts.items() if k != "context"}
        for hook in [None, *sorted(h for h in vocabulary.hooks() if h != vocabulary.ALL_RULES_HOOK)]:
            yield f"sample:{name}:{hook}", checklist, hook, AS_OF


def _facts(checklist: dict[str, Any]) -> Facts:
    try:
        return Facts.of(Checklist.model_validate(checklist))
    except ValueError:
        return as_facts(checklist)  # the synthetic checklists are raw facts, as stored


def test_without_history_1_3_0_decides_exactly_as_1_2_0(
    versions: tuple[CompiledRuleset, CompiledRuleset],
) -> None:
    old, new = versions
    new_rules = history_rule_ids(new, old)
    assert len(new_rules) == 10
    compared = 0
    for name, checklist, hook, as_of in inputs():
        facts = _facts(checklist)
        when = as_of or facts.latest_time
        old_decision = evaluate(old, facts, EvaluationContext(hook=hook, as_of=when))
        for history in (None, unlinked(checklist)):
            decision = evaluate(new, facts, EvaluationContext(hook=hook, as_of=when, history=history))
            assert decision.ruleset.version == "1.3.0"
            assert not any(f.evaluation_error for f in decision.findings), name
            assert without_history_rules(decision, new_rules, new) == old_decision.model_dump(
                mode="json", exclude={"ruleset"}
            ), (name, history is not None)
            compared += 1
    assert compared > 300


def test_the_history_rules_cite_sources_and_known_steps(
    versions: tuple[CompiledRuleset, CompiledRuleset],
) -> None:
    old, new = versions
    steps = vocabulary.steps()
    for rule in new.document.rules:
        if rule.id not in history_rule_ids(new, old):
            continue
        assert rule.step in steps, rule.id
        assert rule.references, rule.id
        assert all(r.document and r.section for r in rule.references), rule.id
        assert rule.hooks_rationale, rule.id
        assert rule.notes, rule.id
        assert "Threshold" in rule.notes or "Step:" in rule.notes, rule.id
        assert rule.message_unknown, rule.id
        assert rule.message_not_recorded, rule.id
        assert rule.due is not None, rule.id


def test_1_3_0_reads_history_and_is_not_yet_in_force(
    versions: tuple[CompiledRuleset, CompiledRuleset],
) -> None:
    old, new = versions
    assert new.document.history == 1
    assert old.document.history is None
    assert str(new.document.effective_from) == "2027-01-04"
    registry = RulesetRegistry.load()
    assert registry.in_force(RULESET, datetime(2026, 12, 1).date()).document.version == "1.2.0"
    assert registry.in_force(RULESET, datetime(2027, 1, 4).date()).document.version == "1.3.0"
