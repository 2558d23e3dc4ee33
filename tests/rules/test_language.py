"""The narrative language check (step 53) with the real term list of concern-for-a-child 1.0.0."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision, Outcome
from app.rules.engine import EvaluationContext, evaluate
from app.rules.language import is_negated
from app.rules.registry import RulesetRegistry, load_file
from app.rules.shape import free_text_paths, iter_free_text
from tests.conftest import load_fixture
from tests.rules import helpers
from tests.rules.helpers import as_facts, checklist, language_rule, write_ruleset

GENERAL = "LANG-NO-VICTIM-BLAMING"
UNDER_13 = "LANG-NO-VICTIM-BLAMING.under-13"
UNVERIFIED = "LANG-NO-VICTIM-BLAMING.unverified-terms"
AS_OF = datetime(2025, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def ruleset() -> CompiledRuleset:
    return RulesetRegistry.load().get("concern-for-a-child", "1.0.0")


def lint(ruleset: CompiledRuleset, text: str, age: int = 15, **parts: Any) -> Decision:
    """Evaluate with ``text`` as the supervisor's note about a child of ``age``."""
    data = checklist(
        children=[{"id": "C1", "age": age}],
        actions={"supervision": {"notes": text}},
        **parts,
    )
    return evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )


def flagged(decision: Decision, rule_id: str = GENERAL) -> list[str]:
    return helpers.flagged(decision, rule_id)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("She has made a lifestyle choice.", "lifestyle choice"),
        ("He keeps putting himself at risk by going out.", "putting himself at risk"),
        ("The girl places herself in danger.", "places herself in danger"),
        ("Described by staff as promiscuous.", "promiscuous"),
        ("Referred to as a child prostitute.", "child prostitute"),
        ("Concerns about prostitution at the address.", "prostitution"),
        ("She is in a relationship with a 24 year old man.", "in a relationship with a 24 year old"),
        ("She is in a relationship with an older male.", "in a relationship with an older"),
        ("Her older boyfriend collected her.", "older boyfriend"),
        ("She left with her boyfriend (aged 22).", "boyfriend (aged 22"),
        ("He has been associating with gang members.", "associating with"),
        ("Spending time with elders in the park.", "Spending time with elders"),
        ("She was sending explicit pictures to an adult.", "sending explicit pictures to an adult"),
    ],
)
def test_each_general_term_is_flagged(ruleset: CompiledRuleset, text: str, term: str) -> None:
    decision = lint(ruleset, text)
    assert decision.outcomes[GENERAL] is Outcome.missing
    assert flagged(decision) == [term]


@pytest.mark.parametrize(
    ("text", "term"), [("He is sexually active.", "sexually active"), ("It was consensual.", "consensual")]
)
def test_each_under_13_term_is_flagged_critical(ruleset: CompiledRuleset, text: str, term: str) -> None:
    decision = lint(ruleset, text, age=12)
    assert decision.outcomes[UNDER_13] is Outcome.missing
    assert flagged(decision, UNDER_13) == [term]
    assert next(f for f in decision.findings if f.rule_id == UNDER_13).severity == "critical"


@pytest.mark.parametrize(
    ("text", "term"), [("A known absconder.", "absconder"), ("Very street-wise.", "street-wise")]
)
def test_each_unverified_term_is_flagged_and_marked_unverified(
    ruleset: CompiledRuleset, text: str, term: str
) -> None:
    decision = lint(ruleset, text)
    assert flagged(decision, UNVERIFIED) == [term]
    assert next(f for f in decision.findings if f.rule_id == UNVERIFIED).verified is False


def test_under_13_terms_are_not_flagged_for_older_children(ruleset: CompiledRuleset) -> None:
    decision = lint(ruleset, "He is sexually active.", age=15)
    assert decision.outcomes[UNDER_13] is Outcome.not_applicable
    assert flagged(decision, UNDER_13) == []


def test_under_13_by_date_of_birth_at_the_evaluation_time(ruleset: CompiledRuleset) -> None:
    data = checklist(
        children=[{"id": "C1", "date_of_birth": "2012-03-02", "observations": "Sexually active."}]
    )
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )
    assert decision.outcomes[UNDER_13] is Outcome.missing  # 12 on 2025-03-01
    later = EvaluationContext("narrative.lint", datetime(2025, 3, 2, 12, tzinfo=UTC))
    assert (
        evaluate(ruleset, as_facts(Checklist.model_validate(data)), later).outcomes[UNDER_13]
        is Outcome.not_applicable
    )


def test_case_insensitive(ruleset: CompiledRuleset) -> None:
    assert flagged(lint(ruleset, "LIFESTYLE CHOICE noted")) == ["LIFESTYLE CHOICE"]
    assert flagged(lint(ruleset, "Lifestyle\nchoice")) == ["Lifestyle\nchoice"]


@pytest.mark.parametrize("text", ["unpromiscuousness", "lifestyle choicest", "streetwisely"])
def test_no_flag_inside_another_word(ruleset: CompiledRuleset, text: str) -> None:
    decision = lint(ruleset, text)
    assert flagged(decision) == []
    assert flagged(decision, UNVERIFIED) == []


def test_negated_use_is_not_flagged(ruleset: CompiledRuleset) -> None:
    decision = lint(ruleset, "This is not a lifestyle choice.")
    assert decision.outcomes[GENERAL] is Outcome.met
    assert flagged(decision) == []


@pytest.mark.parametrize(
    "text",
    [
        "It isn't a lifestyle choice",
        "She is never putting herself at risk",
        "No lifestyle choice is involved",
        "He was not promiscuous",
    ],
)
def test_other_negations_are_not_flagged(ruleset: CompiledRuleset, text: str) -> None:
    assert flagged(lint(ruleset, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "This is not only a lifestyle choice",  # "not only" affirms
        "She is no longer streetwise, a lifestyle choice",  # a clause boundary ends the negation
        "It is not, as staff said, a lifestyle choice",  # negation in another clause
        "It must not be assumed that this is a lifestyle choice",  # more than three words away
    ],
)
def test_uses_that_are_not_negated_are_flagged(ruleset: CompiledRuleset, text: str) -> None:
    assert flagged(lint(ruleset, text)) == ["lifestyle choice"]


def test_consent_wording_about_a_child_under_13_is_flagged_even_when_negated(
    ruleset: CompiledRuleset,
) -> None:
    assert flagged(lint(ruleset, "It was not consensual.", age=11), UNDER_13) == ["consensual"]
    assert flagged(lint(ruleset, "Described as non-consensual.", age=11), UNDER_13) == ["consensual"]


def test_a_parents_partner_is_not_flagged(ruleset: CompiledRuleset) -> None:
    text = (
        "Mother's boyfriend was present. She is in a relationship with the suspect. "
        "Mother is in a relationship with a man known to police."
    )
    assert flagged(lint(ruleset, text)) == []


def test_finding_carries_phrase_path_and_suggestion(ruleset: CompiledRuleset) -> None:
    data = checklist(
        children=[
            {"id": "C1", "age": 15},
            {"id": "C2", "age": 14, "observations": "Seen; a lifestyle choice."},
        ],
    )
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )
    [finding] = [f for f in decision.findings if f.rule_id == GENERAL]
    [detail] = finding.details
    assert detail.path == "children[1].observations"
    assert detail.text == "lifestyle choice"
    assert detail.suggestion == "child at risk of / subject to exploitation"
    assert finding.outcome is Outcome.missing
    assert finding.step_id == "LANG-NO-VICTIM-BLAMING"


def test_every_use_in_every_field_is_a_detail(ruleset: CompiledRuleset) -> None:
    data = checklist(
        children=[{"id": "C1", "age": 15, "observations": "Streetwise. Absconder."}],
        call={"thrive": {"risk": "Streetwise child"}},
    )
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )
    [finding] = [f for f in decision.findings if f.rule_id == UNVERIFIED]
    assert [(d.path, d.text) for d in finding.details] == [
        ("call.thrive.risk", "Streetwise"),
        ("children[0].observations", "Streetwise"),
        ("children[0].observations", "Absconder"),
    ]


def test_the_childs_own_words_are_not_reworded(ruleset: CompiledRuleset) -> None:
    data = checklist(children=[{"id": "C1", "age": 15, "account": "He is my older boyfriend"}])
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )
    assert decision.outcomes[GENERAL] is Outcome.not_applicable  # the only free text is excluded


def test_no_free_text_is_not_applicable_and_clean_text_is_met(ruleset: CompiledRuleset) -> None:
    context = EvaluationContext("narrative.lint", AS_OF)
    empty = evaluate(ruleset, as_facts(Checklist.model_validate(checklist())), context)
    assert set(empty.outcomes.values()) == {Outcome.not_applicable}
    clean = lint(ruleset, "The child is at risk of exploitation.")
    assert clean.outcomes[GENERAL] is Outcome.met
    assert clean.outcomes[UNVERIFIED] is Outcome.met


def test_language_rules_run_at_their_hooks_only(ruleset: CompiledRuleset) -> None:
    data = Checklist.model_validate(checklist(actions={"supervision": {"notes": "a lifestyle choice"}}))
    assert GENERAL not in evaluate(ruleset, as_facts(data), EvaluationContext("scene.depart", AS_OF)).outcomes
    for hook in ("narrative.lint", "missing.return", "incident.close", "supervisor.review", None):
        assert (
            evaluate(ruleset, as_facts(data), EvaluationContext(hook, AS_OF)).outcomes[GENERAL]
            is Outcome.missing
        )


def test_free_text_fields_are_found_from_the_schema() -> None:
    data = Checklist.model_validate(
        checklist(
            incident={
                **checklist()["incident"],
                "grade_history": [{"at": AS_OF.isoformat(), "to_grade": "closed", "reason": "r"}],
            },
            children=[{"id": "C1", "account": "a", "observations": ""}],
            scene={"access": {"rationale": "b"}},
        )
    ).model_dump(mode="json")
    assert list(iter_free_text(data, free_text_paths())) == [
        ("incident.grade_history[0].reason", "r"),
        ("children[0].account", "a"),
        ("scene.access.rationale", "b"),
    ]


def test_is_negated_window() -> None:
    text = "this is not a lifestyle choice"
    assert is_negated(text, text.index("lifestyle"))
    text = "not only a lifestyle choice"
    assert not is_negated(text, text.index("lifestyle"))


def test_phrase_terms_match_on_word_boundaries_in_a_synthetic_rule_set(tmp_path: Path) -> None:
    rule = language_rule(terms=[{"phrase": "at risk", "suggestion": "s"}])
    ruleset = load_file(write_ruleset(tmp_path, [rule]))
    context = EvaluationContext("narrative.lint", AS_OF)

    def outcome(text: str) -> Outcome:
        facts = checklist(actions={"supervision": {"notes": text}})
        return evaluate(ruleset, as_facts(Checklist.model_validate(facts)), context).outcomes["T-LANG"]

    assert outcome("child AT  RISK") is Outcome.missing
    assert outcome("child at-risk") is Outcome.missing
    assert outcome("a heat risky place") is Outcome.met
    assert outcome("child not at risk") is Outcome.met


def test_narratives_of_schema_v2_are_scanned_with_their_index(ruleset: CompiledRuleset) -> None:
    narratives = [
        {"kind": "log", "text": "Attended, all children seen."},
        {"kind": "crime_report", "text": "Child spoken to alone."},
        {"kind": "missing_review", "text": "Goes missing often; a Lifestyle Choice."},
    ]
    data = checklist(schema_version=2, children=[{"id": "C1", "age": 15}], narratives=narratives)
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("missing.return", AS_OF)
    )
    [finding] = [f for f in decision.findings if f.rule_id == GENERAL]
    assert [(d.path, d.text) for d in finding.details] == [("narratives[2].text", "Lifestyle Choice")]


def scenario(ruleset: CompiledRuleset, name: str, hook: str) -> Decision:
    data = Checklist.model_validate(load_fixture(f"scenarios/{name}.json")["checklist"])
    return evaluate(ruleset, as_facts(data), EvaluationContext(hook, data.latest_time()))


@pytest.mark.parametrize("hook", ["narrative.lint", "missing.return", "supervisor.review"])
def test_worked_scenario_lifestyle_choice_record(ruleset: CompiledRuleset, hook: str) -> None:
    """The "lifestyle choice" record (HMIC 2014) is flagged at every language hook; the done-well
    variant, which names the exploitation, is not."""
    decision = scenario(ruleset, "lifestyle-choice-record", hook)
    [finding] = [f for f in decision.findings if f.rule_id == GENERAL]
    assert [(d.path, d.text) for d in finding.details] == [("narratives[0].text", "lifestyle choice")]
    done_well = scenario(ruleset, "lifestyle-choice-record-done-well", hook)
    assert done_well.outcomes[GENERAL] is Outcome.met


def test_a_term_of_one_rule_never_hides_a_term_of_another(tmp_path: Path) -> None:
    rules = [
        language_rule("T-A", applies_if="false", terms=[{"phrase": "lifestyle choice", "suggestion": "a"}]),
        language_rule("T-B", terms=[{"pattern": "life(style|way)", "suggestion": "b"}]),  # an unnamed group
    ]
    ruleset = load_file(write_ruleset(tmp_path, rules))
    facts = checklist(actions={"supervision": {"notes": "A lifestyle choice"}})
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(facts)), EvaluationContext("narrative.lint", AS_OF)
    )
    assert decision.outcomes == {"T-A": Outcome.not_applicable, "T-B": Outcome.missing}
    [finding] = decision.findings
    assert [(d.text, d.suggestion) for d in finding.details] == [("lifestyle", "b")]
