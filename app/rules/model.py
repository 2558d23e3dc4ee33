"""The rule-set file format: what a rules administrator writes, validated on load.

A rule set is data (YAML), one file per version. Each rule names the stable step it checks, the
workflow moments (hooks) at which it applies, and three conditions in the ZEN expression language:

- ``applies_if``: the rule is relevant to this checklist (otherwise ``not_applicable``);
- ``missing_if``: the data says the step was *not* done;
- ``met_if``: the data says the step *was* done.

A condition counts only when it evaluates to exactly ``true``; anything else (``false``, ``null``
because a field is absent) does not. When neither ``missing_if`` nor ``met_if`` holds, the outcome
is ``unknown``: absent data is never done and never not-done. ``missing_if`` is checked first, so
a recorded omission is never hidden by a contradictory record of the step being done.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

RULE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(\.[a-z0-9-]+)?$"
SEMVER_PATTERN = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
RULESET_ID_PATTERN = r"^[a-z][a-z0-9-]{1,62}$"


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"


# Weights of the compliance score; a critical step counts as much as two high ones.
SEVERITY_WEIGHT: dict[Severity, int] = {
    Severity.critical: 8,
    Severity.high: 4,
    Severity.medium: 2,
    Severity.low: 1,
}
SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(Severity)}


class Status(StrEnum):
    draft = "draft"
    published = "published"
    retired = "retired"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, Field(min_length=1, max_length=2000)]
Expression = Annotated[str, Field(min_length=1, max_length=4000)]


class Reference(Strict):
    """Where the policy or law says so."""

    document: Text
    section: Text
    url: HttpUrl | None = None
    verified: bool = Field(
        description="False when the point rests on general knowledge or a paraphrase not yet "
        "checked against the primary text."
    )


class Rule(Strict):
    kind: Literal["condition"] = "condition"
    id: Annotated[str, Field(pattern=RULE_ID_PATTERN, max_length=80)]
    step: Annotated[str, Field(min_length=1, max_length=80)]
    title: Annotated[str, Field(min_length=1, max_length=140)]
    severity: Severity
    severity_reason: Text | None = Field(
        None, description="Why the severity differs from the step's suggestion, if it does."
    )
    hooks: Annotated[tuple[str, ...], Field(min_length=1)]
    applies_if: Expression
    met_if: Expression
    missing_if: Expression
    message: Annotated[str, Field(min_length=1, max_length=140)]
    detail: Text | None = None
    action: Text
    references: Annotated[tuple[Reference, ...], Field(min_length=1)]
    notes: Text | None = None
    never_unknown: Text | None = Field(
        None,
        description="Why this rule's data is always known when it applies (e.g. its applicability "
        "already requires the data); exempts it from `unknown` coverage in `safesteps rules test`.",
    )

    @property
    def verified(self) -> bool:
        return all(r.verified for r in self.references)


# Lifecycle metadata: what may change after publication without changing what a version *is*.
# The content hash covers every other field (rules, title, changelog, schema version), so closing a
# published version (``effective_to``) or retiring it leaves its recorded hash, and every decision
# that names that hash, valid. ``effective_from`` is pinned separately by the lock file.
LIFECYCLE_FIELDS: frozenset[str] = frozenset({"status", "effective_from", "effective_to"})


class RulesetDocument(Strict):
    id: Annotated[str, Field(pattern=RULESET_ID_PATTERN)]
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    title: Text
    status: Status
    effective_from: date
    effective_to: date | None = None
    changelog: Text
    checklist_schema_version: Annotated[int, Field(ge=1)] = 1
    rules: Annotated[tuple[Rule, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _dates_in_order(self) -> RulesetDocument:
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        return self
