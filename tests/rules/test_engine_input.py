"""The engine's two input forms give the same decisions on varied synthetic checklists.

From a ``Checklist`` model the engine gives ZEN compact JSON text without nulls (faster to
convert); from a dict (replays of stored facts) it gives the full dict. Every rule of the built-in
rule sets, at every hook, must not be able to tell them apart.
"""

from __future__ import annotations

import pytest

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.engine import EvaluationContext, checklist_facts, evaluate
from app.rules.registry import RulesetRegistry
from benchmarks.corpus import generate

CORPUS = [Checklist.model_validate(c) for c in generate(120, seed=4242)]


@pytest.mark.parametrize("hook", [None, *sorted(vocabulary.hooks())])
def test_model_and_stored_facts_give_the_same_decision(registry: RulesetRegistry, hook: str | None) -> None:
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for checklist in CORPUS:
                context = EvaluationContext(hook=hook, as_of=checklist.latest_time())
                from_model = evaluate(ruleset, checklist, context)
                from_dict = evaluate(ruleset, checklist_facts(checklist), context)
                assert from_model == from_dict, (ruleset.key, hook, checklist.incident.reference)


def test_the_corpus_reaches_every_outcome(registry: RulesetRegistry) -> None:
    """Otherwise the comparison above would prove little."""
    seen: set[str] = set()
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for checklist in CORPUS:
                seen.update(evaluate(ruleset, checklist, EvaluationContext()).outcomes.values())
    assert seen == {"met", "missing", "unknown", "not_applicable"}
