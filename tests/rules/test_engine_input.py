"""The engine's input shortcuts change no decision, on varied synthetic checklists at every hook.

The engine gives ZEN only the fields a program can name, without nulls: compact JSON text from a
``Checklist`` model, a cut-down dict from stored facts; and the language rules only the free-text
fields. Both must decide exactly as the whole checklist dict with its nulls does (the reference,
the engine's original input).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import pytest
import zen
from pydantic import AwareDatetime, TypeAdapter

from app.rules import engine, vocabulary
from app.rules.checklist import Checklist
from app.rules.compiler import joined_source, program_source
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, Facts, checklist_facts, evaluate
from app.rules.errors import UnknownHook
from app.rules.model import Rule
from app.rules.projection import include_tree
from app.rules.registry import RulesetRegistry
from app.rules.shape import empty_lists
from benchmarks.corpus import generate
from tests.rules.helpers import as_facts

CORPUS = [Checklist.model_validate(c) for c in generate(120, seed=4242)]


def _whole(facts: Facts, context: dict[str, Any], include: Any) -> dict[str, Any]:
    data = checklist_facts(facts._model) if facts._model is not None else dict(facts.stored_data())
    return {**data, "context": context}


_context_facts = engine._context_facts


def _whole_context(ruleset: Any, facts: Facts, context: EvaluationContext, fields: Any) -> dict[str, Any]:
    """The whole context, whichever of its fields the program reads."""
    return _context_facts(ruleset, facts, context, None)


def _whole_older(facts: Facts, version: int, context: dict[str, Any], program: Any) -> dict[str, Any]:
    """The whole checklist as a rule set for an older schema reads it: its lists filled, no cut."""
    return {**empty_lists(_whole(facts, context, program), version), "context": context}


@pytest.mark.parametrize("hook", [None, *sorted(vocabulary.hooks())])
def test_projected_inputs_decide_as_the_whole_checklist(
    registry: RulesetRegistry, hook: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [
        (ruleset, checklist, EvaluationContext(hook=hook, as_of=checklist.latest_time()))
        for ruleset_id in registry.ids()
        for ruleset in registry.versions(ruleset_id)
        for checklist in CORPUS
    ]
    from_model = [evaluate(r, as_facts(c), ctx) for r, c, ctx in cases]
    from_dict = [evaluate(r, as_facts(checklist_facts(c)), ctx) for r, c, ctx in cases]
    from_parsed = [evaluate(r, _parsed(checklist_facts(c)), ctx) for r, c, ctx in cases]
    with monkeypatch.context() as patch:
        patch.setattr(engine, "_engine_input", _whole)
        patch.setattr(engine, "_context_facts", _whole_context)
        patch.setattr(engine, "_older_input", _whole_older)
        patch.setattr(engine, "_language_facts", checklist_facts)
        reference: list[Decision] = [evaluate(r, as_facts(c), ctx) for r, c, ctx in cases]
    for (ruleset, checklist, _), whole, model, data, parsed in zip(
        cases, reference, from_model, from_dict, from_parsed, strict=True
    ):
        where = (ruleset.key, hook, checklist.incident.reference)
        assert model == whole, where
        assert data == whole, where
        assert parsed == whole, where


def _parsed(data: dict[str, Any]) -> Facts:
    """Stored facts already parsed (replay parses them for computed times and the language scan):
    the engine then projects the dict with the program's compiled projector."""
    facts = as_facts(data)
    facts.stored_data()
    return facts


def test_the_corpus_reaches_every_outcome(registry: RulesetRegistry) -> None:
    """Otherwise the comparison above would prove little."""
    seen: set[str] = set()
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for checklist in CORPUS:
                seen.update(evaluate(ruleset, as_facts(checklist), EvaluationContext()).outcomes.values())
    assert seen == {"met", "missing", "unknown", "not_applicable"}


def test_no_projection_where_a_condition_could_read_whole_objects() -> None:
    assert include_tree(["len(keys(call)) > 2"]) is None
    assert include_tree(["call.children_present == 'yes"]) is None  # cannot be scanned
    tree = include_tree(['some(children, #.seen == false) or call["caller_is_child"] == true'])
    assert tree == {"call": {"caller_is_child": True}, "children": {"__all__": {"seen": True}}}


def _times() -> list[datetime]:
    """Aware times as checklists and callers give them (parsed offsets, UTC, zones across DST and
    the zones' old local-mean-time offsets), naive ones, and offsets with seconds."""
    parsed = [
        TypeAdapter(AwareDatetime).validate_python(text)
        for text in (
            "2025-08-11T15:38:00Z",
            "2025-08-11T15:38:00.123+01:00",
            "2025-08-11T15:38:00.000001-09:30",
        )
    ]
    zones = [
        ZoneInfo(name) for name in ("Europe/London", "America/St_Johns", "Asia/Kathmandu", "Africa/Monrovia")
    ]
    fixed = [timezone(timedelta(minutes=m)) for m in (-840, -570, -1, 0, 1, 345, 840)]
    odd = [
        timezone(timedelta(seconds=s, microseconds=u)) for s, u in ((1, 0), (-75, 0), (3600, 5), (19815, 0))
    ]
    moments = [
        datetime(year, month, 1, 2, 30, second, micro)
        for year in (1, 1800, 1900, 2025, 9999)
        for month in (3, 10)
        for second, micro in ((0, 0), (59, 999999))
    ]
    return parsed + moments + [m.replace(tzinfo=tz) for m in moments for tz in (UTC, *zones, *fixed, *odd)]


def test_iso_time_is_isoformat() -> None:
    """``context.as_of`` as ZEN (and a decision record's context) gets it: the same text as
    ``isoformat``, whichever of the two formats it."""
    for moment in _times():
        assert engine.iso_time(moment) == moment.isoformat(), repr(moment)


def test_the_hook_table_is_program_for_every_hook(registry: RulesetRegistry) -> None:
    """``evaluate`` looks its program up in ``at_hook``: the same program as ``program(hook)`` for
    ``None`` and every hook, and no entry for a hook outside the vocabulary (``UnknownHook``)."""
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for hook in (None, *vocabulary.hooks()):
                assert ruleset.at_hook[hook].rules == ruleset.program(hook).rules, (ruleset.key, hook)
            assert "scene.nowhere" not in ruleset.at_hook
            with pytest.raises(UnknownHook):
                evaluate(ruleset, as_facts(CORPUS[0]), EvaluationContext(hook="scene.nowhere"))


def test_rows_decide_on_the_corpus_as_the_plain_program(registry: RulesetRegistry) -> None:
    """The rows program is what decides parsed stored facts (not its fallback): the plain program's
    codes, and the decision of the whole stored text, at every hook with rows, on every checklist
    (as a record of each rule set's schema version stores it)."""
    checked = 0
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            version = ruleset.document.checklist_schema_version
            for hook, program in ruleset.programs.items():
                if program.rows() is None:
                    continue
                for checklist in CORPUS:
                    data = checklist_facts(checklist)
                    if version < 3:
                        data = {**empty_lists(data, version), "schema_version": version}
                    facts = _parsed(data)
                    context = EvaluationContext(hook=hook, as_of=checklist.latest_time())
                    codes = engine._rows_codes(facts, context.facts(), program)
                    plain = program.expression.evaluate(engine._engine_input(facts, context.facts(), program))
                    where = (ruleset.key, hook, checklist.incident.reference)
                    assert codes == plain, where
                    assert evaluate(ruleset, facts, context) == evaluate(ruleset, as_facts(data), context), (
                        where
                    )
                    checked += 1
    assert checked > 3000


def test_an_element_that_is_not_an_object_is_decided_by_the_plain_program(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.0.0")
    data = empty_lists(checklist_facts(CORPUS[0]), 2)
    data["children"] = [*data["children"], 7]
    context = EvaluationContext(hook="scene.depart", as_of=CORPUS[0].latest_time())
    program = ruleset.program("scene.depart")
    facts = _parsed(data)
    assert engine._rows_codes(facts, context.facts(), program) is None
    assert evaluate(ruleset, facts, context) == evaluate(ruleset, as_facts(data), context)


def test_the_joined_program_gives_the_plain_lists_codes(registry: RulesetRegistry) -> None:
    """Rules that share ``applies_if`` test it once (``compiler.joined_source``): the codes of the
    plain list of the rules' expressions, at every hook, on every checklist, also with every rule
    repeated (adjacent copies share their test) and where a shared test fails."""
    checked = 0
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            rules_twice = ((r, n) for r in ruleset.document.rules for n in (1, 2))
            repeated = tuple(r.model_copy(update={"id": f"{r.id}-{n}"}) for r, n in rules_twice)
            for rules in [program.rules for program in ruleset.programs.values()] + [repeated]:
                if not rules:
                    continue
                joined = zen.compile_expression(joined_source(rules))
                plain = zen.compile_expression(program_source(rules))
                for checklist in CORPUS[:40]:
                    context = EvaluationContext(hook="scene.depart", as_of=checklist.latest_time())
                    data = {**checklist_facts(checklist), "context": context.facts()}
                    if ruleset.document.checklist_schema_version < 3:
                        data = empty_lists(data, ruleset.document.checklist_schema_version)
                    text = orjson.dumps(data).decode()
                    assert joined.evaluate(text) == plain.evaluate(text), (ruleset.key, rules[0].id)
                    checked += 1
    assert checked > 1000
    shared = "len(children) > 0 and children[0].seen and true"  # raises where ``seen`` is null
    rules = tuple(
        Rule.model_validate({**r.model_dump(), "applies_if": shared})
        for r in registry.get("concern-for-a-child", "1.0.0").program("scene.arrest").rules[:2]
    )
    seen: set[str] = set()
    for data in ({"children": [{"seen": True}]}, {"children": [{"seen": None}]}, {"children": []}):
        text = orjson.dumps(data).decode()
        outcomes = []
        for source in (joined_source(rules), program_source(rules)):
            try:
                outcomes.append(zen.compile_expression(source).evaluate(text))
            except RuntimeError:
                outcomes.append("fails")
        assert outcomes[0] == outcomes[1], data
        seen.add(str(outcomes[0]))
    assert {"fails", "[0.0, 0.0]"} <= seen, seen
