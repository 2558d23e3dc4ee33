"""Request and response bodies of replay jobs."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.rules.checklist_types import ForceCode, Ref
from app.schemas.evaluate import RulesetSelector, check_hook


class ReplayMode(StrEnum):
    as_recorded = "as_recorded"
    impact = "impact"


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"


class StoredResults(StrEnum):
    flagged = "flagged"
    all = "all"


class ReplaySelection(BaseModel):
    """Which stored decisions to replay; every filter is optional and they combine (AND)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    from_date: date | None = Field(None, description="Decisions recorded on or after this day (UTC).")
    to_date: date | None = Field(None, description="Decisions recorded on or before this day (UTC).")
    force: ForceCode | None = None
    incident_refs: Annotated[list[Ref], Field(min_length=1, max_length=1000)] | None = None
    hook: str | None = Field(None, description="Only decisions made at this workflow moment.")

    _hook = field_validator("hook")(check_hook)

    @model_validator(mode="after")
    def _dates_in_order(self) -> ReplaySelection:
        if self.from_date and self.to_date and self.to_date < self.from_date:
            raise ValueError("to_date is before from_date")
        return self


class ReplayCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "mode": "impact",
                    "ruleset": {"id": "concern-for-a-child", "version": "1.1.0"},
                    "selection": {"from_date": "2026-01-01", "to_date": "2026-03-31", "force": "EASTVALE"},
                },
                {"mode": "as_recorded", "selection": {}},
            ]
        },
    )

    mode: ReplayMode = Field(
        description="`as_recorded`: reproduce each decision with the version it was made with. "
        "`impact`: re-evaluate each incident's latest decision with `ruleset`."
    )
    ruleset: RulesetSelector | None = Field(
        None, description="Impact only: the version to compare with (an exact version)."
    )
    selection: ReplaySelection = Field(default_factory=ReplaySelection)
    results: StoredResults = Field(
        StoredResults.flagged,
        description="Which results to store as records: `flagged` (reproduction failures, or incidents "
        "whose findings change) or `all` (one record per decision, e.g. to list every reproduced hash). "
        "The summary always counts every decision.",
    )

    @model_validator(mode="after")
    def _ruleset_matches_mode(self) -> ReplayCreate:
        if self.mode is ReplayMode.impact and (self.ruleset is None or self.ruleset.version is None):
            raise ValueError("an impact replay needs ruleset.id and ruleset.version")
        if self.mode is ReplayMode.as_recorded and self.ruleset is not None:
            raise ValueError("an as-recorded replay uses each decision's own rule set: omit ruleset")
        return self


class ReplayJobPublic(BaseModel):
    id: str
    mode: ReplayMode
    status: JobStatus
    ruleset: str | None = Field(description="Impact: `id@version` replayed against.")
    ruleset_hash: str | None
    selection: ReplaySelection
    results: StoredResults
    total: int | None = Field(description="Decisions selected (known once the job has started).")
    processed: int
    progress: float | None = Field(description="Percentage done.")
    flagged: int = Field(description="Reproduction failures (as recorded) or changed incidents (impact).")
    summary: dict[str, Any] = Field(
        description="As recorded: decisions, reproduced, failed. Impact: decisions, changed, "
        "newly_blocking, no_longer_blocking, and change counts by step and by severity."
    )
    error: str | None
    attempts: int
    requested_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ReplayResultPublic(BaseModel):
    seq: int = Field(description="The decision record's position in the log.")
    decision_id: str
    incident_ref: str | None
    recorded_ruleset: str
    flagged: bool
    newly_blocking: bool
    detail: dict[str, Any]


class ReplayResultsPage(BaseModel):
    items: list[ReplayResultPublic]
    next_after: int | None = Field(description="Pass as `after` for the next page; null at the end.")
