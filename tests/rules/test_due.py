"""Due moments (semantics 2): unknown before the moment, missing with basis not_recorded at it.

Contract 2 of the team board; the rule-set side is in ``app/rules/model.py``, the evaluation in
``app/rules/engine.py`` and ``app/rules/compiler.py``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset, content_hash
from app.rules.decision import Basis, Decision, Outcome, decision_json
from app.rules.engine import ENGINE_VERSION, ENGINE_VERSIONS, EvaluationContext, Facts, evaluate
from app.rules.model import RulesetDocument, Severity
from tests.rules.helpers import as_facts, checklist, compiled, condition_rule, document, language_rule
from tests.rules.semantics2 import (
    NOT_RECORDED_TEXT,
    RECORDED_TEXT,
    UNKNOWN_TEXT,
    children,
    due_rule,
    plain_rule,
)

AS_OF = datetime(2026, 12, 1, 12, tzinfo=UTC)


def s2(*rules: dict[str, Any], **overrides: Any) -> CompiledRuleset:
    return compiled(*rules, semantics=2, **overrides)


def decide_at(ruleset: CompiledRuleset, hook: str | None, *seen: bool | None, **parts: Any) -> Decision:
    facts = as_facts(Checklist.model_validate(checklist(children=children(*seen), **parts)))
    return evaluate(ruleset, facts, EvaluationContext(hook, AS_OF))


def finding(decision: Decision, rule_id: str = "T-SEEN") -> dict[str, Any]:
    """The finding as a decision record stores it (canonical JSON, parsed)."""
    stored = orjson.loads(canonical_json(decision.model_dump(mode="json")))
    return next(f for f in stored["findings"] if f["rule_id"] == rule_id)


def test_before_the_due_hook_an_absent_record_is_unknown_with_its_own_text() -> None:
    decision = decide_at(s2(due_rule()), "scene.arrival", None)
    assert decision.outcomes["T-SEEN"] is Outcome.unknown
    stored = finding(decision)
    assert stored["message"] == UNKNOWN_TEXT
    assert "basis" not in stored  # only missing findings carry a basis


def test_at_the_due_hook_an_absent_record_is_missing_not_recorded() -> None:
    decision = decide_at(s2(due_rule()), "scene.depart", None, True)
    assert decision.outcomes["T-SEEN"] is Outcome.missing
    stored = finding(decision)
    assert (stored["outcome"], stored["basis"], stored["message"]) == (
        "missing",
        "not_recorded",
        NOT_RECORDED_TEXT,
    )


@pytest.mark.parametrize("hook", ["scene.arrival", "scene.depart"])
def test_data_saying_not_done_is_missing_recorded_at_every_hook(hook: str) -> None:
    decision = decide_at(s2(due_rule()), hook, False, None)
    stored = finding(decision)
    assert (stored["outcome"], stored["basis"], stored["message"]) == ("missing", "recorded", RECORDED_TEXT)


@pytest.mark.parametrize("hook", ["scene.arrival", "scene.depart"])
def test_a_recorded_step_is_met_before_and_after_its_due_moment(hook: str) -> None:
    decision = decide_at(s2(due_rule()), hook, True, True)
    assert decision.outcomes["T-SEEN"] is Outcome.met
    assert decision.findings == ()


def test_a_rule_without_due_stays_unknown_at_every_hook() -> None:
    ruleset = s2(due_rule(), plain_rule("T-IDENTIFIED"))
    decision = decide_at(ruleset, "scene.depart", None)
    assert decision.outcomes["T-IDENTIFIED"] is Outcome.unknown


def test_every_rule_evaluation_is_not_due_by_hook() -> None:
    """``audit.replay`` / no hook evaluate every rule, but are no rule's due moment."""
    for hook in (None, "audit.replay"):
        assert decide_at(s2(due_rule()), hook, None).outcomes["T-SEEN"] is Outcome.unknown


def by_rule(by: str, **overrides: Any) -> dict[str, Any]:
    """Due from a time: one hour after the incident was reported."""
    return due_rule(due={"by": by}, **overrides)


BY_REPORT = 'incident.reported_at != null ? d(incident.reported_at).add(1, "h") : null'


@pytest.mark.parametrize(
    ("as_of", "outcome"),
    [
        (datetime(2026, 12, 1, 10, 59, tzinfo=UTC), Outcome.unknown),
        (datetime(2026, 12, 1, 11, 0, tzinfo=UTC), Outcome.missing),  # at the moment: due
        (datetime(2026, 12, 1, 13, 0, tzinfo=UTC), Outcome.missing),
    ],
)
def test_due_by_a_time_computed_from_the_checklist(as_of: datetime, outcome: Outcome) -> None:
    ruleset = s2(by_rule(BY_REPORT))
    data = checklist(children=children(None))
    data["incident"]["reported_at"] = "2026-12-01T10:00:00Z"
    decision = evaluate(ruleset, as_facts(data), EvaluationContext("scene.arrival", as_of))
    assert decision.outcomes["T-SEEN"] is outcome
    if outcome is Outcome.missing:
        assert decision.findings[0].basis is Basis.not_recorded


def test_a_due_time_that_is_null_or_an_unknown_as_of_is_never_due() -> None:
    ruleset = s2(by_rule(BY_REPORT))
    no_time = checklist(children=children(None))  # no reported_at: by is null
    assert decide_at(ruleset, "scene.arrival", None).outcomes["T-SEEN"] is Outcome.unknown
    timed = checklist(children=children(None))
    timed["incident"]["reported_at"] = "2026-12-01T10:00:00Z"
    unpinned = evaluate(ruleset, as_facts(timed), EvaluationContext("scene.arrival", None))
    assert unpinned.outcomes["T-SEEN"] is Outcome.unknown
    assert evaluate(ruleset, as_facts(no_time), EvaluationContext("scene.arrival", AS_OF)).outcomes[
        "T-SEEN"
    ] is (Outcome.unknown)


def test_hooks_and_by_together_are_due_at_either() -> None:
    ruleset = s2(due_rule(due={"hooks": ["scene.depart"], "by": BY_REPORT}))
    data = checklist(children=children(None))
    data["incident"]["reported_at"] = "2026-12-01T11:30:00Z"  # due by 12:30, after AS_OF
    early = evaluate(ruleset, as_facts(data), EvaluationContext("scene.arrival", AS_OF))
    assert early.outcomes["T-SEEN"] is Outcome.unknown
    at_hook = evaluate(ruleset, as_facts(data), EvaluationContext("scene.depart", AS_OF))
    assert at_hook.findings[0].basis is Basis.not_recorded


def test_a_critical_not_recorded_step_blocks_at_a_blocking_hook() -> None:
    decision = decide_at(s2(due_rule()), "scene.depart", None)
    assert decision.findings[0].basis is Basis.not_recorded
    assert decision.blocking


def test_the_rule_set_can_name_its_blocking_hooks() -> None:
    by_vocabulary = decide_at(s2(due_rule(due={"hooks": ["scene.arrival"]})), "scene.arrival", None)
    assert not by_vocabulary.blocking  # scene.arrival does not block in the vocabulary
    own = s2(due_rule(due={"hooks": ["scene.arrival"]}), blocking_hooks=["scene.arrival"])
    assert decide_at(own, "scene.arrival", None).blocking
    assert not decide_at(own, "scene.depart", False).blocking  # no longer blocking: not in the list


def test_score_counts_not_recorded_as_missing_and_completeness_as_unrecorded() -> None:
    ruleset = s2(due_rule(), plain_rule("T-IDENTIFIED", missing_if="false", met_if="true"))
    decision = decide_at(ruleset, "scene.depart", None)
    # T-SEEN critical (8) not recorded by its due moment; T-IDENTIFIED high (4) met.
    assert decision.score == round(100 * 4 / 12, 1)
    assert decision.completeness == 50.0
    assert decision.counts[Severity.critical].missing == 1  # counts: missing covers both bases
    recorded = decide_at(ruleset, "scene.depart", False)
    assert (recorded.score, recorded.completeness) == (decision.score, 100.0)


def test_results_name_the_semantics_2_engine_and_semantics_1_results_are_unchanged() -> None:
    assert decide_at(s2(due_rule()), "scene.depart", None).engine_version == ENGINE_VERSIONS[2]
    old = decide_at(compiled(condition_rule()), "scene.depart", False)
    assert old.engine_version == ENGINE_VERSION == ENGINE_VERSIONS[1]
    assert ENGINE_VERSIONS[1] != ENGINE_VERSIONS[2]
    assert "basis" not in canonical_json(old.model_dump(mode="json")).decode()
    assert "basis" not in old.model_dump_json()


def test_language_findings_of_a_semantics_2_rule_set_are_missing_recorded() -> None:
    ruleset = s2(
        due_rule(), language_rule(hooks_rationale="Wording is checked whenever a narrative is written.")
    )
    data = checklist(children=children(True), narratives=[{"text": "Her lifestyle choice again."}])
    decision = evaluate(ruleset, as_facts(data), EvaluationContext("narrative.lint", AS_OF))
    [language] = decision.findings
    assert (language.outcome, language.basis) == (Outcome.missing, Basis.recorded)
    assert language.details


def test_shared_findings_serialise_as_a_plain_dump_would() -> None:
    """The finding table's cached JSON holds for every (outcome, basis) a semantics-2 rule has."""
    ruleset = s2(due_rule(), plain_rule("T-IDENTIFIED"))
    for hook, seen in (("scene.arrival", None), ("scene.depart", None), ("scene.depart", False)):
        decision = decide_at(ruleset, hook, seen)
        assert decision.findings
        assert decision_json(decision) == decision.model_dump_json().encode()


def test_stored_and_live_facts_decide_alike_under_semantics_2() -> None:
    ruleset = s2(due_rule(), plain_rule("T-IDENTIFIED"))
    data = checklist(children=[{"id": "C1", "seen": None, "identified": False}, {"id": "C2"}])
    model = Checklist.model_validate(data)
    stored = Facts.stored(Facts.of(model).input_json(), model.schema_version)
    for hook in ("scene.arrival", "scene.depart", None):
        context = EvaluationContext(hook, AS_OF)
        assert evaluate(ruleset, Facts.of(model), context) == evaluate(ruleset, stored, context)


def test_new_fields_at_their_defaults_leave_the_content_hash_alone() -> None:
    """1.0.0 and 1.1.0 keep their published hashes (``tests/rules/test_golden.py`` checks them too)."""
    base = RulesetDocument.model_validate(document(condition_rule()))
    explicit = RulesetDocument.model_validate(
        document(condition_rule(), semantics=1, times={}, calendars={}, blocking_hooks=None)
    )
    assert content_hash(base) == content_hash(explicit)
    with_due = RulesetDocument.model_validate(document(due_rule(), semantics=2))
    other_text = RulesetDocument.model_validate(
        document(due_rule(message_not_recorded="Officers left without recording it."), semantics=2)
    )
    assert content_hash(with_due) != content_hash(other_text)
