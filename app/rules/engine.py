"""Evaluate a compiled rule set over a checklist: a pure function of (rule set, facts, context).

Nothing here reads the clock, the environment or the network; the caller passes ``as_of``. The same
inputs always give the same decision, which is what makes an audit replay exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib.metadata import version
from typing import Any

import orjson

from app.rules import vocabulary
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import MET, MISSING, NOT_APPLICABLE, UNKNOWN, CompiledRuleset
from app.rules.decision import Decision, Finding, FindingDetail, Outcome, OutcomeCounts, make_finding
from app.rules.errors import UnknownHook
from app.rules.language import language_outcomes
from app.rules.model import SEVERITY_ORDER, SEVERITY_WEIGHT, AnyRule, LanguageRule, Severity
from app.rules.projection import Include, free_text_tree, project
from app.rules.registry import RulesetRegistry

# Bumped whenever evaluation semantics change, so replays can tell engines apart.
ENGINE_VERSION = f"safesteps-rules/1.0.0 zen-engine/{version('zen-engine')}"

_OUTCOMES = {
    NOT_APPLICABLE: Outcome.not_applicable,
    UNKNOWN: Outcome.unknown,
    MISSING: Outcome.missing,
    MET: Outcome.met,
}


@dataclass(frozen=True, slots=True)
class EvaluationContext:
    hook: str | None = None
    as_of: datetime | None = None

    def facts(self) -> dict[str, Any]:
        return {"hook": self.hook, "as_of": self.as_of.isoformat() if self.as_of else None}


def checklist_facts(checklist: Checklist) -> dict[str, Any]:
    """The checklist as JSON-shaped data: the form both the engine and decision records use."""
    return checklist.model_dump(mode="json")


@dataclass(frozen=True, slots=True)
class Facts:
    """The engine's one input form: a checklist as JSON text, with its schema version.

    Two ways in: ``Facts.of`` a validated checklist (the live paths; the engine dumps only the
    fields its program reads, straight from the model) and ``Facts.stored`` for the input JSON a
    decision record holds (replay; parsed once, here). Both give the same decision for the same
    checklist (``tests/rules/test_engine_input.py``, ``tests/rules/test_golden.py``).
    """

    schema_version: int
    _model: Checklist | None = field(default=None, repr=False)
    _data: Mapping[str, Any] | None = field(default=None, repr=False)
    _text: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, checklist: Checklist) -> Facts:
        return cls(checklist.schema_version, _model=checklist)

    @classmethod
    def stored(cls, input_json: str | bytes, schema_version: int) -> Facts:
        """A decision record's stored input; raises ``ValueError`` unless it is a JSON object."""
        text = input_json.encode() if isinstance(input_json, str) else input_json
        data = orjson.loads(text)
        if not isinstance(data, dict):
            raise ValueError("stored facts must be a JSON object")
        return cls(schema_version, _data=data, _text=text)

    @property
    def latest_time(self) -> datetime | None:
        """The default ``as_of``: the latest time in the checklist (None for stored facts: replay
        always pins ``as_of``). Computed on use: it walks the whole checklist."""
        return self._model.latest_time() if self._model is not None else None

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


def resolve(registry: RulesetRegistry, ref: RulesetRef, as_of: datetime | None) -> CompiledRuleset:
    """An explicit version, or the version in force at ``as_of``."""
    if ref.version is not None:
        return registry.get(ref.id, ref.version)
    return registry.in_force(ref.id, as_of)


def decide(
    registry: RulesetRegistry,
    facts: Facts,
    hook: str | None,
    *,
    as_of: datetime | None = None,
    ruleset: RulesetRef = DEFAULT_RULESET_REF,
) -> Decision:
    """The one way into the engine: resolve the version, pin ``as_of`` (default: the latest time in
    the facts), and evaluate. Stateless evaluation, submissions, the demo seeder and replay call it."""
    if as_of is None:
        as_of = facts.latest_time
    return evaluate(resolve(registry, ruleset, as_of), facts, EvaluationContext(hook=hook, as_of=as_of))


def evaluate(ruleset: CompiledRuleset, facts: Facts, context: EvaluationContext) -> Decision:
    """Evaluate every rule that applies at ``context.hook`` and build the decision (the lower
    level under ``decide``, for a rule set already in hand)."""
    if context.hook is not None and context.hook not in vocabulary.hooks():
        raise UnknownHook(context.hook)
    program = ruleset.program(context.hook)
    data = _engine_input(facts, context, program.include)
    failed: set[str] = set()
    if program.expression is None:
        codes: Sequence[float] = ()
    else:
        try:
            codes = program.expression.evaluate(data)
        except Exception:
            codes, failed = _isolate(ruleset, program.rules, data)
    outcomes = [(rule, _OUTCOMES[int(code)]) for rule, code in zip(program.rules, codes, strict=True)]
    details: dict[str, tuple[FindingDetail, ...]] = {}
    if program.language and ruleset.language is not None:
        language = [
            (rule, outcome is Outcome.unknown and rule.id not in failed)
            for i in program.language
            for rule, outcome in (outcomes[i],)
            if isinstance(rule, LanguageRule)
        ]
        mapping = facts._data if facts._model is None else _language_facts(facts._model)
        scanned, details = language_outcomes(ruleset.language, language, mapping or {})
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
    )


def _engine_input(facts: Facts, context: EvaluationContext, include: Include | None) -> str | dict[str, Any]:
    """What ZEN evaluates: the facts plus ``context``.

    Only the fields the program can read (``projection``), without nulls (ZEN reads an absent field
    exactly as ``null``): converting the whole checklist was the largest fixed cost of an
    evaluation. From a model, as compact JSON text (dumped in Rust); from stored facts, as a dict.
    ``tests/rules/test_engine_input.py`` holds both to the decisions of the unprojected input.
    """
    if facts._model is not None:
        body = facts._model.model_dump_json(exclude_none=True, include=include)[1:-1]
        return f'{{{body}{"," if body else ""}"context":{json.dumps(context.facts())}}}'
    stored = facts._data or {}
    projected = project(stored, include) if include is not None else dict(stored)
    projected["context"] = context.facts()
    return projected


def _language_facts(model: Checklist) -> dict[str, Any]:
    """What the language rules scan: the free-text fields only (list positions kept for paths)."""
    return model.model_dump(mode="json", include=free_text_tree(), exclude_none=True)


def _isolate(
    ruleset: CompiledRuleset, rules: Sequence[AnyRule], data: str | dict[str, Any]
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


_MET, _UNKNOWN, _NOT_APPLICABLE = Outcome.met, Outcome.unknown, Outcome.not_applicable
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
) -> Decision:
    """Score outcomes and order findings. Shared by every way of producing outcomes.

    This is the hot path of every evaluation: findings come ready-made from the rule set's table
    and counts are interned, so the Decision is the only model validated per call.
    """
    table = ruleset.findings
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
            known += 1
            weight = SEVERITY_WEIGHT[severity]
            known_weight += weight
            if outcome is _MET:
                met_weight += weight
                continue
        critical_open = critical_open or severity is _CRITICAL
        extra = details.get(rule.id) if details else None
        if extra:
            findings.append(make_finding(rule, outcome, evaluation_error=rule.id in failed, details=extra))
        else:
            findings.append(table.get(rule, outcome, rule.id in failed))
    findings.sort(key=_finding_order)
    hook = vocabulary.hooks().get(context.hook) if context.hook else None
    return Decision(
        ruleset=ruleset.identity,
        engine_version=ENGINE_VERSION,
        checklist_schema_version=checklist_schema_version,
        hook=context.hook,
        as_of=context.as_of,
        blocking=bool(hook and hook.blocking and critical_open),
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
