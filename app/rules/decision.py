"""What an evaluation returns: per-rule outcomes, findings, score and the identity of the rules used."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.rules.model import Reference, Severity


class Outcome(StrEnum):
    met = "met"
    missing = "missing"
    unknown = "unknown"
    not_applicable = "not_applicable"


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
    outcome: Outcome = Field(description="`missing` (recorded as not done) or `unknown` (not recorded).")
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
        "are met; null when no applicable rule has a known outcome."
    )
    completeness: float | None = Field(
        description="Share (0-100) of applicable rules whose data is recorded; null when none apply."
    )
    counts: dict[Severity, OutcomeCounts]
    findings: tuple[Finding, ...] = Field(
        description="Missing and unknown steps, most severe first; missing before unknown."
    )
    outcomes: dict[str, Outcome] = Field(description="Every evaluated rule's outcome by rule id.")
