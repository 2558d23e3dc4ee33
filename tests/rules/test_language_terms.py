"""The `words` grammar of language terms, and the term list of concern-for-a-child 1.2.0.

1.2.0 builds its victim-blaming terms from the appropriate-language guidance and inspection reports
(references in the rule set); these tests hold the forms inspectors quote, their inflections and word
orders, and the uses that must not be flagged (negations, neutral senses).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision, Outcome
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.errors import RulesetLoadError
from app.rules.language import inflections, words_regex
from app.rules.registry import RulesetRegistry, load_file
from tests.rules import helpers
from tests.rules.helpers import language_rule, write_ruleset

GENERAL = "LANG-NO-VICTIM-BLAMING"
UNDER_13 = "LANG-NO-VICTIM-BLAMING.under-13"
SIGN_OFF = "SUP-INDEPENDENT-SUPERVISION.sign-off-language"
AS_OF = datetime(2026, 12, 2, 12, tzinfo=UTC)


def matches(words: str, text: str) -> str | None:
    found = re.search(rf"(?<!\w)(?:{words_regex(words)})(?!\w)", text, re.IGNORECASE)
    return found.group(0) if found else None


@pytest.mark.parametrize(
    ("word", "forms", "not_forms"),
    [
        ("consent", ["consent", "consents", "consented", "consenting"], ["consensus"]),
        ("place", ["place", "places", "placed", "placing"], ["placement"]),
        ("carry", ["carry", "carries", "carried", "carrying"], ["carriage"]),
        ("put", ["put", "puts", "putting"], ["putt"]),
        ("risk", ["risk", "risks", "risked", "risking"], ["risky"]),
    ],
)
def test_inflections_cover_regular_forms_and_nothing_else(
    word: str, forms: list[str], not_forms: list[str]
) -> None:
    pattern = re.compile(rf"(?:{inflections(word)})", re.IGNORECASE)
    assert all(pattern.fullmatch(f) for f in forms)
    assert not any(pattern.fullmatch(f) for f in not_forms)


def test_alternatives_gaps_and_any_order() -> None:
    assert matches(
        "put~ herself|himself ... at ... risk", "she keeps putting herself straight at serious risk"
    )
    assert (
        matches("put~ herself|himself ... at ... risk", "putting herself well and truly and really at risk")
        is None
    )
    assert matches("lifestyle & choice~|chosen", "the lifestyle she has chosen") == "lifestyle she has chosen"
    assert matches("lifestyle & choice~|chosen", "a lifestyle choice") == "lifestyle choice"
    assert matches("take~|taking & risk~", "risk-taking behaviour") == "risk-taking"


@pytest.mark.parametrize("bad", ["... at risk", "at risk ...", "a & b & c & d"])
def test_malformed_words_are_refused_when_the_rule_set_loads(tmp_path: Any, bad: str) -> None:
    path = write_ruleset(tmp_path, [language_rule(terms=[{"words": bad, "suggestion": "x"}])])
    with pytest.raises(RulesetLoadError):
        load_file(path)


@pytest.fixture(scope="module")
def ruleset() -> CompiledRuleset:
    return RulesetRegistry.load().get("concern-for-a-child", "1.2.0")


def lint(ruleset: CompiledRuleset, text: str, age: int = 15, **parts: Any) -> Decision:
    data = {
        "schema_version": 3,
        "incident": {"reference": "LOG-L-1", "force": "WMP", "type": "other"},
        "children": [{"id": "C1", "age": age}],
        "narratives": [{"kind": "log", "text": text}],
        **parts,
    }
    return evaluate(
        ruleset, Facts.of(Checklist.model_validate(data)), EvaluationContext("narrative.lint", AS_OF)
    )


def flagged(decision: Decision, rule_id: str = GENERAL) -> list[str]:
    return helpers.flagged(decision, rule_id)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Staff say she consented.", "she consented"),
        ("She was said to have consented to sexual activity.", "consented to sexual"),
        ("The contact appeared consensual.", "consensual"),
        ("Concerns about risk-taking behaviour at weekends.", "risk-taking"),
        ("She takes risks with the men she meets online.", "takes risks"),
        ("Described by staff as very streetwise.", "streetwise"),
        ("He is street-wise and knows the area.", "street-wise"),
        ("She keeps putting herself at risk.", "putting herself at risk"),
        ("Putting himself in dangerous situations.", "Putting himself in dangerous"),
        ("She is in a relationship with an older man.", "in a relationship with an older"),
        (
            "She is in a sexual relationship with a 24 year old.",
            "in a sexual relationship with a 24 year old",
        ),
        ("Her 25-year-old boyfriend collected her.", "25-year-old boyfriend"),
        ("This is the lifestyle she has chosen.", "lifestyle she has chosen"),
        ("A lifestyle choice by the young person.", "lifestyle choice"),
        ("She is making poor choices.", "making poor choices"),
        ("Risky choices about who she spends time with.", "Risky choices"),
        ("He has been selling himself for cash.", "selling himself"),
        ("Suspected of trading sex for drugs.", "trading sex"),
        ("Concerns she is a child prostitute.", "child prostitute"),
        ("Images described as child pornography.", "child pornography"),
        ("She spends time with older men at the flat.", "spends time with older"),
        ("He is associating with gang members.", "associating with gang"),
        ("She sent nude pictures to a man she met online.", "sent nude pictures to a man"),
        ("Working as a money mule.", "money mule"),
        (
            "She must have known what would happen when she got in the car.",
            "must have known what would happen",
        ),
        ("Described as hard to reach.", "hard to reach"),
    ],
)
def test_the_forms_inspectors_quote_are_flagged(ruleset: CompiledRuleset, text: str, term: str) -> None:
    decision = lint(ruleset, text)
    assert decision.outcomes[GENERAL] is Outcome.missing
    assert any(term in use for use in flagged(decision)), flagged(decision)


@pytest.mark.parametrize(
    "text",
    [
        "She did not consent.",
        "She never consented to any of it.",
        "She consented to a medical examination.",
        "Mother consented to the referral.",
        "This is not a lifestyle choice.",
        "He is not streetwise; he is 12.",
        "The injuries are associated with a fall.",
        "The placement is stable.",
        "Her boyfriend, 15, is at the same school.",
        "The officer took a statement at the address.",
    ],
)
def test_negations_and_neutral_senses_are_not_flagged(ruleset: CompiledRuleset, text: str) -> None:
    assert lint(ruleset, text).outcomes[GENERAL] is Outcome.met


def test_under_13_flags_sexual_wording_even_negated(ruleset: CompiledRuleset) -> None:
    for text, term in [
        ("She is sexually active.", "sexually active"),
        ("It was not consensual.", "consensual"),
        ("He had sex with the 11 year old.", "had sex with"),
        ("She agreed to sex.", "agreed to sex"),
    ]:
        decision = lint(ruleset, text, age=11)
        assert decision.outcomes[UNDER_13] is Outcome.missing, text
        assert term in flagged(decision, UNDER_13)
    assert lint(ruleset, "She is sexually active.", age=15).outcomes[UNDER_13] is Outcome.not_applicable


def test_the_childs_own_words_are_not_reworded(ruleset: CompiledRuleset) -> None:
    decision = lint(
        ruleset,
        "Seen and spoken to.",
        children=[{"id": "C1", "age": 15, "account": "I chose to go, I consented, I'm streetwise."}],
    )
    assert decision.outcomes[GENERAL] is Outcome.met


def test_the_sign_off_rule_reads_only_the_supervisors_notes(ruleset: CompiledRuleset) -> None:
    notes = {"supervision": {"signed_off": True, "notes": "Lifestyle choice; no further action."}}
    decision = evaluate(
        ruleset,
        Facts.of(
            Checklist.model_validate(
                {
                    "schema_version": 3,
                    "incident": {"reference": "LOG-L-2", "force": "WMP", "type": "other"},
                    "actions": notes,
                    "narratives": [{"kind": "log", "text": "She is streetwise."}],
                }
            )
        ),
        EvaluationContext("supervisor.review", AS_OF),
    )
    assert decision.outcomes[SIGN_OFF] is Outcome.missing
    assert flagged(decision, SIGN_OFF) == ["Lifestyle choice"]
    assert set(flagged(decision)) == {"Lifestyle choice", "streetwise"}
