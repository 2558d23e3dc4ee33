"""Regression fixtures for concern-for-a-child 1.0.0: six scenarios, each with a "done well" variant.

Fixtures (tests/fixtures/scenarios/*.json) are evaluate request bodies: a checklist with the hook
and, where timing matters, the `as_of` of the moment the client would call. Invented people only.
The narrative language step (LANG-NO-VICTIM-BLAMING) is asserted by its own tests.

These fixtures pin what 1.0.0 decides; they are not evidence of what investigators found. They
record explicit "not done" answers and some facts the published cases do not contain (the
lifestyle-choice girl was 13, not 17; the boy who shared the images was a child). The scenarios
written only from the published facts are the corpus, app/rules/rulesets/concern-for-a-child/corpus/
(tests/rules/test_corpus.py; its report is printed by `safesteps rules test`).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from app.rules.checklist import Checklist
from app.rules.decision import Decision, Outcome
from app.rules.engine import EvaluationContext, evaluate
from app.rules.model import Severity
from app.rules.registry import RulesetRegistry
from tests.conftest import load_fixture
from tests.rules.helpers import as_facts

LANG = "LANG-NO-VICTIM-BLAMING"


def decide(registry: RulesetRegistry, name: str, hook: str | None = None) -> Decision:
    body = load_fixture(f"scenarios/{name}.json")
    checklist = Checklist.model_validate(body["checklist"])
    as_of = datetime.fromisoformat(body["as_of"]) if body.get("as_of") else checklist.latest_time()
    ruleset = registry.get("concern-for-a-child", "1.0.0")
    return evaluate(ruleset, as_facts(checklist), EvaluationContext(hook or body.get("hook"), as_of))


def missing(decision: Decision) -> dict[str, Severity]:
    return {f.rule_id: f.severity for f in decision.findings if f.outcome is Outcome.missing}


def critical_flags(decision: Decision) -> list[str]:
    return [f.rule_id for f in decision.findings if f.severity is Severity.critical and f.step_id != LANG]


def test_neighbour_dispute_children_left_with_unchecked_young_adults(registry: RulesetRegistry) -> None:
    decision = decide(registry, "neighbour-dispute")
    flagged = missing(decision)
    for rule_id in (
        "CFC-IDENTIFY-ALL-CHILDREN",
        "CFC-CHECK-ALL-ADULTS",
        "CARE-SUITABLE-CARER-CHECKS",
        "CARE-SUITABLE-CARER-CHECKS.csc-consulted",
        "CARE-CARER-DISQUALIFIERS",
        "REF-CSC-REFERRAL",
    ):
        assert flagged.get(rule_id) is Severity.critical, rule_id
    assert decision.outcomes["CFC-SEE-EVERY-CHILD"] is Outcome.met  # the children were seen
    assert decision.blocking is True
    assert "CFC-PARENTAL-RESPONSIBILITY" in missing(decide(registry, "neighbour-dispute", "scene.assessment"))
    assert "CARE-DEPENDANTS-ON-ARREST" in missing(decide(registry, "neighbour-dispute", "scene.arrest"))


def test_care_home_girl_seen_getting_into_a_car(registry: RulesetRegistry) -> None:
    report = missing(decide(registry, "care-home-girl", "missing.report"))
    assert {
        "MIS-RECORD-MISSING-NOT-ABSENT",
        "MIS-RISK-ASSESS-EXPLOITATION",
        "MIS-IMMEDIATE-LOCATE",
    } <= set(report)
    returned = missing(decide(registry, "care-home-girl", "missing.return"))
    assert returned.get("MIS-PREVENTION-INTERVIEW") is Severity.critical
    assert "MIS-RHI-NOTIFY-LA" in returned


def test_call_about_a_child_hit_in_a_car_downgraded_without_checks(registry: RulesetRegistry) -> None:
    decision = decide(registry, "child-hit-in-car")
    flagged = missing(decision)
    assert flagged.get("CR-DOWNGRADE-NEEDS-CHILD-CHECK") is Severity.critical
    assert "CR-UNRESOURCED-ESCALATE" in flagged
    assert decision.blocking is True


def test_coerced_images_nobody_owned(registry: RulesetRegistry) -> None:
    decision = decide(registry, "coerced-images")
    assert set(missing(decision)) >= {
        "IMG-OWNER-AND-SAFEGUARD",
        "IMG-OWNER-AND-SAFEGUARD.victim-safeguarding",
        "IMG-OWNER-AND-SAFEGUARD.suspect-and-other-victims",
        "REF-CSC-REFERRAL",
    }
    assert decision.blocking is False  # reporting imagery is an advisory moment


def test_lifestyle_choice_record_steps_other_than_language(registry: RulesetRegistry) -> None:
    flagged = missing(decide(registry, "lifestyle-choice-record"))
    assert {
        "MIS-RECORD-MISSING-NOT-ABSENT",
        "MIS-RISK-ASSESS-EXPLOITATION",
        "MIS-ACT-ON-EXPLOITATION-INTEL",
    } <= set(flagged)


def test_child_held_overnight_after_charge(registry: RulesetRegistry) -> None:
    decision = decide(registry, "child-held-overnight")
    flagged = missing(decision)
    assert flagged.get("CUST-S38-6-TRANSFER") is Severity.critical
    assert "CUST-S38-6-TRANSFER.voluntary-interview" in flagged
    assert decision.outcomes["CUST-JUVENILE-SAFEGUARDS.appropriate-adult"] is Outcome.met


@pytest.mark.parametrize(
    ("name", "hooks"),
    [
        ("neighbour-dispute", ["scene.arrival", "scene.assessment", "scene.arrest", "scene.depart"]),
        ("care-home-girl", ["missing.report", "missing.review", "missing.return"]),
        ("child-hit-in-car", ["call.regrade_or_close"]),
        ("coerced-images", ["image.report"]),
        ("lifestyle-choice-record", ["missing.report", "missing.review"]),
        ("child-held-overnight", ["custody.booking", "custody.charge"]),
    ],
)
def test_done_well_flags_nothing_critical(registry: RulesetRegistry, name: str, hooks: list[str]) -> None:
    bad = [decide(registry, name, hook) for hook in hooks]
    assert any(critical_flags(d) for d in bad), "the failing variant must flag something critical"
    for hook in hooks:
        decision = decide(registry, f"{name}-done-well", hook)
        assert critical_flags(decision) == [], hook
        assert decision.blocking is False
        assert missing(decision) == {}, hook
