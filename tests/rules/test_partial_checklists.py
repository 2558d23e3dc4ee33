"""No rule of the built-in rule sets fails at run time on partial data.

The engine reports a rule that raises (e.g. a null operand in `and`, `len(null)`) as `unknown`
with `evaluation_error`; that hides a broken condition behind a plausible outcome. Here every
case checklist that evaluates every rule is re-evaluated with each one field (or list item)
removed, with and without `as_of`, and no rule may raise. The cases themselves run under
`safesteps rules test` (app/rules/testing.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.engine import EvaluationContext, evaluate
from app.rules.registry import BUILTIN_RULESETS, load_file
from app.rules.testing import cases_dir
from tests.rules.helpers import as_facts


def _rich_cases() -> list[tuple[Path, str, dict[str, Any]]]:
    found = []
    for ruleset_file in sorted(BUILTIN_RULESETS.glob("*/*.yaml")):
        for case_file in sorted(cases_dir(ruleset_file).glob("*.yaml")):
            for case in yaml.safe_load(case_file.read_text("utf-8"))["cases"]:
                if case.get("hook") is None:  # evaluates every rule: the fullest checklists
                    found.append((ruleset_file, f"{case_file.stem}:{case['name']}", case["checklist"]))
    return found


RICH_CASES = _rich_cases()


@cache
def _ruleset(path: Path) -> CompiledRuleset:
    return load_file(path)


def _without_each_field(node: Any) -> Iterator[Any]:
    """Copies of ``node`` with one field removed (or one list item dropped), at every depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield {k: v for k, v in node.items() if k != key}
            for variant in _without_each_field(value):
                yield {**node, key: variant}
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield node[:i] + node[i + 1 :]
            for variant in _without_each_field(item):
                yield [*node[:i], variant, *node[i + 1 :]]


def test_there_are_rich_cases() -> None:
    assert len(RICH_CASES) >= 20


@pytest.mark.parametrize(("ruleset_file", "name", "checklist"), RICH_CASES, ids=[n for _, n, _ in RICH_CASES])
def test_no_rule_fails_on_partial_data(ruleset_file: Path, name: str, checklist: dict[str, Any]) -> None:
    ruleset = _ruleset(ruleset_file)
    evaluated = 0
    for variant in _without_each_field(checklist):
        try:
            facts = Checklist.model_validate(variant)
        except ValidationError:
            continue  # a required field was removed
        for as_of in (None, facts.latest_time()):
            decision = evaluate(ruleset, as_facts(facts), EvaluationContext(None, as_of))
            assert [f.rule_id for f in decision.findings if f.evaluation_error] == [], name
            evaluated += 1
    assert evaluated > 0
