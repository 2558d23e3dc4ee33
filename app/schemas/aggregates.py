"""Response bodies of the auditors' aggregates (counts derived from the decision log)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from app.schemas.pagination import Page


class StatusCounts(BaseModel):
    """Rule outcomes, with ``missing`` split by basis: ``missing`` is recorded as not done,
    ``not_recorded`` had no record by the moment it was due (semantics-2 rule sets)."""

    met: int = 0
    missing: int = 0
    not_recorded: int = 0
    unknown: int = 0
    not_applicable: int = 0

    @property
    def open(self) -> int:
        return self.missing + self.not_recorded + self.unknown

    @property
    def applicable(self) -> int:
        return self.met + self.open


class StepCounts(StatusCounts):
    step_id: str
    title: str
    severity: str


class DecisionCounts(BaseModel):
    decisions: int = 0
    blocking: int = 0
    at_blocking_hooks: int = Field(0, description="Decisions made at a hook that can block.")
    closures: int = Field(0, description="Decisions at `incident.close`.")
    closures_critical_open: int = Field(0, description="... of which with a critical step open.")
    history_changed: int = Field(
        0, description="Decisions whose history facts (earlier incidents) changed the outcome."
    )

    @property
    def blocking_rate(self) -> float | None:
        return None if not self.at_blocking_hooks else 100 * self.blocking / self.at_blocking_hooks

    @property
    def closure_critical_rate(self) -> float | None:
        return None if not self.closures else 100 * self.closures_critical_open / self.closures


class PeriodPoint(StatusCounts):
    start: date
    decisions: int = 0
    blocking: int = 0
    at_blocking_hooks: int = 0


class RulesetSpan(BaseModel):
    ruleset: str = Field(description="`id@version`.")
    first_day: date
    last_day: date
    decisions: int


class Totals(DecisionCounts):
    blocking_rate_percent: float | None = None
    closure_critical_rate_percent: float | None = None


class AggregateOverview(BaseModel):
    force: str | None = Field(description="null: every force the caller may see.")
    from_date: date
    to_date: date
    period: str
    hook: str | None
    step: str | None = Field(description="When given, `series` counts this step only.")
    totals: Totals
    by_status: StatusCounts
    by_severity: dict[str, StatusCounts]
    by_hook: dict[str, Totals]
    by_force: dict[str, Totals]
    by_step: list[StepCounts] = Field(description="Most often open (missing, not recorded, unknown) first.")
    series: list[PeriodPoint]
    rulesets: list[RulesetSpan] = Field(description="Rule-set versions the decisions were made with.")


class DecisionListItem(BaseModel):
    seq: int
    decision_id: str
    incident_ref: str | None
    revision: int | None
    force: str
    recorded_at: datetime
    hook: str
    ruleset: str
    blocking: bool
    critical_open: bool
    history_changed: bool | None = Field(
        None, description="Made with history facts: whether they changed the outcome; null: without."
    )


class DecisionList(Page[DecisionListItem]):
    """The decisions behind a number of the aggregates, newest first."""
