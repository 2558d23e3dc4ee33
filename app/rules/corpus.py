"""The scenario corpus: cases written only from published investigations, and how a rule set scores on them.

Each case is one file, ``<root>/<ruleset-id>/corpus/<case-id>.yaml`` (format: ``Case``; contract 3 of
the team board). It paraphrases one published failure (an IOPC investigation, an HMICFRS inspection,
a child safeguarding practice review), names the steps the source says were missed, the moments at
which a real client would have called, a checklist holding *only* what the source says (a field the
source is silent on stays absent), a done-well twin (the same facts, with every step the situation
calls for done and recorded) and a minimal twin (the case with only its missed steps done).

``run`` evaluates every case at its moments under one rule-set version and measures:

- expected steps at the case's *last* moment: ``missing`` (split by basis where the version records
  one), only ``unknown``, or not flagged at all (met, not applicable, or not evaluated at that hook);
- expected *critical* steps (critical in the step vocabulary, so a rule set cannot pass by lowering a
  severity) that blocked: at some moment whose hook blocks, the decision blocked with a critical
  finding of that step;
- false flags on the done-well twins: ``missing`` findings of critical or high severity, any basis;
  and, as a stress figure that is not a target, the same on the minimal twins (missed steps only);
- for a version that reads history (``history: 1``), which expected steps were flagged *only because
  of history*: missing at the last moment with the case's history facts, not missing without them.

History: a case (or one of its moments) may carry ``history:``, the earlier incidents' facts as the
service would compute them (``CaseHistory``), holding only what the source says. A person or count it
does not give is not linked / 0, which no rule treats as a failure (history can only add a step), and
the people given are matched to the checklist's by ``id``. Twins share the case's history: the earlier
incidents are facts of the case. Versions without ``history: 1`` are scored without it, as the service
would call them.

Pure: no clock, environment or network; the caller passes the directory and the registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.decision import Decision, Finding, Outcome
from app.rules.engine import Facts, RulesetRef, decide, resolve
from app.rules.history import AddressHistory, HistoryFacts, PersonHistory
from app.rules.model import Severity
from app.rules.registry import RulesetRegistry
from app.rules.testing import Problem

CASE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
CORPUS_DIR = "corpus"

# What issue #9 asks of the rule set on this corpus.
MISSING_TARGET = 85.0  # % of expected steps missing at the case's last moment
BLOCK_TARGET = 80.0  # % of expected critical steps blocked at some blocking moment


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    """A published document the case is written from."""

    document: Annotated[str, Field(min_length=1, max_length=300)]
    publisher: Annotated[str, Field(min_length=1, max_length=120)]
    url: HttpUrl
    section: Annotated[str, Field(min_length=1, max_length=300)]
    published: Annotated[str, Field(pattern=r"^(19|20)\d\d-(0[1-9]|1[0-2])$")] | None = Field(
        description="Publication month, YYYY-MM; null when the text read does not show it."
    )


Count = Annotated[int, Field(ge=0)]


class PersonFacts(_Strict):
    """What a source says about one person's earlier incidents (``PersonHistory``, every count
    optional: absent means the source mentions none)."""

    id: Annotated[str, Field(min_length=1, max_length=40)] = Field(description="The checklist's local id.")
    earlier_incidents: Count | None = None
    concerns_3m: Count | None = None
    concerns_12m: Count | None = None
    missing_episodes: Count | None = None
    missing_90d: Count | None = None
    injuries: Count | None = None
    referrals: Count | None = None
    suspect_before: bool | None = None
    open_critical_steps: list[str] | None = None


class AddressFacts(_Strict):
    concerns_3m: Count | None = None
    concerns_12m: Count | None = None
    domestic_12m: Count | None = None


class CaseHistory(_Strict):
    """Earlier incidents' facts for a case or a moment (see the module docstring)."""

    children: list[PersonFacts] = Field(default_factory=list)
    adults: list[PersonFacts] = Field(default_factory=list)
    address: AddressFacts | None = None
    source_says: Annotated[str, Field(min_length=1)] = Field(
        description="What the source says about the earlier incidents these counts stand for."
    )


class Moment(_Strict):
    """A call a real client would have made: the workflow moment and the time of the call."""

    hook: str
    as_of: AwareDatetime
    history: CaseHistory | None = Field(None, description="Default: the case's history.")


def _ordered(moments: list[Moment]) -> list[Moment]:
    for before, after in pairwise(moments):
        if after.as_of < before.as_of:
            raise ValueError(f"moments must be in time order ({after.hook} at {after.as_of} is earlier)")
    return moments


class Twin(_Strict):
    """A version of the case with steps done (see ``Case.twin`` and ``Case.minimal_twin``)."""

    checklist: dict[str, Any]
    moments: list[Moment] | None = Field(None, description="Default: the case's moments.")
    notes: str | None = None

    _moments_in_order = field_validator("moments")(lambda v: None if v is None else _ordered(v))


class Case(_Strict):
    id: Annotated[str, Field(pattern=CASE_ID_PATTERN, max_length=80)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    sources: Annotated[list[Source], Field(min_length=1)]
    facts: Annotated[str, Field(min_length=1)] = Field(
        description="The published facts, paraphrased; synthetic names only."
    )
    notes: str | None = Field(
        None, description="What the source does not say, and what the author had to choose (e.g. dates)."
    )
    facts_not_in_schema: list[str] = Field(
        default_factory=list,
        description="Published facts the checklist schema cannot hold yet (kept out of the checklist).",
    )
    missed_steps: Annotated[list[str], Field(min_length=1)] = Field(
        description="Steps (steps.md ids) the source says were missed."
    )
    moments: Annotated[list[Moment], Field(min_length=1)]
    history: CaseHistory | None = Field(
        None, description="Earlier incidents' facts, at every moment that gives none of its own."
    )
    checklist: dict[str, Any]
    twin: Twin = Field(
        description="Done well: the case's facts unchanged (same people, ages, roles, events, times), with "
        "every step the policy requires in that situation done and recorded; no facts added about the "
        "incident itself (no extra children, injuries or disclosures)."
    )
    minimal_twin: Twin = Field(
        description="The case's own checklist with only the missed steps done (only what doing them "
        "records): a stress test of the rules, reported but not a target."
    )

    _moments_in_order = field_validator("moments")(_ordered)

    @field_validator("missed_steps")
    @classmethod
    def _distinct(cls, steps: list[str]) -> list[str]:
        if len(set(steps)) != len(steps):
            raise ValueError("missed_steps lists a step twice")
        return steps

    def moments_of(self, twin: Twin) -> list[Moment]:
        return twin.moments if twin.moments is not None else self.moments

    @property
    def has_history(self) -> bool:
        return self.history is not None or any(m.history is not None for m in self.moments)


def history_facts(given: CaseHistory | None, checklist: Checklist, as_of: datetime) -> HistoryFacts:
    """The history facts the service would pass: one entry per checklist person, in its order;
    a person the case gives is linked with its counts (absent: 0), anyone else is not linked."""
    given = given or CaseHistory(source_says="none")

    def people(listed: list[PersonFacts], ids: list[str]) -> tuple[PersonHistory, ...]:
        by_id = {p.id: p for p in listed}
        out = []
        for pid in ids:
            found = by_id.get(pid)
            counts = found.model_dump(exclude={"id"}, exclude_none=True) if found else {}
            counts.setdefault(
                "earlier_incidents", max([v for v in counts.values() if isinstance(v, int)] or [0])
            )
            out.append(
                PersonHistory.model_validate(
                    {
                        **dict.fromkeys(_COUNTS, 0),
                        "suspect_before": False,
                        **counts,
                        "id": pid,
                        "linked": found is not None,
                    }
                )
            )
        return tuple(out)

    address = (
        AddressHistory(
            linked=True,
            **{"concerns_3m": 0, "concerns_12m": 0, "domestic_12m": 0}
            | given.address.model_dump(exclude_none=True),
        )
        if given.address is not None
        else None
    )
    return HistoryFacts(
        computed_at=as_of,
        children=people(given.children, [c.id for c in checklist.children or []]),
        adults=people(given.adults, [a.id for a in checklist.adults or []]),
        address=address,
    )


_COUNTS = ("concerns_3m", "concerns_12m", "missing_episodes", "missing_90d", "injuries", "referrals")


@dataclass(frozen=True, slots=True)
class LoadedCase:
    case: Case
    source: str
    checklist: Checklist
    twin: Checklist
    minimal_twin: Checklist


def corpus_dir(root: Path, ruleset_id: str) -> Path:
    return root / ruleset_id / CORPUS_DIR


def load(directory: Path) -> tuple[list[LoadedCase], list[Problem]]:
    """Every valid case under ``directory``, and every problem found (file, case id, field)."""
    problems: list[Problem] = []
    files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not files:
        problems.append(Problem(str(directory), None, "corpus", "no case files (*.yaml)"))
    cases = [loaded for file in files if (loaded := _load_case(file, problems)) is not None]
    return cases, problems


class _StrictKeysLoader(yaml.SafeLoader):
    """The safe loader, refusing a key given twice in one mapping (YAML keeps the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [
            self.construct_object(key, deep=deep)
            for key, _ in node.value
            if key.tag != "tag:yaml.org,2002:merge"
        ]
        twice = sorted({str(k) for k in keys if keys.count(k) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(
                None, None, f"key given twice: {', '.join(twice)}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def _load_case(file: Path, problems: list[Problem]) -> LoadedCase | None:
    source = str(file)
    try:
        data = yaml.load(file.read_text("utf-8"), Loader=_StrictKeysLoader)  # a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(source, None, "file", f"cannot read: {exc}"))
        return None
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        name = data.get("id") if isinstance(data, dict) else None
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(file)"
            problems.append(Problem(source, str(name) if name else None, where, err["msg"]))
        return None
    before = len(problems)
    if case.id != file.stem:
        problems.append(Problem(source, case.id, "id", f"must match the file name ({file.stem})"))
    steps, hooks = vocabulary.steps(), vocabulary.hooks()
    for step in case.missed_steps:
        if step not in steps:
            problems.append(Problem(source, case.id, "missed_steps", f"unknown step {step!r}"))
    moments_by_part = (
        ("moments", case.moments),
        ("twin.moments", case.moments_of(case.twin)),
        ("minimal_twin.moments", case.moments_of(case.minimal_twin)),
    )
    for where, moments in moments_by_part:
        for moment in moments:
            if moment.hook not in hooks:
                problems.append(Problem(source, case.id, where, f"unknown hook {moment.hook!r}"))
    for given in [case.history, *(m.history for m in case.moments)]:
        for person in given.children + given.adults if given else []:
            for step in person.open_critical_steps or []:
                if step not in steps:
                    problems.append(Problem(source, case.id, "history", f"unknown step {step!r}"))
    checklist = _checklist(case.checklist, source, case.id, "checklist", problems)
    twin = _checklist(case.twin.checklist, source, case.id, "twin.checklist", problems)
    minimal = _checklist(case.minimal_twin.checklist, source, case.id, "minimal_twin.checklist", problems)
    if len(problems) != before or checklist is None or twin is None or minimal is None:
        return None
    return LoadedCase(case, source, checklist, twin, minimal)


def _checklist(
    data: dict[str, Any], source: str, case_id: str, where: str, problems: list[Problem]
) -> Checklist | None:
    try:
        return Checklist.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            path = ".".join(str(p) for p in (where, *err["loc"]))
            problems.append(Problem(source, case_id, path, err["msg"]))
        return None


class StepResult(StrEnum):
    missing = "missing"
    unknown = "unknown"
    not_flagged = "not_flagged"


@dataclass(frozen=True, slots=True)
class ExpectedStep:
    step_id: str
    critical: bool
    at_last: StepResult
    basis: str | None  # of a missing finding at the last moment, where the rule set records one
    blocked: bool  # a critical finding of this step blocked at some blocking moment
    outcomes: tuple[str, ...]  # the step's outcome at each moment, for the per-case table


@dataclass(frozen=True, slots=True)
class FalseFlag:
    rule_id: str
    step_id: str
    severity: Severity
    hooks: tuple[str, ...]  # the twin's moments at which it was flagged


@dataclass(frozen=True, slots=True)
class CaseResult:
    case_id: str
    title: str
    hooks: tuple[str, ...]
    steps: tuple[ExpectedStep, ...]
    false_flags: tuple[FalseFlag, ...]  # on the done-well twin
    minimal_flags: tuple[FalseFlag, ...]  # on the minimal twin (stress figure)
    history_only: tuple[str, ...] = ()  # expected steps missing with the history, not without it


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


@dataclass
class CorpusReport:
    ruleset: str  # id@version
    cases: list[CaseResult] = field(default_factory=list)
    evaluation_errors: int = 0  # rule evaluations (cases, both twins) that raised; reported unknown
    reads_history: bool = False  # the version reads history facts (``history: 1``)

    @property
    def expected(self) -> list[ExpectedStep]:
        return [s for c in self.cases for s in c.steps]

    def count(self, result: StepResult) -> int:
        return sum(s.at_last is result for s in self.expected)

    def count_basis(self, basis: str) -> int:
        return sum(s.at_last is StepResult.missing and s.basis == basis for s in self.expected)

    def share(self, result: StepResult) -> float:
        return _pct(self.count(result), len(self.expected))

    @property
    def critical(self) -> list[ExpectedStep]:
        return [s for s in self.expected if s.critical]

    @property
    def blocked(self) -> int:
        return sum(s.blocked for s in self.critical)

    @property
    def blocked_share(self) -> float:
        return _pct(self.blocked, len(self.critical))

    def false_flags(self, severity: Severity) -> int:
        return sum(f.severity is severity for c in self.cases for f in c.false_flags)

    def minimal_flags(self, severity: Severity) -> int:
        return sum(f.severity is severity for c in self.cases for f in c.minimal_flags)

    @property
    def history_only(self) -> list[tuple[str, str]]:
        """(case, step) for every expected step flagged only because of history."""
        return [(c.case_id, step) for c in self.cases for step in c.history_only]

    @property
    def meets_targets(self) -> bool:
        return (
            self.share(StepResult.missing) >= MISSING_TARGET
            and self.blocked_share >= BLOCK_TARGET
            and self.false_flags(Severity.critical) == 0
            and self.false_flags(Severity.high) == 0
        )


def run(registry: RulesetRegistry, ref: RulesetRef, cases: Iterable[LoadedCase]) -> CorpusReport:
    """Score the version ``ref`` names on every case at its moments, and both twins at theirs.

    Every evaluation goes through the engine's entry point, ``decide``, as a client's call would.
    """
    ruleset = resolve(registry, ref, None)
    ref = RulesetRef(ruleset.document.id, ruleset.document.version)
    report = CorpusReport(ruleset.key)
    steps = vocabulary.steps()
    rules_of: dict[str, list[str]] = {}
    for rule in ruleset.document.rules:
        rules_of.setdefault(rule.step, []).append(rule.id)
    reads_history = report.reads_history = ruleset.document.history is not None

    def decisions(
        case: Case, checklist: Checklist, moments: list[Moment], *, history: bool = True
    ) -> list[tuple[str, Decision]]:
        facts = Facts.of(checklist)
        found = []
        for m in moments:
            given = (m.history or case.history) if reads_history and history else None
            facts_of_history = history_facts(given, checklist, m.as_of) if given is not None else None
            decision = decide(registry, facts, m.hook, as_of=m.as_of, ruleset=ref, history=facts_of_history)
            found.append((m.hook, decision))
        report.evaluation_errors += sum(f.evaluation_error for _, d in found for f in d.findings)
        return found

    for loaded in cases:
        case = loaded.case
        at_moments = [d for _, d in decisions(case, loaded.checklist, case.moments)]
        expected = tuple(
            _expected(step, _critical(steps[step]), rules_of.get(step, []), at_moments)
            for step in case.missed_steps
        )
        history_only: tuple[str, ...] = ()
        if reads_history and case.has_history:
            without = [d for _, d in decisions(case, loaded.checklist, case.moments, history=False)]
            history_only = tuple(
                s.step_id
                for s in expected
                if s.at_last is StepResult.missing
                and _step_outcome(rules_of.get(s.step_id, []), without[-1]) is not StepResult.missing
            )
        twin = _false_flags(decisions(case, loaded.twin, case.moments_of(case.twin)))
        minimal = _false_flags(decisions(case, loaded.minimal_twin, case.moments_of(case.minimal_twin)))
        hooks = tuple(m.hook for m in case.moments)
        report.cases.append(CaseResult(case.id, case.title, hooks, expected, twin, minimal, history_only))
    return report


def _critical(step: vocabulary.Step) -> bool:
    return step.suggested_severity is Severity.critical


def _step_outcome(rule_ids: list[str], decision: Decision) -> StepResult:
    outcomes = {decision.outcomes.get(rule_id) for rule_id in rule_ids}
    if Outcome.missing in outcomes:
        return StepResult.missing
    if Outcome.unknown in outcomes:
        return StepResult.unknown
    return StepResult.not_flagged


def _basis(finding: Finding) -> str | None:
    value = getattr(finding, "basis", None)
    return None if value is None else str(getattr(value, "value", value))


def _expected(step: str, critical: bool, rule_ids: list[str], decisions: list[Decision]) -> ExpectedStep:
    last = decisions[-1]
    at_last = _step_outcome(rule_ids, last)
    basis = next(
        (_basis(f) for f in last.findings if f.step_id == step and f.outcome is Outcome.missing), None
    )
    blocked = critical and any(
        d.blocking and any(f.step_id == step and f.severity is Severity.critical for f in d.findings)
        for d in decisions
    )
    outcomes = tuple(_step_outcome(rule_ids, d).value for d in decisions)
    return ExpectedStep(step, critical, at_last, basis, blocked, outcomes)


def _false_flags(decisions: list[tuple[str, Decision]]) -> tuple[FalseFlag, ...]:
    found: dict[str, tuple[Finding, list[str]]] = {}
    for hook, decision in decisions:
        for f in decision.findings:
            if f.outcome is Outcome.missing and f.severity in (Severity.critical, Severity.high):
                found.setdefault(f.rule_id, (f, []))[1].append(hook)
    return tuple(FalseFlag(f.rule_id, f.step_id, f.severity, tuple(hooks)) for f, hooks in found.values())
