"""Reading incidents: one incident with its history, and filtered, keyset-paginated listings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import and_, exists, or_, select
from sqlmodel import Session

from app.errors import AmbiguousIncident, IncidentNotFound
from app.models.tables import INCIDENTS, RECORDS, REVISIONS
from app.rules.decision import Decision
from app.schemas.incidents import (
    IncidentOutstanding,
    IncidentPage,
    IncidentPublic,
    IncidentSummary,
    LatestRevision,
    RevisionEntry,
    outstanding_steps,
)
from app.schemas.pagination import decode_cursor, next_cursor
from app.services.decisions import feedback_for_incident

CURSOR_KIND = "incidents"

SUMMARY_COLUMNS = (
    INCIDENTS.c.reference,
    INCIDENTS.c.force,
    INCIDENTS.c.incident_type,
    INCIDENTS.c.revision,
    INCIDENTS.c.latest_hook.label("hook"),
    INCIDENTS.c.latest_blocking.label("blocking"),
    INCIDENTS.c.created_at,
    INCIDENTS.c.updated_at,
)


def locate(
    session: Session,
    reference: str,
    *columns: Any,
    force: str | None,
    of_force: str | None = None,
    submitter: str | None = None,
) -> Any:
    """The incident ``reference`` of ``force`` (the caller's binding) or of ``of_force`` (the force
    the caller names), scoped to what the caller may see: for clients that only see their own
    submissions, incidents they submitted to. Anything else is "not found", exactly as if it did
    not exist; a reference several forces hold, with no force bound or named, is ambiguous."""
    query = select(*columns).where(INCIDENTS.c.reference == reference)
    for code in (force, of_force):
        if code is not None:
            query = query.where(INCIDENTS.c.force == code)
    if submitter is not None:
        query = query.where(
            exists()
            .where(REVISIONS.c.incident_id == INCIDENTS.c.id)
            .where(RECORDS.c.decision_id == REVISIONS.c.decision_id, RECORDS.c.requested_by == submitter)
        )
    rows = session.execute(query.limit(2)).all()
    if not rows:
        raise IncidentNotFound(reference)
    if len(rows) > 1:
        raise AmbiguousIncident()
    return rows[0]


def get_incident(
    session: Session,
    reference: str,
    *,
    force: str | None = None,
    of_force: str | None = None,
    submitter: str | None = None,
) -> IncidentPublic:
    incident = locate(
        session,
        reference,
        INCIDENTS.c.id,
        *SUMMARY_COLUMNS,
        force=force,
        of_force=of_force,
        submitter=submitter,
    )
    rows = session.execute(
        select(
            REVISIONS.c.number,
            REVISIONS.c.decision_id,
            REVISIONS.c.submitted_by,
            REVISIONS.c.device_time,
            REVISIONS.c.received_at,
            RECORDS.c.input,
            RECORDS.c.result,
        )
        .join(RECORDS, RECORDS.c.decision_id == REVISIONS.c.decision_id)
        .where(REVISIONS.c.incident_id == incident.id)
        .order_by(REVISIONS.c.number)
    ).all()
    history = []
    for row in rows:
        result = orjson.loads(row.result)
        history.append(
            RevisionEntry(
                revision=row.number,
                decision_id=row.decision_id,
                submitted_by=row.submitted_by,
                device_time=row.device_time,
                received_at=row.received_at,
                hook=result["hook"],
                blocking=result["blocking"],
                score=result["score"],
                completeness=result["completeness"],
            )
        )
    last = rows[-1]
    feedback = feedback_for_incident(session, incident.id)
    return IncidentPublic(
        **IncidentSummary.model_validate(incident, from_attributes=True).model_dump(),
        latest=LatestRevision(
            revision=last.number,
            decision_id=last.decision_id,
            checklist=orjson.loads(last.input),
            evaluation=Decision.model_validate_json(last.result),
        ),
        history=history,
        feedback=feedback,
        overrides=sum(1 for f in feedback if f.outcome == "overridden"),
    )


def list_incidents(
    session: Session,
    *,
    of_force: str | None = None,
    hook: str | None = None,
    blocking: bool | None = None,
    updated_from: datetime | None = None,
    updated_to: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
    force: str | None = None,
) -> IncidentPage:
    """Most recently updated first; ``updated_from`` inclusive, ``updated_to`` exclusive.

    ``force`` is the caller's binding, as in every service; the ``of_force`` filter applies within it."""
    query = select(*SUMMARY_COLUMNS)
    for code in (force, of_force):
        if code is not None:
            query = query.where(INCIDENTS.c.force == code)
    if hook is not None:
        query = query.where(INCIDENTS.c.latest_hook == hook)
    if blocking is not None:
        query = query.where(INCIDENTS.c.latest_blocking == blocking)
    if updated_from is not None:
        query = query.where(INCIDENTS.c.updated_at >= updated_from)
    if updated_to is not None:
        query = query.where(INCIDENTS.c.updated_at < updated_to)
    if cursor is not None:
        at, reference = decode_cursor(cursor, CURSOR_KIND, datetime, str)
        query = query.where(
            or_(
                INCIDENTS.c.updated_at < at,
                and_(INCIDENTS.c.updated_at == at, INCIDENTS.c.reference < reference),
            )
        )
    query = query.order_by(INCIDENTS.c.updated_at.desc(), INCIDENTS.c.reference.desc()).limit(limit + 1)
    rows = session.execute(query).all()
    items = [IncidentSummary.model_validate(row, from_attributes=True) for row in rows[:limit]]
    after = next_cursor(rows, limit, CURSOR_KIND, lambda row: (row.updated_at, row.reference))
    return IncidentPage(items=items, next_cursor=after)


def get_outstanding(
    session: Session,
    reference: str,
    *,
    force: str | None = None,
    of_force: str | None = None,
    submitter: str | None = None,
) -> IncidentOutstanding:
    """The latest evaluation's outstanding steps: what an MDT needs, without the checklist."""
    row = locate(
        session,
        reference,
        INCIDENTS.c.revision,
        INCIDENTS.c.latest_decision_id,
        force=force,
        of_force=of_force,
        submitter=submitter,
    )
    result = session.execute(
        select(RECORDS.c.result).where(RECORDS.c.decision_id == row.latest_decision_id)
    ).scalar_one()
    decision = Decision.model_validate_json(result)
    return IncidentOutstanding(
        incident_ref=reference,
        revision=row.revision,
        decision_id=row.latest_decision_id,
        hook=decision.hook,
        blocking=decision.blocking,
        score=decision.score,
        completeness=decision.completeness,
        outstanding=outstanding_steps(decision),
    )
