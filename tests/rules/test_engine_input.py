"""The engine's input shortcuts change no decision, on varied synthetic checklists at every hook.

The engine gives ZEN only the fields a program can name, without nulls: compact JSON text from a
``Checklist`` model, a cut-down dict from stored facts; and the language rules only the free-text
fields. Both must decide exactly as the whole checklist dict with its nulls does (the reference,
the engine's original input).
"""

from __future__ import annotations

from typing import Any

import pytest

from app.rules import engine, vocabulary
from app.rules.checklist import Checklist
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, Facts, checklist_facts, evaluate
from app.rules.projection import include_tree
from app.rules.registry import RulesetRegistry
from app.rules.shape import empty_lists
from benchmarks.corpus import generate
from tests.rules.helpers import as_facts

CORPUS = [Checklist.model_validate(c) for c in generate(120, seed=4242)]


def _whole(facts: Facts, context: dict[str, Any], include: Any) -> dict[str, Any]:
    data = checklist_facts(facts._model) if facts._model is not None else dict(facts.stored_data())
    return {**data, "context": context}


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
