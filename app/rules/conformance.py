"""The conformance kit: every test case of a rule-set version as plain input and expected output.

Any evaluator of a rule bundle (an MDT vendor's, in any language) proves that it agrees with the
server by evaluating each kit case and comparing with the expected output. A case is one
evaluation: a checklist in its canonical form (every default filled, exactly what a decision record
stores), a hook, the ``as_of`` pinned, and the engine's context object as the server adds it to the
facts. The expected output is the server engine's decision: the outcome of every rule evaluated,
``blocking``, ``score`` (normative), ``completeness``, the counts and the findings (rule, outcome,
basis, details, in the decision's order).

Cases come from the rule-set tests (``<version>.cases/*.yaml``: each case once) and from the
scenario corpus (``corpus/*.yaml``: every moment of a case and of its twins). A rule-set
test's own expectations are carried as ``asserted``; the expected output is the engine's answer,
which the suite holds to those expectations through ``safesteps rules test``.

Pure: the caller passes the cases and writes the files (``app/commands/bundle.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.rules import corpus
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, Facts, checklist_facts, evaluate
from app.rules.history import HistoryFacts
from app.rules.testing import Problem, cases_dir, load_cases

KIT_FORMAT = "safesteps-conformance-kit/1"
RULESET_TESTS = "ruleset-tests"
CORPUS = "corpus"


@dataclass(frozen=True, slots=True)
class KitInput:
    """One evaluation to put in the kit."""

    id: str
    source: str  # RULESET_TESTS or CORPUS
    file: str  # the case file it comes from, relative to the rule-set root
    checklist: Checklist
    hook: str | None
    as_of: datetime | None  # None: the latest time in the checklist (resolved into the kit case)
    asserted: Mapping[str, str] | None = None
    history: HistoryFacts | None = None  # context.history, for a version that reads it


def ruleset_test_inputs(ruleset: CompiledRuleset, root: Path) -> tuple[list[KitInput], list[Problem]]:
    """Every valid case of the version's rule-set tests (``problems`` lists the rest)."""
    problems: list[Problem] = []
    inputs: list[KitInput] = []
    directory = cases_dir(Path(ruleset.source))
    for file in sorted(directory.glob("*.yaml")):
        for case in load_cases(file, ruleset, problems):
            inputs.append(
                KitInput(
                    id=f"{RULESET_TESTS}/{file.stem}/{case.name}",
                    source=RULESET_TESTS,
                    file=_relative(file, root),
                    checklist=Checklist.model_validate(case.checklist),
                    hook=case.hook,
                    as_of=case.as_of,
                    asserted={rule: outcome.value for rule, outcome in case.expect.items()},
                    history=case.history,
                )
            )
    return inputs, problems


def corpus_inputs(ruleset: CompiledRuleset, root: Path) -> tuple[list[KitInput], list[Problem]]:
    """Every moment of every scenario-corpus case of the rule set and of its two twins (done well;
    only the missed steps done)."""
    directory = corpus.corpus_dir(root, ruleset.document.id)
    if not directory.is_dir():
        return [], []
    loaded, problems = corpus.load(directory)
    reads_history = ruleset.document.history is not None
    inputs: list[KitInput] = []
    for item in loaded:
        case = item.case
        for label, checklist, moments in (
            ("", item.checklist, case.moments),
            ("twin/", item.twin, case.moments_of(case.twin)),
            ("minimal-twin/", item.minimal_twin, case.moments_of(case.minimal_twin)),
        ):
            for i, moment in enumerate(moments, start=1):
                given = (moment.history or case.history) if reads_history else None
                history = None if given is None else corpus.history_facts(given, checklist, moment.as_of)
                inputs.append(
                    KitInput(
                        id=f"{CORPUS}/{case.id}/{label}{i}-{moment.hook}",
                        source=CORPUS,
                        file=_relative(Path(item.source), root),
                        checklist=checklist,
                        hook=moment.hook,
                        as_of=moment.as_of,
                        history=history,
                    )
                )
    return inputs, list(problems)


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def kit_case(ruleset: CompiledRuleset, item: KitInput) -> dict[str, Any]:
    """The input and the server engine's expected output of one kit case."""
    facts = Facts.of(item.checklist)
    context = EvaluationContext(hook=item.hook, as_of=item.as_of or facts.latest_time, history=item.history)
    decision = evaluate(ruleset, facts, context)
    case: dict[str, Any] = {
        "id": item.id,
        "source": item.source,
        "file": item.file,
        "hook": item.hook,
        "as_of": decision.model_dump(mode="json")["as_of"],
        "context": context.facts(),
        "checklist": checklist_facts(item.checklist),
        "expected": expected_output(decision),
    }
    if item.asserted is not None:
        case["asserted"] = dict(item.asserted)
    return case


def expected_output(decision: Decision) -> dict[str, Any]:
    """What an evaluator must reproduce: ``outcomes``, ``blocking`` and ``score`` are normative;
    the rest lets a failing evaluator see where it went wrong."""
    data = decision.model_dump(mode="json")
    return {
        "outcomes": data["outcomes"],
        "blocking": data["blocking"],
        "score": data["score"],
        "completeness": data["completeness"],
        "counts": data["counts"],
        "findings": [
            {k: v for k, v in finding.items() if k in _FINDING_KEYS} for finding in data["findings"]
        ],
    }


# What a finding adds to its rule's texts (which the bundle carries): the rest is the rule's.
_FINDING_KEYS = frozenset({"rule_id", "outcome", "basis", "evaluation_error", "details", "message"})


def kit_cases(ruleset: CompiledRuleset, inputs: Iterable[KitInput]) -> Iterator[dict[str, Any]]:
    return (kit_case(ruleset, item) for item in inputs)


def differences(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> list[str]:
    """How an evaluator's decision differs from a kit case's expected output (empty: it agrees).
    ``actual`` is a decision in the API's JSON shape."""
    found: list[str] = []
    for key in ("blocking", "score"):
        if expected[key] != actual.get(key):
            found.append(f"{key}: expected {expected[key]!r}, got {actual.get(key)!r}")
    outcomes = actual.get("outcomes") or {}
    for rule_id in sorted(set(expected["outcomes"]) | set(outcomes)):
        want, got = expected["outcomes"].get(rule_id), outcomes.get(rule_id)
        if want != got:
            found.append(f"{rule_id}: expected {want}, got {got}")
    return found
