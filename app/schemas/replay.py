"""Request and response bodies of replay jobs."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.rules.checklist_types import ForceCode, Ref
from app.schemas.evaluate import RulesetSelector, check_hook
from app.schemas.pagination import Page


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


class ReplayHistory(StrEnum):
    """Which history facts an impact replay evaluates with (rule sets that read history)."""

    stored = "stored"
    recomputed = "recomputed"


class ReplaySelection(BaseModel):
    """Which stored decisions to replay; every filter is optional and they combine (AND)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    from_date: date | None = Field(None, description="Decisions recorded on or after this day (UTC).")
    to_date: date | None = Field(None, description="Decisions recorded on or before this day (UTC).")
    force: ForceCode | None = None
    incident_refs: Annotated[list[Ref], Field(min_length=1, max_length=1000)] | None = None
    hook: str | None = Field(None, description="Only decisions made at this workflow moment.")
    history_changed: bool | None = Field(
        None,
        description="Only decisions made with history facts whose outcome they changed (true) or did "
        "not change (false); decisions made without history facts are neither.",
    )

    _hook = field_validator("hook")(check_hook)

    @model_validator(mode="after")
    def _dates_in_order(self) -> ReplaySelection:
        if self.from_date and self.to_date and self.to_date < self.from_date:
            ctx = {"first": "from_date", "last": "to_date"}  # as ``check_order`` says it of a query
            raise PydanticCustomError("range_reversed", "to_date is before from_date", ctx)
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
        "whose findings change, and the decisions not re-made: erased by retention, or unreadable) or "
        "`all` (one record per decision, e.g. to list every reproduced hash). The summary always "
        "counts every decision.",
    )
    history: ReplayHistory = Field(
        ReplayHistory.stored,
        description="Impact only, for a target rule set that reads history: `stored` (the history facts "
        "each decision was made with; none for a decision whose rule set read none) or `recomputed` "
        "(counted again from the person history as it is now, at each decision's `as_of`). An "
        "as-recorded replay always uses the stored facts.",
    )

    @model_validator(mode="after")
    def _ruleset_matches_mode(self) -> ReplayCreate:
        if self.mode is ReplayMode.impact and (self.ruleset is None or self.ruleset.version is None):
            raise ValueError("an impact replay needs ruleset.id and ruleset.version")
        if self.mode is ReplayMode.as_recorded and self.ruleset is not None:
            raise ValueError("an as-recorded replay uses each decision's own rule set: omit ruleset")
        if self.mode is ReplayMode.as_recorded and self.history is ReplayHistory.recomputed:
            raise ValueError("an as-recorded replay uses the history each decision was made with")
        return self


class ReplayJobPublic(BaseModel):
    id: str
    mode: ReplayMode
    status: JobStatus
    ruleset: str | None = Field(description="Impact: `id@version` replayed against.")
    ruleset_hash: str | None
    selection: ReplaySelection
    results: StoredResults
    history: ReplayHistory = Field(description="The history facts evaluated with: stored or recomputed.")
    total: int | None = Field(description="Decisions selected (known once the job has started).")
    processed: int
    progress: float | None = Field(description="Percentage done.")
    flagged: int = Field(description="Reproduction failures (as recorded) or changed incidents (impact).")
    parts: int | None = Field(
        description="Ranges of the decision log the job is split into, each claimed by any worker "
        "(known once the job has started)."
    )
    parts_done: int = Field(description="Parts finished; the summary is merged when the last one is.")
    summary: dict[str, Any] = Field(
        description="As recorded: decisions, reproduced, failed, erased. Impact: decisions, changed, "
        "newly_blocking, no_longer_blocking, erased, errors, and change counts by step and by "
        "severity. `erased`: decisions whose personal content retention erased, so they are not "
        "re-made (as recorded: not reproducible, not failures; impact: not compared). `errors` "
        "(impact): decisions that could not be re-evaluated or whose stored result could not be "
        "read, each reported as an `error` result and not compared."
    )
    error: str | None
    attempts: int
    requested_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class _Detail(BaseModel):
    model_config = ConfigDict(frozen=True)


class ReproducedDetail(_Detail):
    """As recorded, reproduced (stored only when every result is kept)."""

    kind: Literal["reproduced"] = "reproduced"
    stored_hash: str = Field(description="SHA-256 of the stored result's canonical JSON.")
    replayed_hash: str = Field(description="The same of the replayed result: equal.")


class NotReproducedDetail(_Detail):
    """As recorded, the replayed result differs from the stored one."""

    kind: Literal["not_reproduced"] = "not_reproduced"
    stored_hash: str
    replayed_hash: str
    differing_fields: list[str] = Field(description="Top-level result fields that differ.")
    stored_result: dict[str, Any]
    replayed_result: dict[str, Any]


class ReplayErrorDetail(_Detail):
    """The decision could not be re-made (its rule set is gone or changed, input the engine cannot
    read) or its stored result cannot be read: as recorded a failure; in an impact replay, not
    compared."""

    kind: Literal["error"] = "error"
    error: str
    stored_result: dict[str, Any] | None = Field(
        description="The stored result; null when it is not a JSON object (altered behind the log's back)."
    )


class ErasedDetail(_Detail):
    """Retention erased personal content of the decision's input, so it is not re-made: as recorded,
    not reproducible and not a failure; in an impact replay, not compared."""

    kind: Literal["erased"] = "erased"
    erased: list[str] = Field(description="JSON pointers of the erased fields.")
    reproducible: Literal[False] = False


ChangeKindName = Literal["appeared", "disappeared", "severity_changed", "outcome_changed"]


class FindingChangeDetail(_Detail):
    rule_id: str
    step_id: str
    kind: ChangeKindName
    severity_before: str | None
    severity_after: str | None
    outcome_before: str | None
    outcome_after: str | None
    basis_before: str | None = Field(None, description="Semantics 2: `recorded` or `not_recorded` (missing).")
    basis_after: str | None = None


class ImpactDetail(_Detail):
    """Impact: how the incident's findings change under the target version."""

    kind: Literal["impact"] = "impact"
    blocking_before: bool
    blocking_after: bool
    score_before: float | None
    score_after: float | None
    changes: list[FindingChangeDetail]


def _detail_kind(value: Any) -> str | None:
    """The tag: ``kind``, or for results stored before it was written, the keys that tell them apart."""
    if isinstance(value, BaseModel):
        return str(getattr(value, "kind", ""))
    if not isinstance(value, dict):
        return None
    if "kind" in value:
        return str(value["kind"])
    for key, kind in (
        ("erased", "erased"),
        ("error", "error"),
        ("changes", "impact"),
        ("differing_fields", "not_reproduced"),
        ("stored_hash", "reproduced"),
    ):
        if key in value:
            return kind
    return None


ReplayDetail = Annotated[
    Annotated[ReproducedDetail, Tag("reproduced")]
    | Annotated[NotReproducedDetail, Tag("not_reproduced")]
    | Annotated[ReplayErrorDetail, Tag("error")]
    | Annotated[ErasedDetail, Tag("erased")]
    | Annotated[ImpactDetail, Tag("impact")],
    Discriminator(_detail_kind),
]
"""What a replay result records about one decision: one typed shape per outcome, written by the
runner, returned by the results endpoint and read by the exports."""

_DETAIL: TypeAdapter[ReplayDetail] = TypeAdapter(ReplayDetail)


def detail_of(stored: str | bytes) -> ReplayDetail:
    """A stored result's detail (its JSON text) as its typed shape."""
    return _DETAIL.validate_json(stored)


def detail_json(detail: ReplayDetail) -> str:
    """The JSON text a result stores."""
    return detail.model_dump_json()


class ReplayResultPublic(BaseModel):
    seq: int = Field(description="The decision record's position in the log.")
    decision_id: str
    incident_ref: str | None
    recorded_ruleset: str
    flagged: bool = Field(
        description="Worth an auditor's look: a reproduction failure, a changed incident, or a decision "
        "not re-made (its `detail.kind`: `erased` or `error`)."
    )
    newly_blocking: bool
    detail: ReplayDetail


class ReplayResultsPage(Page[ReplayResultPublic]):
    """A replay job's results in decision-log order."""
