"""What an evaluation returns: per-rule outcomes, findings, score and the identity of the rules used."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

from app.rules.canonical import canonical_json
from app.rules.model import AnyRule, Reference, Severity


class Outcome(StrEnum):
    met = "met"
    missing = "missing"
    unknown = "unknown"
    not_applicable = "not_applicable"


class Basis(StrEnum):
    """Why a step is ``missing`` (semantics-2 rule sets only)."""

    recorded = "recorded"  # the data says the step was not done
    not_recorded = "not_recorded"  # nothing was recorded by the moment the step was due


class Indicator(StrEnum):
    """How a client should display a finding (CDS Hooks card indicator)."""

    critical = "critical"
    warning = "warning"
    info = "info"


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class RulesetIdentity(Result):
    id: str
    version: str
    hash: str = Field(description="SHA-256 of the rule set's canonical form.")


class FindingDetail(Result):
    """Where in the checklist a finding points, e.g. a flagged phrase in a narrative field."""

    path: str = Field(description="Field path in the checklist, e.g. `children[1].account`.")
    text: str | None = Field(None, description="The matched text, where there is one.")
    suggestion: str | None = None


class Finding(Result):
    rule_id: str
    step_id: str
    severity: Severity
    outcome: Outcome = Field(description="`missing` (not done) or `unknown` (not recorded yet).")
    basis: Basis | None = Field(
        None,
        description="On `missing` findings of rule sets with due moments (semantics 2): `recorded` (the "
        "data says the step was not done) or `not_recorded` (nothing recorded by the moment it was "
        "due). Absent otherwise.",
        exclude_if=lambda basis: basis is None,  # semantics-1 results keep their canonical JSON
    )
    indicator: Indicator
    title: str
    message: str = Field(description="One-line summary, under 140 characters.")
    action: str = Field(description="What the officer should do now.")
    references: tuple[Reference, ...]
    verified: bool = Field(description="False when a citation is not yet checked against its source.")
    evaluation_error: bool = Field(
        False, description="The rule could not be evaluated on this input; treated as unknown."
    )
    details: tuple[FindingDetail, ...] = ()


class OutcomeCounts(Result):
    met: int = 0
    missing: int = 0
    unknown: int = 0
    not_applicable: int = 0


class Decision(Result):
    ruleset: RulesetIdentity
    engine_version: str
    checklist_schema_version: int
    hook: str | None = Field(description="The workflow moment evaluated; null means every rule.")
    as_of: datetime | None = Field(description="The time that timing rules were evaluated at.")
    blocking: bool = Field(description="At a blocking moment, a critical step is missing or unknown.")
    score: float | None = Field(
        description="Severity-weighted share (0-100) of applicable rules with a known outcome that "
        "are met (a step missing because nothing was recorded by its due moment counts as missing); "
        "null when no applicable rule has a known outcome."
    )
    completeness: float | None = Field(
        description="Share (0-100) of applicable rules whose data is recorded (a step missing because "
        "nothing was recorded by its due moment is not recorded); null when none apply."
    )
    counts: dict[Severity, OutcomeCounts] = Field(
        description="Outcomes per severity; `missing` counts both bases."
    )
    findings: tuple[Finding, ...] = Field(
        description="Missing and unknown steps, most severe first; missing before unknown."
    )
    outcomes: dict[str, Outcome] = Field(description="Every evaluated rule's outcome by rule id.")


INDICATOR: dict[Severity, Indicator] = {
    Severity.critical: Indicator.critical,
    Severity.high: Indicator.warning,
    Severity.medium: Indicator.warning,
    Severity.low: Indicator.info,
}


def message(rule: AnyRule, outcome: Outcome, basis: Basis | None) -> str:
    """The text that fits the outcome: a semantics-2 rule has one per outcome and basis."""
    if outcome is Outcome.unknown and rule.message_unknown is not None:
        return rule.message_unknown
    if basis is Basis.not_recorded and rule.message_not_recorded is not None:
        return rule.message_not_recorded
    return rule.message


def make_finding(
    rule: AnyRule,
    outcome: Outcome,
    *,
    evaluation_error: bool = False,
    details: tuple[FindingDetail, ...] = (),
    basis: Basis | None = None,
) -> Finding:
    """A validated finding for ``rule``; see ``FindingTable`` for the cached ones."""
    return Finding(
        rule_id=rule.id,
        step_id=rule.step,
        severity=rule.severity,
        outcome=outcome,
        basis=basis,
        indicator=INDICATOR[rule.severity],
        title=rule.title,
        message=message(rule, outcome, basis),
        action=rule.action,
        references=rule.references,
        verified=rule.verified,
        evaluation_error=evaluation_error,
        details=details,
    )


class FindingTable:
    """Every finding a rule set's rules can produce without details, built and validated once.

    A finding depends only on the rule, its outcome and whether evaluation failed, and findings are
    immutable, so evaluations share them instead of validating the same models again on every call
    (that was most of the cost of a decision). Keyed by rule *object*: the table belongs to a
    compiled rule set that keeps its rules alive, so a rule from anywhere else never matches and
    gets a freshly built finding.
    """

    __slots__ = ("_findings",)

    def __init__(self, rules: Iterable[AnyRule], *, with_basis: bool = False) -> None:
        """``with_basis``: a semantics-2 rule set, whose missing findings carry a basis."""
        kinds: tuple[tuple[Outcome, Basis | None], ...] = (
            (
                (Outcome.missing, Basis.recorded),
                (Outcome.missing, Basis.not_recorded),
                (Outcome.unknown, None),
            )
            if with_basis
            else ((Outcome.missing, None), (Outcome.unknown, None))
        )
        self._findings: dict[tuple[int, Outcome, bool, Basis | None], Finding] = {
            (id(rule), outcome, failed, basis): make_finding(
                rule, outcome, evaluation_error=failed, basis=basis
            )
            for rule in rules
            for outcome, basis in kinds
            for failed in (False, True)
        }
        for finding in self._findings.values():
            _remember_json(finding)

    def get(self, rule: AnyRule, outcome: Outcome, failed: bool, basis: Basis | None = None) -> Finding:
        found = self._findings.get((id(rule), outcome, failed, basis))
        if found is not None:
            return found
        return make_finding(rule, outcome, evaluation_error=failed, basis=basis)


# Serialised shared findings, by object: a finding's JSON never changes, and with tens of findings a
# decision spent most of its serialisation re-encoding the same texts, enums and URLs. Entries leave
# with their finding (weak reference), so rule sets that are dropped take their entries with them.
# Only the findings of a ``FindingTable`` are kept (a finding with details is made for one
# evaluation); their JSON values and canonical bytes too, once asked for (``finding_values``).
class _Serialised:
    __slots__ = ("finding", "json", "values")

    def __init__(self, finding: Finding) -> None:
        self.finding = weakref.ref(finding, lambda _, key=id(finding): _SHARED.pop(key, None))  # type: ignore[misc]
        self.json = finding.model_dump_json().encode()
        self.values: tuple[dict[str, Any], orjson.Fragment] | None = None


_SHARED: dict[int, _Serialised] = {}


def _remember_json(finding: Finding) -> None:
    _SHARED[id(finding)] = _Serialised(finding)


def _shared(finding: Finding) -> _Serialised | None:
    entry = _SHARED.get(id(finding))
    return entry if entry is not None and entry.finding() is finding else None


def _finding_json(finding: Finding) -> bytes:
    entry = _shared(finding)
    return entry.json if entry is not None else finding.model_dump_json().encode()


def finding_values(finding: Finding) -> tuple[dict[str, Any], orjson.Fragment]:
    """``finding.model_dump(mode="json")`` and its canonical JSON (``canonical_json``), worked out
    once for a shared finding. The dict is shared too: read it, never change it."""
    entry = _shared(finding)
    if entry is not None and entry.values is not None:
        return entry.values
    values = finding.model_dump(mode="json")
    pair = (values, orjson.Fragment(canonical_json(values)))
    if entry is not None:
        entry.values = pair
    return pair


def decision_json(decision: Decision) -> bytes:
    """``decision.model_dump_json()``, byte for byte, reusing the JSON of shared findings."""
    head = decision.model_dump_json(exclude=_BODY).encode()
    findings = b",".join(_finding_json(f) for f in decision.findings)
    return b"".join(
        (head[:-1], b',"findings":[', findings, b'],"outcomes":', orjson.dumps(decision.outcomes), b"}")
    )


_BODY = {"findings", "outcomes"}  # the last two fields of Decision, appended in this order
