"""The one way into the engine: ``Facts``, ``RulesetRef`` and ``decide``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.engine import EvaluationContext, Facts, RulesetRef, decide, evaluate
from app.rules.errors import RulesetNotFound, UnknownHook
from app.rules.registry import RulesetRegistry
from app.services.synthetic import incidents

BEFORE_1_1 = datetime(2026, 3, 1, 12, tzinfo=UTC)
AFTER_1_1 = datetime(2026, 8, 1, 12, tzinfo=UTC)


@pytest.fixture
def checklist() -> Checklist:
    return Checklist.model_validate(next(incidents(1, seed=7)).checklist)


def test_facts_of_a_checklist_carry_its_schema_version_latest_time_and_stored_form(
    checklist: Checklist,
) -> None:
    facts = Facts.of(checklist)
    assert facts.schema_version == checklist.schema_version
    assert facts.latest_time == checklist.latest_time()
    assert facts.input_json() == canonical_json(checklist.model_dump(mode="json"))


def test_stored_facts_keep_their_bytes_and_have_no_default_time(checklist: Checklist) -> None:
    text = canonical_json(checklist.model_dump(mode="json"))
    for given in (text, text.decode()):
        facts = Facts.stored(given, 2)
        assert facts.schema_version == 2
        assert facts.latest_time is None
        assert facts.input_json() == text


@pytest.mark.parametrize("text", [b"[1, 2]", b'"text"', b"null"])
def test_stored_facts_must_be_a_json_object(text: bytes) -> None:
    with pytest.raises(ValueError, match="JSON object"):
        Facts.stored(text, 1)


def test_stored_facts_that_are_not_json_raise_value_error() -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - orjson's decode error subclasses ValueError
        Facts.stored(b"{not json", 1)


def test_decide_picks_the_version_in_force_at_as_of(registry: RulesetRegistry, checklist: Checklist) -> None:
    facts = Facts.of(checklist)
    assert decide(registry, facts, None, as_of=BEFORE_1_1).ruleset.version == "1.0.0"
    assert decide(registry, facts, None, as_of=AFTER_1_1).ruleset.version == "1.1.0"


def test_decide_takes_an_explicit_version_whatever_the_time(
    registry: RulesetRegistry, checklist: Checklist
) -> None:
    ref = RulesetRef("concern-for-a-child", "1.0.0")
    decision = decide(registry, Facts.of(checklist), "scene.depart", as_of=AFTER_1_1, ruleset=ref)
    assert decision.ruleset.version == "1.0.0"
    assert decision.hook == "scene.depart"
    assert decision.as_of == AFTER_1_1


def test_decide_defaults_as_of_to_the_latest_time_in_the_checklist(
    registry: RulesetRegistry, checklist: Checklist
) -> None:
    latest = checklist.latest_time()
    assert latest is not None
    decision = decide(registry, Facts.of(checklist), "scene.depart")
    assert decision.as_of == latest
    in_force = registry.in_force("concern-for-a-child", latest)
    assert decision == evaluate(in_force, Facts.of(checklist), EvaluationContext("scene.depart", latest))


def test_decide_on_stored_facts_equals_decide_on_the_checklist(
    registry: RulesetRegistry, checklist: Checklist
) -> None:
    stored = Facts.stored(Facts.of(checklist).input_json(), checklist.schema_version)
    for hook in (None, "scene.depart", "incident.close"):
        live = decide(registry, Facts.of(checklist), hook, as_of=AFTER_1_1)
        assert decide(registry, stored, hook, as_of=AFTER_1_1) == live


def test_decide_names_unknown_versions_and_hooks(registry: RulesetRegistry, checklist: Checklist) -> None:
    facts = Facts.of(checklist)
    with pytest.raises(RulesetNotFound):
        decide(registry, facts, None, ruleset=RulesetRef("concern-for-a-child", "9.9.9"))
    with pytest.raises(RulesetNotFound):
        decide(registry, facts, None, ruleset=RulesetRef("no-such-rules"))
    with pytest.raises(UnknownHook):
        decide(registry, facts, "scene.teleport", as_of=AFTER_1_1)


def test_stored_text_is_read_by_zen_as_it_is_even_empty_or_padded(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.1.0")
    context = EvaluationContext("scene.depart", AFTER_1_1)
    minimal = {"incident": {"reference": "NOR-1", "force": "NORTHSHIRE", "type": "welfare_concern"}}
    padded = Facts.stored(b"  " + canonical_json(minimal) + b"\n", 2)
    parsed = Facts.stored(canonical_json(minimal), 2)
    parsed.stored_data()  # parsed already: the engine uses the projected data instead of the text
    assert evaluate(ruleset, padded, context) == evaluate(ruleset, parsed, context)
    empty = evaluate(ruleset, Facts.stored("{}", 1), context)
    assert empty.outcomes  # every rule ran (and, with no incident, none applies or all are unknown)


def test_stored_text_that_is_not_json_raises_value_error_when_evaluated(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.1.0")
    facts = Facts.stored(b"{not json}", 2)
    with pytest.raises(ValueError):  # noqa: PT011 - orjson's decode error subclasses ValueError
        evaluate(ruleset, facts, EvaluationContext("scene.depart", AFTER_1_1))


def test_a_v3_checklist_is_read_by_older_rule_sets_with_its_unrecorded_lists_empty(
    registry: RulesetRegistry,
) -> None:
    """Schema 3 says "not recorded" with null lists; 1.0.0/1.1.0 read lists as lists, so they see []
    exactly as a v2 checklist gives them, with no evaluation error; the stored input stays as sent."""
    incident = {"reference": "NOR-1", "force": "NORTHSHIRE", "type": "domestic_abuse", "at_dwelling": True}
    v3 = Checklist.model_validate({"schema_version": 3, "incident": incident})
    v2 = Checklist.model_validate({"schema_version": 2, "incident": incident})
    assert v3.children is None
    for version in ("1.0.0", "1.1.0"):
        ruleset = registry.get("concern-for-a-child", version)
        for hook in (None, "scene.depart", "incident.close"):
            context = EvaluationContext(hook, AFTER_1_1)
            expected = evaluate(ruleset, Facts.of(v2), context).model_dump(
                exclude={"checklist_schema_version"}
            )
            for facts in (Facts.of(v3), Facts.stored(Facts.of(v3).input_json(), 3)):
                decision = evaluate(ruleset, facts, context)
                assert not any(f.evaluation_error for f in decision.findings)
                assert decision.model_dump(exclude={"checklist_schema_version"}) == expected
    assert b'"children":null' in Facts.of(v3).input_json()
