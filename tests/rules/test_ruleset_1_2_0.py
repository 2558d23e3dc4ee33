"""Properties of concern-for-a-child 1.2.0's content that the cases do not show one by one."""

from __future__ import annotations

import pytest

from app.rules import vocabulary
from app.rules.model import Rule, RulesetDocument
from app.rules.registry import RulesetRegistry


@pytest.fixture(scope="module")
def document() -> RulesetDocument:
    return RulesetRegistry.load().get("concern-for-a-child", "1.2.0").document


def test_every_step_has_a_rule_and_every_rule_explains_each_of_its_hooks(document: RulesetDocument) -> None:
    assert {r.step for r in document.rules} == set(vocabulary.steps())
    unexplained = {
        r.id: [h for h in r.hooks if h not in (r.hooks_rationale or "")]
        for r in document.rules
        if any(h not in (r.hooks_rationale or "") for h in r.hooks)
    }
    assert unexplained == {}


def test_every_condition_rule_has_a_due_moment(document: RulesetDocument) -> None:
    # The open-items check is the one exception: each of its items is due under its own rule.
    undue = [r.id for r in document.rules if isinstance(r, Rule) and r.due is None]
    assert undue == ["SUP-INDEPENDENT-SUPERVISION.open-items"]


def test_reviews_closures_and_the_charge_decision_block(document: RulesetDocument) -> None:
    assert {"missing.review", "missing.close", "custody.charge", "image.close", "scene.depart"} <= set(
        document.blocking_hooks or ()
    )


@pytest.mark.parametrize(
    "rule_id",
    [
        "MIS-IMMEDIATE-LOCATE",
        "MIS-IMMEDIATE-LOCATE.act-on-intel",
        "IMG-OWNER-AND-SAFEGUARD",
        "CR-UNRESOURCED-ESCALATE",
    ],
)
def test_thresholds_of_our_own_say_so(document: RulesetDocument, rule_id: str) -> None:
    rule = next(r for r in document.rules if r.id == rule_id)
    assert "rule-set choice" in (rule.notes or "")


def test_unverified_steps_and_general_knowledge_cite_unverified_references(document: RulesetDocument) -> None:
    steps = vocabulary.steps()
    for rule in document.rules:
        if not steps[rule.step].verified:
            assert not rule.verified, rule.id
    unverified = {r.id for r in document.rules if not r.verified}
    assert {
        "CARE-CARER-DISQUALIFIERS",
        "LANG-NO-VICTIM-BLAMING.unverified-terms",
        "REF-ALL-CHILDREN-AT-RISK-FROM-SUSPECT.bail-conditions",
    } <= unverified
