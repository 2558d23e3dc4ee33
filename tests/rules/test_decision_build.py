"""build_decision's shortcuts (shared findings, interned counts) give exactly what validation would."""

from __future__ import annotations

from datetime import UTC, datetime

from app.rules.checklist import Checklist
from app.rules.decision import Decision, FindingDetail, Outcome, decision_json, make_finding
from app.rules.engine import EvaluationContext, build_decision, evaluate
from app.rules.model import Rule
from tests.rules.helpers import as_facts, checklist, compiled, rule

RULESET = compiled(
    rule("CFC-SEE-EVERY-CHILD", severity="critical", applies_if="len(children) > 0",
         missing_if="some(children, #.seen == false)", met_if="all(children, #.seen == true)"),
    rule("CFC-VOICE-OF-CHILD", severity="medium", applies_if="len(children) > 0",
         missing_if="some(children, #.spoken_to == false)", met_if="all(children, #.spoken_to == true)"),
    rule("CR-CHILD-CALLER-MINIMAL", severity="low", applies_if="false"),
)  # fmt: skip
CONTEXT = EvaluationContext(hook="scene.depart", as_of=datetime(2025, 6, 1, tzinfo=UTC))


def decide(children: list[dict[str, object]]) -> Decision:
    facts = Checklist.model_validate(checklist(children=children))
    return evaluate(RULESET, as_facts(facts), CONTEXT)


def test_decision_equals_its_fully_validated_copy() -> None:
    decision = decide([{"id": "C1", "seen": False}, {"id": "C2", "seen": True, "spoken_to": True}])
    assert Decision.model_validate(decision.model_dump()) == decision
    assert Decision.model_validate_json(decision.model_dump_json()).model_dump_json() == (
        decision.model_dump_json()
    )
    assert [(f.rule_id, f.outcome, f.evaluation_error) for f in decision.findings] == [
        ("CFC-SEE-EVERY-CHILD", Outcome.missing, False),
        ("CFC-VOICE-OF-CHILD", Outcome.unknown, False),
    ]
    counts = {s.value: c.model_dump() for s, c in decision.counts.items()}
    assert counts["critical"] == {"met": 0, "missing": 1, "unknown": 0, "not_applicable": 0}
    assert counts["medium"] == {"met": 0, "missing": 0, "unknown": 1, "not_applicable": 0}
    assert counts["low"] == {"met": 0, "missing": 0, "unknown": 0, "not_applicable": 1}


def test_findings_are_built_once_per_rule_set_and_shared() -> None:
    first = decide([{"id": "C1", "seen": False}])
    second = decide([{"id": "C9", "seen": False, "spoken_to": False}])
    assert first.findings[0] is second.findings[0]
    assert first.findings[0] == make_finding(RULESET.document.rules[0], Outcome.missing)


def test_a_failed_rule_gets_the_evaluation_error_finding() -> None:
    seen = RULESET.document.rules[0]
    decision = build_decision(
        RULESET, [(seen, Outcome.unknown)], CONTEXT, checklist_schema_version=1, failed={seen.id}
    )
    assert decision.findings[0].evaluation_error is True
    assert decision.findings[0].outcome is Outcome.unknown


def test_a_rule_from_elsewhere_gets_its_own_finding_not_a_cached_one() -> None:
    """The table is keyed by rule object: an edited rule with the same id must not get stale text."""
    edited = Rule.model_validate(RULESET.document.rules[0].model_dump() | {"message": "A different message."})
    decision = build_decision(RULESET, [(edited, Outcome.missing)], CONTEXT, checklist_schema_version=1)
    assert decision.findings[0].message == "A different message."


def test_latest_time_finds_times_in_nested_parts() -> None:
    latest = "2025-05-05T23:00:00+00:00"
    facts = Checklist.model_validate(
        checklist(
            incident={
                "reference": "INC-T",
                "force": "TEST",
                "type": "domestic_abuse",
                "reported_at": "2025-05-05T10:00:00Z",
                "grade_history": [{"at": "2025-05-05T11:00:00Z", "to_grade": "scheduled"}],
            },
            call={"intel_checks": [{"system": "PNC", "subject": "adult", "at": "2025-05-05T12:00:00Z"}]},
            adults=[{"id": "A1", "roles": ["carer"], "checks": {"completed_at": latest}}],
            children=[{"id": "C1", "date_of_birth": "2025-05-06"}],  # a date, not a time: ignored
        )
    )
    assert facts.latest_time() == datetime(2025, 5, 5, 23, tzinfo=UTC)
    assert Checklist.model_validate(checklist()).latest_time() is None


def test_decision_json_is_byte_for_byte_model_dump_json() -> None:
    decisions = [
        decide([{"id": "C1", "seen": False}, {"id": "C2", "seen": True, "spoken_to": True}]),
        decide([{"id": "C1", "seen": True, "spoken_to": True}]),  # no findings
        evaluate(RULESET, as_facts(Checklist.model_validate(checklist())), EvaluationContext()),  # nulls
    ]
    detail = FindingDetail(path="narratives[0].text", text="a phrase", suggestion="another")
    seen = RULESET.document.rules[0]
    decisions.append(
        build_decision(
            RULESET,
            [(seen, Outcome.missing)],
            EvaluationContext(hook="scene.depart", as_of=datetime(2025, 6, 1, 12, 30, 15, 250, tzinfo=UTC)),
            checklist_schema_version=2,
            details={seen.id: (detail,)},
        )
    )
    for decision in decisions:
        assert decision_json(decision) == decision.model_dump_json().encode()
