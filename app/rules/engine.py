"""Evaluate a compiled rule set over a checklist: a pure function of (rule set, facts, context).

Nothing here reads the clock, the environment or the network; the caller passes ``as_of``. The same
inputs always give the same decision, which is what makes an audit replay exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from typing import Any

from app.rules import vocabulary
from app.rules.checklist import Checklist
from app.rules.compiler import MET, MISSING, NOT_APPLICABLE, UNKNOWN, CompiledRuleset
from app.rules.decision import Decision, Finding, FindingDetail, Indicator, Outcome, OutcomeCounts
from app.rules.errors import UnknownHook
from app.rules.language import language_outcomes
from app.rules.model import SEVERITY_ORDER, SEVERITY_WEIGHT, AnyRule, LanguageRule, Severity

# Bumped whenever evaluation semantics change, so replays can tell engines apart.
ENGINE_VERSION = f"safesteps-rules/1.0.0 zen-engine/{version('zen-engine')}"

_OUTCOMES = {
    NOT_APPLICABLE: Outcome.not_applicable,
    UNKNOWN: Outcome.unknown,
    MISSING: Outcome.missing,
    MET: Outcome.met,
}
_INDICATOR = {
    Severity.critical: Indicator.critical,
    Severity.high: Indicator.warning,
    Severity.medium: Indicator.warning,
    Severity.low: Indicator.info,
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


def evaluate(
    ruleset: CompiledRuleset,
    facts: Checklist | Mapping[str, Any],
    context: EvaluationContext,
    *,
    checklist_schema_version: int | None = None,
) -> Decision:
    """Evaluate every rule that applies at ``context.hook`` and build the decision."""
    if context.hook is not None and context.hook not in vocabulary.hooks():
        raise UnknownHook(context.hook)
    if isinstance(facts, Checklist):
        checklist_schema_version = facts.schema_version
        facts = checklist_facts(facts)
    data = {**facts, "context": context.facts()}
    program = ruleset.program(context.hook)
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
        scanned, details = language_outcomes(ruleset.language, language, facts)
        for i in program.language:
            rule = outcomes[i][0]
            if rule.id not in failed:
                outcomes[i] = (rule, scanned[rule.id])
    return build_decision(
        ruleset,
        outcomes,
        context,
        checklist_schema_version=checklist_schema_version or int(facts.get("schema_version", 1)),
        failed=failed,
        details=details,
    )


def _isolate(
    ruleset: CompiledRuleset, rules: Sequence[AnyRule], data: dict[str, Any]
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


def build_decision(
    ruleset: CompiledRuleset,
    outcomes: Iterable[tuple[AnyRule, Outcome]],
    context: EvaluationContext,
    *,
    checklist_schema_version: int,
    failed: set[str] | frozenset[str] = frozenset(),
    details: Mapping[str, tuple[FindingDetail, ...]] | None = None,
) -> Decision:
    """Score outcomes and order findings. Shared by every way of producing outcomes."""
    counts = {s: dict.fromkeys(Outcome, 0) for s in Severity}
    findings: list[Finding] = []
    by_rule: dict[str, Outcome] = {}
    met_weight = known_weight = applicable = known = 0
    critical_open = False
    for rule, outcome in outcomes:
        by_rule[rule.id] = outcome
        counts[rule.severity][outcome] += 1
        if outcome is Outcome.not_applicable:
            continue
        applicable += 1
        if outcome is not Outcome.unknown:
            known += 1
            known_weight += SEVERITY_WEIGHT[rule.severity]
            if outcome is Outcome.met:
                met_weight += SEVERITY_WEIGHT[rule.severity]
                continue
        critical_open = critical_open or rule.severity is Severity.critical
        findings.append(_finding(rule, outcome, rule.id in failed, (details or {}).get(rule.id, ())))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.outcome is Outcome.unknown))
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
        counts={s: OutcomeCounts(**{o.value: n for o, n in c.items()}) for s, c in counts.items()},
        findings=tuple(findings),
        outcomes=by_rule,
    )


def _finding(
    rule: AnyRule, outcome: Outcome, failed: bool, details: tuple[FindingDetail, ...] = ()
) -> Finding:
    return Finding(
        rule_id=rule.id,
        step_id=rule.step,
        severity=rule.severity,
        outcome=outcome,
        indicator=_INDICATOR[rule.severity],
        title=rule.title,
        message=rule.message,
        action=rule.action,
        references=rule.references,
        verified=rule.verified,
        evaluation_error=failed,
        details=details,
    )
