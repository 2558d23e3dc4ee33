"""Rule-set test cases as data, like ``opa test``: run them and measure outcome coverage.

Beside each rule-set version ``<root>/<id>/<version>.yaml`` lives a folder of case files,
``<root>/<id>/<version>.cases/*.yaml``::

    cases:
      - name: children-all-identified          # unique within the file
        description: optional text
        hook: scene.depart                     # optional; omitted = every rule
        as_of: "2025-03-01T12:00:00Z"          # optional; default: the latest time in the checklist
        checklist: { ...a full checklist... }
        expect:                                # met | missing | unknown | not_applicable
          CFC-IDENTIFY-ALL-CHILDREN: met       # semantics 2 also: missing/recorded, missing/not_recorded

A case passes when every rule it names has the expected outcome. Under a semantics-2 rule set a
``missing`` finding has a basis, which the expectation may name: ``missing/not_recorded`` (nothing
recorded by the due moment) or ``missing/recorded`` (the data says not done); plain ``missing``
matches either. The ``missing/...`` forms are refused for semantics-1 rule sets.

Coverage counts only what passing cases *assert*: a rule is covered when, for each outcome it can
have, some passing case expects it. Every rule must be shown ``met`` and ``missing``, and
``unknown`` unless it cannot be (a condition rule with ``never_unknown`` set, with its reason, or a
language rule, which is never unknown); a rule with a ``due`` moment also ``missing/not_recorded``,
which counts only when asserted explicitly (a plain ``missing`` counts as ``missing`` where the
basis was ``recorded``, and not at all where it was ``not_recorded``). ``not_applicable`` is
reported but not required.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from app.rules import vocabulary, yamlio
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Basis, Decision, Outcome
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.errors import RulesError
from app.rules.history import HistoryFacts
from app.rules.model import AnyRule
from app.rules.registry import load_file, ruleset_files

CASE_NAME_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


class Expected(StrEnum):
    """What a case can expect of a rule: an outcome, or (semantics 2) a missing outcome's basis."""

    met = "met"
    missing = "missing"
    unknown = "unknown"
    not_applicable = "not_applicable"
    missing_recorded = "missing/recorded"
    missing_not_recorded = "missing/not_recorded"


class Covered(StrEnum):
    """The outcomes coverage counts (equal, as text, to the ``Outcome`` of the same name)."""

    met = "met"
    missing = "missing"  # under semantics 2: basis recorded
    unknown = "unknown"
    not_applicable = "not_applicable"
    not_recorded = "not_recorded"  # missing, basis not_recorded


_BASED = frozenset({Expected.missing_recorded, Expected.missing_not_recorded})


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=CASE_NAME_PATTERN, max_length=120)]
    description: str | None = None
    hook: str | None = None
    as_of: AwareDatetime | None = None
    history: HistoryFacts | None = None  # context.history, for a rule set that reads it
    checklist: dict[str, Any]
    expect: Annotated[dict[str, Expected], Field(min_length=1)]


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cases: Annotated[list[Case], Field(min_length=1)]


@dataclass(frozen=True, slots=True)
class Problem:
    """A case file that cannot be run as written."""

    file: str
    case: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"case {self.case}: " if self.case else ""
        return f"{self.file}: {where}{self.field}: {self.message}"


@dataclass(frozen=True, slots=True)
class Failure:
    file: str
    case: str
    rule_id: str
    expected: Expected
    actual: Expected | None  # None: the rule was not evaluated (e.g. not at the case's hook)
    evaluation_error: bool = False  # the rule raised at run time and was reported unknown

    def __str__(self) -> str:
        actual = self.actual.value if self.actual else "not evaluated"
        if self.evaluation_error:
            actual += " (the rule raised an evaluation error)"
        return f"{self.file}: case {self.case}: {self.rule_id}: expected {self.expected.value}, got {actual}"


REQUIRED = (Covered.met, Covered.missing, Covered.unknown)


def required_outcomes(rule: AnyRule) -> tuple[Covered, ...]:
    required = tuple(o for o in REQUIRED if o is not Covered.unknown or not rule.never_unknown)
    return (*required, Covered.not_recorded) if rule.due is not None else required


def covered(expected: Expected, got: Expected | None) -> Covered | None:
    """The coverage a met expectation earns: ``not_recorded`` only when asserted by name."""
    if expected is Expected.missing_not_recorded:
        return Covered.not_recorded
    if expected is Expected.missing_recorded:
        return Covered.missing
    if expected is Expected.missing and got is Expected.missing_not_recorded:
        return None  # asserted as plain missing: says nothing about the recorded basis
    return Covered(expected.value)


def actual(decision: Decision, rule_id: str, semantics: int) -> Expected | None:
    """A rule's result in the terms of an expectation (with the basis under semantics 2)."""
    outcome = decision.outcomes.get(rule_id)
    if outcome is None:
        return None
    if semantics >= 2 and outcome is Outcome.missing:
        basis = next(f.basis for f in decision.findings if f.rule_id == rule_id)
        return Expected.missing_not_recorded if basis is Basis.not_recorded else Expected.missing_recorded
    return Expected(outcome.value)


def _meets(expected: Expected, got: Expected | None) -> bool:
    if expected is Expected.missing and got in _BASED:
        return True  # plain `missing` matches either basis
    return got is expected


@dataclass
class RuleCoverage:
    rule_id: str
    required: tuple[Covered, ...]
    seen: set[Covered] = field(default_factory=set)

    @property
    def gaps(self) -> list[Covered]:
        return [o for o in self.required if o not in self.seen]

    @property
    def complete(self) -> bool:
        return not self.gaps


@dataclass
class RulesetReport:
    key: str  # id@version
    source: str
    cases: int = 0
    passed: int = 0
    coverage: list[RuleCoverage] = field(default_factory=list)


@dataclass
class Report:
    rulesets: list[RulesetReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def rules(self) -> list[RuleCoverage]:
        return [c for r in self.rulesets for c in r.coverage]

    @property
    def rule_coverage(self) -> float:
        """Percentage of rules covered in every outcome they can have."""
        rules = self.rules
        return 100.0 * sum(c.complete for c in rules) / len(rules) if rules else 0.0

    @property
    def outcome_coverage(self) -> float:
        """Percentage of (rule, required outcome) pairs covered."""
        needed = sum(len(c.required) for c in self.rules)
        covered = sum(len(c.required) - len(c.gaps) for c in self.rules)
        return 100.0 * covered / needed if needed else 0.0

    @property
    def ok(self) -> bool:
        return bool(self.rulesets) and not self.problems and not self.failures and self.rule_coverage == 100.0


def cases_dir(ruleset_file: Path) -> Path:
    return ruleset_file.with_suffix(".cases")


def run(root: Path) -> Report:
    """Load every rule-set version under ``root``, run its cases, and measure coverage."""
    report = Report()
    for path in ruleset_files(root):
        try:
            ruleset = load_file(path)
        except RulesError as exc:
            report.problems.append(Problem(str(path), None, "rule set", str(exc)))
            continue
        report.rulesets.append(run_ruleset(ruleset, cases_dir(path), report))
    return report


def run_ruleset(ruleset: CompiledRuleset, directory: Path, report: Report) -> RulesetReport:
    result = RulesetReport(key=ruleset.key, source=ruleset.source)
    coverage = {r.id: RuleCoverage(r.id, required_outcomes(r)) for r in ruleset.document.rules}
    result.coverage = list(coverage.values())
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not files:
        report.problems.append(Problem(str(directory), None, "cases", "no case files (*.yaml)"))
    for file in files:
        for case in load_cases(file, ruleset, report.problems):
            result.cases += 1
            ran = run_case(ruleset, case, str(file))
            if ran is None:
                report.problems.append(Problem(str(file), case.name, "checklist", "does not validate"))
                continue
            failures, earned = ran
            report.failures.extend(failures)
            if not failures:
                result.passed += 1
                for rule_id, outcome in earned.items():
                    coverage[rule_id].seen.add(outcome)
    return result


def load_cases(file: Path, ruleset: CompiledRuleset, problems: list[Problem]) -> list[Case]:
    """Valid cases of one file; every problem found is appended (file, case name, field)."""
    source = str(file)
    try:
        data = yamlio.safe_load(file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(source, None, "file", f"cannot read: {exc}"))
        return []
    try:
        case_file = CaseFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(_describe(source, exc, data))
        return []
    rule_ids = {r.id for r in ruleset.document.rules}
    hooks = vocabulary.hooks()
    valid: list[Case] = []
    seen: set[str] = set()
    for case in case_file.cases:
        before = len(problems)
        if case.name in seen:
            problems.append(Problem(source, case.name, "name", "case name is not unique in the file"))
        seen.add(case.name)
        if case.hook is not None and case.hook not in hooks:
            problems.append(Problem(source, case.name, "hook", f"unknown hook {case.hook!r}"))
        known_hook = case.hook is None or case.hook in hooks
        at_hook = {r.id for r in ruleset.program(case.hook).rules} if known_hook else set()
        for rule_id, expected in case.expect.items():
            if expected in _BASED and ruleset.document.semantics < 2:
                problems.append(
                    Problem(
                        source,
                        case.name,
                        f"expect.{rule_id}",
                        f"{expected.value}: a basis exists only under semantics 2 ({ruleset.key} has 1)",
                    )
                )
            if rule_id not in rule_ids:
                problems.append(
                    Problem(source, case.name, f"expect.{rule_id}", f"no rule {rule_id} in {ruleset.key}")
                )
            elif known_hook and rule_id not in at_hook:
                problems.append(
                    Problem(
                        source, case.name, f"expect.{rule_id}", f"rule is not evaluated at hook {case.hook}"
                    )
                )
        try:
            Checklist.model_validate(case.checklist)
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in ("checklist", *err["loc"]))
                problems.append(Problem(source, case.name, where, err["msg"]))
        if len(problems) == before:
            valid.append(case)
    return valid


def _describe(source: str, error: ValidationError, data: object) -> Iterable[Problem]:
    for err in error.errors():
        loc = list(err["loc"])
        case_name = None
        if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int) and isinstance(data, dict):
            cases = data.get("cases")
            item = cases[loc[1]] if isinstance(cases, list) and loc[1] < len(cases) else None
            name = item.get("name") if isinstance(item, dict) else None
            case_name = str(name) if name else f"#{loc[1] + 1}"
            loc = loc[2:]
        yield Problem(source, case_name, ".".join(str(p) for p in loc) or "(file)", err["msg"])


def run_case(
    ruleset: CompiledRuleset, case: Case, source: str
) -> tuple[list[Failure], dict[str, Covered]] | None:
    """The case's failures and the coverage its expectations earn; None if its checklist is invalid."""
    try:
        checklist = Checklist.model_validate(case.checklist)
    except ValidationError:
        return None
    facts = Facts.of(checklist)
    decision = evaluate(
        ruleset,
        facts,
        EvaluationContext(hook=case.hook, as_of=case.as_of or facts.latest_time, history=case.history),
    )
    errored = {f.rule_id for f in decision.findings if f.evaluation_error}
    semantics = ruleset.document.semantics
    failures = []
    earned: dict[str, Covered] = {}
    for rule_id, expected in case.expect.items():
        got = actual(decision, rule_id, semantics)
        if not _meets(expected, got) or rule_id in errored:
            failures.append(Failure(source, case.name, rule_id, expected, got, rule_id in errored))
        elif (outcome := covered(expected, got)) is not None:
            earned[rule_id] = outcome
    return failures, earned
