"""Aggregates for auditors: the dashboard's figures, and the decisions behind any of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import AfterValidator

from app.auth.roles import Principal
from app.http.errors import check_order
from app.http.guards import AUTH_ERRORS, audited
from app.http.pagination import CursorQuery
from app.http.session import SessionDep, UnitOfWorkRoute
from app.rules import vocabulary
from app.schemas.aggregates import AggregateOverview, DecisionList
from app.schemas.errors import error_responses
from app.schemas.evaluate import HOOK_MESSAGE
from app.schemas.types import one_of
from app.services import aggregates
from app.services.aggregates import Period

router = APIRouter(prefix="/v1/audit", tags=["audit"], route_class=UnitOfWorkRoute, responses=AUTH_ERRORS)
Reader = Annotated[Principal, audited("decision:read", action="audit.aggregates")]
ForceCode = Annotated[str | None, Query(min_length=2, max_length=16, pattern=r"^[A-Z0-9_-]+$")]


# Steps and hooks of the one vocabulary every rule set is checked against; the aggregates also
# keep ``all``, the hook of decisions that evaluated every rule.
StepId = Annotated[
    str | None,
    Query(min_length=2, max_length=64, pattern=r"^[A-Z0-9.-]+$"),
    AfterValidator(
        one_of("unknown_step", "not a step id of the rule sets (GET /v1/hooks lists them)", vocabulary.steps)
    ),
]
_known_hook = one_of("unknown_hook", HOOK_MESSAGE, lambda: {*vocabulary.hooks(), aggregates.ALL_HOOKS})


@dataclass(frozen=True)
class ScopeQuery:
    force: ForceCode = None
    from_date: Annotated[date | None, Query(description="First UTC day counted (default: a year ago).")] = (
        None
    )
    to_date: Annotated[date | None, Query(description="Last UTC day counted (default: today).")] = None
    hook: Annotated[
        str | None,
        Query(max_length=64, pattern=r"^[a-z_.]+$", description="A hook, or `all` (every rule evaluated)."),
        AfterValidator(_known_hook),
    ] = None

    def scope(self, reader: Principal) -> aggregates.Scope:
        """Confined to the caller's force: another force is 403, none means the caller's own. Days
        the wrong way round (``to_date``, or today by default, before ``from_date``) are 422."""
        scope = aggregates.scope_for(
            reader.force, force=self.force, from_day=self.from_date, to_day=self.to_date, hook=self.hook
        )
        default = None if self.to_date else "today"
        check_order("from_date", scope.from_day, "to_date", scope.to_day, default=default)
        return scope


ScopeDep = Annotated[ScopeQuery, Depends()]


@router.get("/aggregates", response_model=AggregateOverview, responses=error_responses(403, 422))
def get_aggregates(
    reader: Reader,
    query: ScopeDep,
    session: SessionDep,
    period: Period = Period.month,
    step: Annotated[StepId, Query(description="Count `series` for this step only.")] = None,
) -> AggregateOverview:
    """Counts of findings by step, outcome (missing split by basis), severity, hook, force and period;
    blocking rate; share of closures with a critical step open; rule-set versions used."""
    return aggregates.overview(session, query.scope(reader), period, step=step)


@router.get("/aggregates/decisions", response_model=DecisionList, responses=error_responses(403, 422))
def list_aggregate_decisions(
    reader: Reader,
    query: ScopeDep,
    session: SessionDep,
    step: StepId = None,
    status: Annotated[
        Literal["missing", "not_recorded", "unknown"] | None,
        Query(description="With a finding of this status (met outcomes are counted, not listed)."),
    ] = None,
    severity: Literal["critical", "high", "medium", "low"] | None = None,
    blocking: bool | None = None,
    closed_critical: Annotated[
        bool, Query(description="Closures (`incident.close`) with a critical step open.")
    ] = False,
    history_changed: Annotated[
        bool | None,
        Query(
            description="Decisions made with history facts whose outcome they changed (true) or did "
            "not change (false): the same evaluation as if nobody had an earlier incident differs."
        ),
    ] = None,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> DecisionList:
    """The decisions behind a number of the aggregates, newest first."""
    filters = aggregates.DecisionFilter.parse(
        step=step,
        status=status,
        severity=severity,
        blocking=blocking,
        closed_critical=closed_critical,
        history_changed=history_changed,
    )
    return aggregates.decisions_behind(session, query.scope(reader), filters, cursor=cursor, limit=limit)
