"""``history_changed`` (only the rules that read history evaluated again) answers exactly as the
plain method (the whole rule set evaluated again without history), on concern-for-a-child 1.3.0's
cases and the lint's synthetic checklists at every hook, each with its own history, several
synthetic histories, an unlinked one and none; and on a synthetic rule set where history alone
makes a decision blocking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.history_effect import history_changed, history_view, reads_history, without_history
from app.rules.lint import sample_facts
from app.rules.model import RulesetDocument
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry
from app.rules.replay import impact
from app.rules.testing import Problem, load_cases
from tests.rules.helpers import as_facts
from tests.synthetic_rulesets import document, rule


def history_changed_by_full_evaluation(
    registry: RulesetRegistry,
    facts: Facts,
    hook: str | None,
    *,
    as_of: datetime | None,
    ruleset: RulesetRef,
    history: HistoryFacts | None,
    result: Mapping[str, Any],
) -> bool | None:
    """``history_changed`` the plain way, by evaluating the whole rule set again without history:
    the reference the fast method is held to."""
    if history is None:
        return None
    blank = without_history(history)
    if blank == history:
        return False
    again = decide(registry, facts, hook, as_of=as_of, ruleset=ruleset, history=blank)
    return impact(result, again).changed


RULESET = "concern-for-a-child"
AS_OF = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def registry() -> RulesetRegistry:
    return RulesetRegistry.load()


def person(pid: str, level: int, *, linked: bool = True) -> PersonHistory:
    """A person's history, from nothing (level 0) to a lot of everything (level 3)."""
    return PersonHistory.model_construct(  # the synthetic checklists' ids are not all valid refs
        id=pid,
        linked=linked,
        earlier_incidents=4 * level,
        concerns_3m=level,
        concerns_12m=2 * level,
        missing_episodes=2 * level,
        missing_90d=level,
        injuries=level,
        referrals=level,
        last_referral_outcome="no_further_action" if level else None,
        open_critical_steps=("SEE-EVERY-CHILD", "CHECK-CARER-SUITABILITY") if level >= 2 else (),
        suspect_before=level >= 2,
        last_incident_at=date(2027, 1, 20) if level else None,
    )


def _id(value: Any, otherwise: str) -> str:
    """The person's own id where it is a valid reference (the synthetic checklists' are not all)."""
    valid = isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:/-]*", value)
    return value if valid else otherwise


def histories(checklist: dict[str, Any]) -> Iterator[tuple[str, HistoryFacts | None]]:
    children = [_id(c.get("id"), f"C{i}") for i, c in enumerate(checklist.get("children") or [], 1)]
    adults = [_id(a.get("id"), f"A{i}") for i, a in enumerate(checklist.get("adults") or [], 1)]
    yield "none", None
    for level in range(4):
        yield (
            f"level-{level}",
            HistoryFacts(
                computed_at=AS_OF,
                children=tuple(person(c, level) for c in children),
                adults=tuple(person(a, level) for a in adults),
                address=AddressHistory(
                    linked=True, concerns_3m=level, concerns_12m=2 * level, domestic_12m=level
                ),
            ),
        )
    yield (
        "mixed",
        HistoryFacts(
            computed_at=AS_OF,
            children=tuple(person(c, 3 - i % 4) for i, c in enumerate(children)),
            adults=tuple(person(a, i % 4, linked=i % 2 == 0) for i, a in enumerate(adults)),
            address=None,
        ),
    )
    yield (
        "unlinked",
        HistoryFacts(
            computed_at=AS_OF,
            children=tuple(person(c, 0, linked=False) for c in children),
            adults=tuple(person(a, 0, linked=False) for a in adults),
            address=AddressHistory(linked=False, concerns_3m=0, concerns_12m=0, domestic_12m=0),
        ),
    )


Input = tuple[str, dict[str, Any], str | None, datetime | None, HistoryFacts | None]


def inputs(ruleset: CompiledRuleset) -> Iterator[Input]:
    """Every 1.3.0 case (with its own history), and the synthetic checklists at every hook."""
    for file in sorted(Path(BUILTIN_RULESETS / RULESET / "1.3.0.cases").glob("*.yaml")):
        problems: list[Problem] = []
        for case in load_cases(file, ruleset, problems):
            yield f"{file.stem}:{case.name}", case.checklist, case.hook, case.as_of, case.history
        assert problems == []
    for name, facts in sample_facts(3).items():
        checklist = {k: v for k, v in facts.items() if k != "context"}
        for hook in [None, *sorted(h for h in vocabulary.hooks() if h != vocabulary.ALL_RULES_HOOK)]:
            yield f"sample:{name}:{hook}", checklist, hook, AS_OF, None


def _facts(checklist: dict[str, Any]) -> Facts:
    try:
        return Facts.of(Checklist.model_validate(checklist))
    except ValueError:
        return as_facts(checklist)  # the synthetic checklists are raw facts, as stored


def both(
    registry: RulesetRegistry, facts: Facts, hook: str | None, as_of: datetime | None, ref: RulesetRef,
    history: HistoryFacts | None,
) -> tuple[bool | None, bool | None]:  # fmt: skip
    decision = decide(registry, facts, hook, as_of=as_of, ruleset=ref, history=history)
    pinned = RulesetRef(decision.ruleset.id, decision.ruleset.version)
    result = decision.model_dump(mode="json")
    args: dict[str, Any] = {"as_of": decision.as_of, "ruleset": pinned, "history": history, "result": result}
    return (
        history_changed(registry, facts, hook, **args),
        history_changed_by_full_evaluation(registry, facts, hook, **args),
    )


def test_the_fast_method_answers_as_the_full_one_on_1_3_0(registry: RulesetRegistry) -> None:
    ruleset = registry.get(RULESET, "1.3.0")
    ref = RulesetRef(RULESET, "1.3.0")
    answers: dict[bool | None, int] = {}
    for name, checklist, hook, as_of, own in inputs(ruleset):
        facts = _facts(checklist)
        variants = [("own", own)] if own is not None else []
        for label, history in [*variants, *histories(checklist)]:
            fast, full = both(registry, facts, hook, as_of, ref, history)
            assert fast == full, (name, label)
            answers[fast] = answers.get(fast, 0) + 1
    assert answers[True] > 50, answers  # history changed some outcomes...
    assert answers[False] > 500, answers  # ...not others
    assert answers[None] > 100, answers


def test_only_the_history_rules_of_1_3_0_are_evaluated_again(registry: RulesetRegistry) -> None:
    old, new = registry.get(RULESET, "1.2.0"), registry.get(RULESET, "1.3.0")
    added = {r.id for r in new.document.rules} - {r.id for r in old.document.rules}
    assert {r.id for r in new.document.rules if reads_history(r)} == added
    assert not any(reads_history(r) for r in old.document.rules)  # grade_history is not history
    view = history_view(new)
    assert history_view(new) is view  # built once
    assert {r.id for r in view.program(None).rules} == added
    for hook, program in new.programs.items():
        assert view.program(hook).rules == tuple(r for r in program.rules if r.id in added), hook


def test_conservative_about_what_may_read_history() -> None:
    def reads(condition: str) -> bool:
        return reads_history(rule_of(condition))

    assert reads("context.history != null")
    assert reads('$root.context["history"] != null')
    assert reads("context[x] != null")
    assert reads("len(keys(context)) > 2")
    assert not reads("context.as_of != null and len(incident.grade_history ?? []) > 0")


def rule_of(condition: str) -> Any:
    doc = RulesetDocument.model_validate(
        document("9.1.0", semantics=2, rules=[rule("CFC-SEE-EVERY-CHILD", **blocking_rule(condition))])
    )
    return doc.rules[0]


def blocking_rule(missing_if: str) -> dict[str, Any]:
    return {
        "severity": "critical",
        "hooks_rationale": "Synthetic.",
        "message_unknown": "Not recorded.",
        "applies_if": "len(children) > 0",
        "missing_if": missing_if,
        "met_if": "true",
    }


REPEAT = "some(context.history.children ?? [], #.linked == true and #.concerns_12m >= 2)"


def test_history_alone_blocking_and_a_blocking_decision_either_way() -> None:
    """One critical rule reads history, another does not: whether history changed the blocking flag
    depends on both, as the full evaluation says."""
    data = document(
        "9.2.0",
        semantics=2,
        history=1,
        rules=[
            rule("CFC-SEE-EVERY-CHILD", **blocking_rule(REPEAT)),
            rule("REF-CSC-REFERRAL", **blocking_rule("children[0].seen == false")),
        ],
    )
    doc = RulesetDocument.model_validate(data)
    registry = RulesetRegistry([compile_ruleset(doc, "synthetic-history-effect")])
    ref = RulesetRef(RULESET, "9.2.0")
    seen: set[tuple[bool | None, bool]] = set()
    for seen_child in (True, False):
        checklist = Checklist.model_validate(
            {
                "schema_version": 3,
                "incident": {"reference": "LOG-H-0100", "force": "WMP", "type": "welfare_concern"},
                "children": [{"id": "C1", "present": True, "seen": seen_child}],
            }
        )
        for level in range(4):
            child = (person("C1", level),)
            history = HistoryFacts(computed_at=AS_OF, children=child, adults=(), address=None)
            for hook in ("scene.depart", "incident.close", None):
                fast, full = both(registry, Facts.of(checklist), hook, AS_OF, ref, history)
                assert fast == full, (seen_child, level, hook)
                seen.add((fast, seen_child))
    assert (True, True) in seen  # blocking only because of history
    assert (False, True) in seen  # history, but not enough to change anything
    assert (False, False) in seen  # blocking either way
