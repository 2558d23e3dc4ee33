"""Run the rule-set test cases kept as data beside each version (``<version>.cases/*.yaml``).

Interim runner until ``safesteps rules test`` exists: each case's checklist is evaluated at its
hook and ``as_of`` (default: the latest time in the checklist, as the API does) and every expected
rule outcome is asserted. A second test checks that every rule has met, missing and unknown cases.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Outcome
from app.rules.engine import EvaluationContext, evaluate
from app.rules.registry import BUILTIN_RULESETS, load_file

CASE_FILES = sorted(BUILTIN_RULESETS.glob("*/*.cases/*.yaml"))
_RULESETS: dict[Path, CompiledRuleset] = {}


def _ruleset(case_file: Path) -> CompiledRuleset:
    path = case_file.parent.with_name(case_file.parent.name.removesuffix(".cases") + ".yaml")
    if path not in _RULESETS:
        _RULESETS[path] = load_file(path)
    return _RULESETS[path]


def _cases() -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for path in CASE_FILES:
        data = yaml.safe_load(path.read_text("utf-8"))
        names = [c["name"] for c in data["cases"]]
        assert len(names) == len(set(names)), f"{path.name}: case names must be unique"
        found.extend((path, case) for case in data["cases"])
    return found


CASES = _cases()


def run_case(path: Path, case: dict[str, Any]) -> dict[str, Outcome]:
    checklist = Checklist.model_validate(case["checklist"])
    as_of = datetime.fromisoformat(case["as_of"]) if case.get("as_of") else checklist.latest_time()
    decision = evaluate(_ruleset(path), checklist, EvaluationContext(case.get("hook"), as_of))
    # A rule that fails at run time is reported as unknown; a case must never pass that way.
    assert [f.rule_id for f in decision.findings if f.evaluation_error] == []
    return decision.outcomes


@pytest.mark.parametrize(
    ("path", "case"), CASES, ids=[f"{p.parent.name}/{p.stem}:{c['name']}" for p, c in CASES]
)
def test_case(path: Path, case: dict[str, Any]) -> None:
    outcomes = run_case(path, case)
    got = {rule_id: outcomes.get(rule_id, "not evaluated") for rule_id in case["expect"]}
    assert got == case["expect"]


def test_every_rule_is_covered_in_every_outcome() -> None:
    assert CASE_FILES, "no rule-set test cases found"
    seen: dict[str, set[str]] = defaultdict(set)
    for _path, case in CASES:
        for rule_id, outcome in case["expect"].items():
            seen[rule_id].add(outcome)
    gaps = []
    for ruleset in {_ruleset(path).key: _ruleset(path) for path, _ in CASES}.values():
        for rule in ruleset.document.rules:
            wanted = {"met", "missing"} | (set() if rule.never_unknown else {"unknown"})
            if lacking := wanted - seen[rule.id]:
                gaps.append(f"{rule.id}: {sorted(lacking)}")
    assert gaps == []
