"""Evaluate a compiled rule set over a checklist: a pure function of (rule set, facts, context).

Nothing here reads the clock, the environment or the network; the caller passes ``as_of``. The same
inputs always give the same decision, which is what makes an audit replay exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib.metadata import version
from typing import Any

import orjson

from app.rules.calendar import read_json_time, read_model_time
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import NOT_RECORDED, UNKNOWN, CompiledRuleset, Program
from app.rules.decision import Basis, Decision, Finding, FindingDetail, Outcome, OutcomeCounts, make_finding
from app.rules.errors import UnknownHook
from app.rules.history import HistoryFacts
from app.rules.language import language_outcomes
from app.rules.model import SEVERITY_ORDER, SEVERITY_WEIGHT, AnyRule, LanguageRule, Severity
from app.rules.projection import free_text_tree
from app.rules.registry import RulesetRegistry
from app.rules.shape import empty_lists

# The engine's version by rule-set semantics (``RulesetDocument.semantics``), recorded in every
# decision. A rule set is evaluated with the semantics it declares, so a decision made under a
# semantics-1 rule set (1.0.0, 1.1.0) names the semantics-1 engine before and after semantics 2 was
# added, and an as-recorded replay, which compares canonical bytes, still reproduces it exactly. Bump
# an entry only when evaluation under that semantics changes: its old decisions then stop reproducing.
_ZEN = f"zen-engine/{version('zen-engine')}"
ENGINE_VERSIONS: dict[int, str] = {
    1: f"safesteps-rules/1.0.0 {_ZEN}",
    2: f"safesteps-rules/2.0.0 {_ZEN}",
}
ENGINE_VERSION = ENGINE_VERSIONS[1]  # the original semantics


def iso_time(moment: datetime) -> str:
    """``moment.isoformat()``, formatted by orjson where that gives the same text (no offset, or one
    in whole minutes): ``isoformat`` of an aware time costs ~2 µs, a fifth of a small hook's own work
    in the engine. RFC 3339, and so orjson, has no seconds in an offset: those go to ``isoformat``."""
    offset = moment.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        return moment.isoformat()
    return orjson.dumps(moment).decode()[1:-1]


@dataclass(frozen=True, slots=True)
class EvaluationContext:
    hook: str | None = None
    as_of: datetime | None = None
    # The service's history facts (``app/rules/history.py``), for a rule set that reads them; absent
    # from ``context`` when None, so rule sets that read none see exactly the context they always did.
    history: HistoryFacts | None = None

    def facts(self) -> dict[str, Any]:
        values: dict[str, Any] = {"hook": self.hook, "as_of": iso_time(self.as_of) if self.as_of else None}
        if self.history is not None:
            values["history"] = self.history.model_dump(mode="json")
        return values


def checklist_facts(checklist: Checklist) -> dict[str, Any]:
    """The checklist as JSON-shaped data: the form both the engine and decision records use."""
    return checklist.model_dump(mode="json")


@dataclass(frozen=True, slots=True)
class Facts:
    """The engine's one input form: a checklist as JSON text, with its schema version.

    Two ways in: ``Facts.of`` a validated checklist (the live paths; the engine dumps only the
    fields its program reads, straight from the model) and ``Facts.stored`` for the input JSON a
    decision record holds (replay: ZEN reads the text itself; it is parsed in Python only when
    something needs the data, on first use). Both give the same decision for the same checklist
    (``tests/rules/test_engine_input.py``, ``tests/rules/test_golden.py``).
    """

    schema_version: int
    _model: Checklist | None = field(default=None, repr=False)
    _text: bytes | None = field(default=None, repr=False)
    _parsed: list[dict[str, Any]] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def of(cls, checklist: Checklist) -> Facts:
        return cls(checklist.schema_version, _model=checklist)

    @classmethod
    def stored(cls, input_json: str | bytes, schema_version: int) -> Facts:
        """A decision record's stored input. Raises ``ValueError`` unless it is a JSON object (text
        that only looks like one raises ``ValueError`` when it is evaluated)."""
        text = input_json.encode() if isinstance(input_json, str) else input_json
        bare = text.strip()
        if not (bare.startswith(b"{") and bare.endswith(b"}")):
            raise ValueError("stored facts must be a JSON object")
        return cls(schema_version, _text=text)

    def stored_data(self) -> dict[str, Any]:
        """Stored facts as JSON-shaped data, parsed once; raises ``ValueError`` for invalid text."""
        if not self._parsed:
            assert self._text is not None
            self._parsed.append(orjson.loads(self._text))  # braced, so an object when it parses
        return self._parsed[0]

    @property
    def latest_time(self) -> datetime | None:
        """The default ``as_of``: the latest time in the checklist (None for stored facts: replay
        always pins ``as_of``). Computed on use: it walks the whole checklist."""
        return self._model.latest_time() if self._model is not None else None

    def time_at(self, path: tuple[str, ...]) -> datetime | None:
        """The aware time recorded at a dotted checklist path (no lists), or None."""
        if self._model is not None:
            return read_model_time(self._model, path)
        return read_json_time(self.stored_data(), path)

    def input_json(self) -> bytes:
        """The canonical JSON a decision record stores as its input (stored facts: as given)."""
        if self._text is not None:
            return self._text
        assert self._model is not None
        return canonical_json(checklist_facts(self._model))


@dataclass(frozen=True, slots=True)
class RulesetRef:
    """Which rule set to decide with: an exact version, or (``version=None``) the one in force."""

    id: str
    version: str | None = None


DEFAULT_RULESET_REF = RulesetRef("concern-for-a-child")


def resolve(
    registry: RulesetRegistry, ref: RulesetRef, as_of: datetime | None, today: date | None = None
) -> CompiledRuleset:
    """An explicit version, or the version in force at ``as_of``; with no ``as_of``, the one in
    force on ``today`` (the caller's date: this module reads no clock), else the latest published.
    Without ``today`` a version published ahead of its effective date would be chosen."""
    if ref.version is not None:
        return registry.get(ref.id, ref.version)
    return registry.in_force(ref.id, as_of or today)


def decide(
    registry: RulesetRegistry,
    facts: Facts,
    hook: str | None,
    *,
    as_of: datetime | None = None,
    ruleset: RulesetRef = DEFAULT_RULESET_REF,
    history: HistoryFacts | None = None,
    today: date | None = None,
) -> Decision:
    """The one way into the engine: resolve the version, pin ``as_of`` (default: the latest time in
    the facts), and evaluate. Stateless evaluation, submissions, the demo seeder and replay call it.

    ``history``: the service's history facts, computed for (and only read by) a rule set that
    declares ``history: 1``; the caller resolves the version first when it needs to know.
    ``today``: picks the version in force when neither ``as_of`` nor the facts give a time (the
    live paths pass the service's date; see ``resolve``)."""
    if as_of is None:
        as_of = facts.latest_time
    context = EvaluationContext(hook=hook, as_of=as_of, history=history)
    return evaluate(resolve(registry, ruleset, as_of, today), facts, context)


def evaluate(ruleset: CompiledRuleset, facts: Facts, context: EvaluationContext) -> Decision:
    """Evaluate every rule that applies at ``context.hook`` and build the decision (the lower
    level under ``decide``, for a rule set already in hand)."""
    program = ruleset.at_hook.get(context.hook)
    if program is None:
        raise UnknownHook(str(context.hook))
    context_values = _context_facts(ruleset, facts, context, program.context)
    codes, failed = _codes(ruleset, program, facts, context_values)
    pairs = program.pairs
    if len(codes) != len(pairs):
        raise ValueError(f"{len(codes)} outcome codes for {len(pairs)} rules")
    outcomes = list(map(dict.__getitem__, pairs, codes))
    not_recorded = (
        {rule.id for rule, code in zip(program.rules, codes, strict=True) if code == NOT_RECORDED}
        if program.due
        else _NONE
    )
    details: dict[str, tuple[FindingDetail, ...]] = {}
    if program.language and ruleset.language is not None:
        language = [
            (rule, outcome is Outcome.unknown and rule.id not in failed)
            for i in program.language
            for rule, outcome in (outcomes[i],)
            if isinstance(rule, LanguageRule)
        ]
        mapping = facts.stored_data() if facts._model is None else _language_facts(facts._model)
        scanned, details = language_outcomes(ruleset.language, language, mapping)
        for i in program.language:
            rule = outcomes[i][0]
            if rule.id not in failed:
                outcomes[i] = (rule, scanned[rule.id])
    return build_decision(
        ruleset,
        outcomes,
        context,
        checklist_schema_version=facts.schema_version,
        failed=failed,
        details=details,
        not_recorded=not_recorded,
    )


_NONE: frozenset[str] = frozenset()


def _codes(
    ruleset: CompiledRuleset, program: Program, facts: Facts, context: dict[str, Any]
) -> tuple[Sequence[float], set[str] | frozenset[str]]:
    """Each rule's outcome code, and the rules whose evaluation failed (``_isolate``): over rows
    where they apply (``_rows_codes``), else the program over the projected input."""
    if program.expression is None:
        return (), _NONE
    reads = ruleset.document.checklist_schema_version
    older = facts.schema_version >= LISTS_NULLABLE_FROM > reads
    if not older and (codes := _rows_codes(facts, context, program)) is not None:
        return codes, _NONE
    data: str | bytes | dict[str, Any] = (
        _older_input(facts, reads, context, program) if older else _engine_input(facts, context, program)
    )
    try:
        # A dict as JSON text: orjson's dump and ZEN's parse of it cost less than ZEN's reading
        # of the Python objects (same values: the facts are JSON-shaped, without floats). Text
        # as ``str``: the binding parses a str faster than the same bytes (~15% for a whole
        # stored checklist), by far more than decoding costs.
        text = orjson.dumps(data) if isinstance(data, dict) else data
        codes = program.expression.evaluate(text.decode() if isinstance(text, bytes) else text)
    except Exception:
        if isinstance(data, bytes):  # stored text: invalid JSON raises here, as ValueError
            data = _stored_input(facts, context, program)
        return _isolate(ruleset, program.rules, data)
    return codes, _NONE


def _context_facts(
    ruleset: CompiledRuleset, facts: Facts, context: EvaluationContext, fields: frozenset[str] | None
) -> dict[str, Any]:
    """``context`` as conditions read it: hook and as_of, and the rule set's computed times; only
    ``fields`` (``Program.context``), None for all. The times are computed even where no rule
    reads them, so that facts they cannot be computed from fail alike at every hook."""
    if fields is None:
        values = context.facts()
    else:
        values = {}
        if "hook" in fields:
            values["hook"] = context.hook
        if "as_of" in fields:
            values["as_of"] = iso_time(context.as_of) if context.as_of else None
        if "history" in fields and context.history is not None:
            values["history"] = context.history.model_dump(mode="json")
    if ruleset.times is not None:
        times = ruleset.times.compute(facts.time_at)
        if fields is None or "times" in fields:
            values["times"] = times
    return values


def _rows_codes(facts: Facts, context: dict[str, Any], program: Program) -> Sequence[float] | None:
    """The program over rows (``compiler.Rows``), for stored facts already parsed; None where it does
    not apply or fails (the plain program then decides, and names a rule that fails)."""
    if facts._model is not None or not facts._parsed:
        return None
    rows = program.rows()
    if rows is None:
        return None
    try:
        data = rows.projector(facts._parsed[0])
        data["context"] = context
        codes: Sequence[float] = rows.expression.evaluate(orjson.dumps(data).decode())
    except Exception:
        return None
    return codes


def _engine_input(facts: Facts, context: dict[str, Any], program: Program) -> str | bytes | dict[str, Any]:
    """What ZEN evaluates: the facts plus ``context``.

    From a model: only the fields the program can read (``projection``), without nulls (ZEN reads an
    absent field exactly as ``null``), as compact JSON text dumped in Rust: converting the whole
    checklist was the largest fixed cost of an evaluation. From stored facts: the stored text itself
    with ``context`` spliced in, which ZEN parses faster than Python can parse and project it; a
    projected dict only once the text has been parsed anyway. ``tests/rules/test_engine_input.py``
    holds every form to the decisions of the unprojected input.
    """
    if facts._model is not None:
        body = facts._model.model_dump_json(exclude_none=True, include=program.include)[1:-1]
        return f'{{{body}{"," if body else ""}"context":{json.dumps(context)}}}'
    if facts._parsed:
        return _stored_input(facts, context, program)
    assert facts._text is not None
    text = facts._text.strip()[:-1].rstrip()
    separator = b"" if text.endswith(b"{") else b","
    return b"".join((text, separator, b'"context":', orjson.dumps(context), b"}"))


# From checklist schema 3 an unrecorded list is null (``[]`` records none); rule sets written for
# an older schema read every list as a list, so their input gets those lists as ``[]``.
LISTS_NULLABLE_FROM = 3


def _older_input(facts: Facts, version: int, context: dict[str, Any], program: Program) -> dict[str, Any]:
    """A newer checklist as a rule set for schema ``version`` reads it (the stored input is untouched):
    projected and its lists filled in one pass of the program's compiled projector (a model is
    dumped projected first, in Rust)."""
    include = program.include
    if facts._model is not None:
        dumped = facts._model.model_dump_json(include=include, exclude_none=include is not None)
        data = orjson.loads(dumped)  # Rust: faster than mode="json"
    else:
        data = facts.stored_data()
    fill = program.projector(version)
    filled = fill(data) if fill is not None else empty_lists(data, version)
    filled["context"] = context
    return filled


def _stored_input(facts: Facts, context: dict[str, Any], program: Program) -> dict[str, Any]:
    stored = facts.stored_data()
    projector = program.projector()
    projected = projector(stored) if projector is not None else dict(stored)
    projected["context"] = context
    return projected


def _language_facts(model: Checklist) -> dict[str, Any]:
    """What the language rules scan: the free-text fields only (list positions kept for paths)."""
    return model.model_dump(mode="json", include=free_text_tree(), exclude_none=True)


def _isolate(
    ruleset: CompiledRuleset, rules: Sequence[AnyRule], data: str | bytes | dict[str, Any]
) -> tuple[list[float], set[str]]:
    """Slow path after the joined program failed: evaluate rule by rule, failures as unknown."""
    codes: list[float] = []
    failed: set[str] = set()
    for rule in rules:
        try:
            codes.append(ruleset.rule_expressions[rule.id].evaluate(data))
        except Exception:
            codes.append(UNKNOWN)
            failed.add(rule.id)
    return codes, failed


_MET, _UNKNOWN, _NOT_APPLICABLE, _MISSING = (
    Outcome.met,
    Outcome.unknown,
    Outcome.not_applicable,
    Outcome.missing,
)
_RECORDED, _NOT_RECORDED = Basis.recorded, Basis.not_recorded
_CRITICAL = Severity.critical
_SEVERITIES = tuple(Severity)
_POSITION = {outcome: i for i, outcome in enumerate(Outcome)}  # field order of OutcomeCounts


def build_decision(
    ruleset: CompiledRuleset,
    outcomes: Iterable[tuple[AnyRule, Outcome]],
    context: EvaluationContext,
    *,
    checklist_schema_version: int,
    failed: set[str] | frozenset[str] = frozenset(),
    details: Mapping[str, tuple[FindingDetail, ...]] | None = None,
    not_recorded: set[str] | frozenset[str] = frozenset(),
) -> Decision:
    """Score outcomes and order findings. Shared by every way of producing outcomes.

    ``not_recorded``: rules whose ``missing`` is for want of a record by the due moment (semantics 2).
    Such a step counts as missing in the score and as unrecorded in completeness; under semantics 2
    every missing finding names its basis. Blocking: at a blocking hook, any critical step missing
    (either basis) or unknown.

    This is the hot path of every evaluation: findings come ready-made from the rule set's table
    and counts are interned, so the Decision is the only model validated per call.
    """
    table = ruleset.findings
    semantics = ruleset.document.semantics
    tally = {severity: [0, 0, 0, 0] for severity in _SEVERITIES}
    findings: list[Finding] = []
    by_rule: dict[str, Outcome] = {}
    met_weight = known_weight = applicable = known = 0
    critical_open = False
    for rule, outcome in outcomes:
        severity = rule.severity
        by_rule[rule.id] = outcome
        tally[severity][_POSITION[outcome]] += 1
        if outcome is _NOT_APPLICABLE:
            continue
        applicable += 1
        if outcome is not _UNKNOWN:
            known += rule.id not in not_recorded
            weight = SEVERITY_WEIGHT[severity]
            known_weight += weight
            if outcome is _MET:
                met_weight += weight
                continue
        critical_open = critical_open or severity is _CRITICAL
        basis = None
        if semantics >= 2 and outcome is _MISSING:
            basis = _NOT_RECORDED if rule.id in not_recorded else _RECORDED
        extra = details.get(rule.id) if details else None
        if extra:
            findings.append(
                make_finding(rule, outcome, evaluation_error=rule.id in failed, details=extra, basis=basis)
            )
        else:
            findings.append(table.get(rule, outcome, rule.id in failed, basis))
    findings.sort(key=_finding_order)
    return Decision(
        ruleset=ruleset.identity,
        engine_version=ENGINE_VERSIONS[semantics],
        checklist_schema_version=checklist_schema_version,
        hook=context.hook,
        as_of=context.as_of,
        blocking=bool(critical_open and context.hook in ruleset.blocking_hooks),
        score=round(100 * met_weight / known_weight, 1) if known_weight else None,
        completeness=round(100 * known / applicable, 1) if applicable else None,
        counts={severity: _counts(*tally[severity]) for severity in _SEVERITIES},
        findings=tuple(findings),
        outcomes=by_rule,
    )


def _finding_order(finding: Finding) -> tuple[int, bool]:
    return SEVERITY_ORDER[finding.severity], finding.outcome is _UNKNOWN


@lru_cache(maxsize=4096)
def _counts(met: int, missing: int, unknown: int, not_applicable: int) -> OutcomeCounts:
    """Interned: counts are immutable and few distinct tuples occur."""
    return OutcomeCounts(met=met, missing=missing, unknown=unknown, not_applicable=not_applicable)
