"""Replay job records: create, read, claim through the database, and read results in pages.

Claiming is a conditional UPDATE (``status`` queued, or running with a stale heartbeat) whose row
count says who won, so any number of workers in any number of processes can poll the same table.
A job reclaimed after ``MAX_ATTEMPTS`` interruptions is marked failed rather than retried forever.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, cast

import orjson
from sqlalchemy import CursorResult, Engine, and_, func, or_, select, update
from sqlmodel import Session

from app.db import begin_write, session_scope
from app.errors import OutsideForce, ReplayJobNotFound
from app.models.base import utcnow
from app.models.replay import ReplayJob
from app.models.tables import JOBS, RESULTS
from app.rules.canonical import canonical_json
from app.rules.registry import RulesetRegistry
from app.schemas.replay import (
    JobStatus,
    ReplayCreate,
    ReplayJobPublic,
    ReplayMode,
    ReplayResultPublic,
    ReplayResultsPage,
    ReplaySelection,
    StoredResults,
)

MAX_ATTEMPTS = 3


def rowcount(result: Any) -> int:
    """Rows an UPDATE matched (``Session.execute`` is typed as returning a plain ``Result``)."""
    count: int = cast(CursorResult[Any], result).rowcount
    return count


def create_job(
    session: Session,
    registry: RulesetRegistry,
    request: ReplayCreate,
    requested_by: str,
    force: str | None = None,
) -> ReplayJob:
    """Queue a job. An impact target must exist now; its hash is pinned in the job.

    ``force``: the caller's binding; its selection is confined to that force."""
    if force is not None:
        if request.selection.force not in (None, force):
            raise OutsideForce(force, field="body.selection.force")
        request = request.model_copy(
            update={"selection": request.selection.model_copy(update={"force": force})}
        )
    target = None
    if request.mode is ReplayMode.impact and request.ruleset and request.ruleset.version:
        target = registry.get(request.ruleset.id, request.ruleset.version)
    job = ReplayJob(
        id=str(uuid.uuid4()),
        mode=request.mode.value,
        ruleset_id=target.document.id if target else None,
        ruleset_version=target.document.version if target else None,
        ruleset_hash=target.hash if target else None,
        selection=canonical_json(request.selection.model_dump(mode="json")).decode(),
        store_all=request.results is StoredResults.all,
        status=JobStatus.queued.value,
        requested_by=requested_by,
        created_at=utcnow(),
    )
    session.add(job)
    session.flush()
    return job


def get_job(session: Session, job_id: str, force: str | None = None) -> ReplayJob:
    """The job; for a force-bound caller only a job confined to its force (else "not found")."""
    job = session.get(ReplayJob, job_id)
    if job is None:
        raise ReplayJobNotFound(job_id)
    if force is not None and ReplaySelection.model_validate_json(job.selection).force != force:
        raise ReplayJobNotFound(job_id)
    return job


def public(job: ReplayJob) -> ReplayJobPublic:
    progress = None
    if job.total is not None:
        progress = 100.0 if job.total == 0 else round(100 * job.processed / job.total, 1)
    return ReplayJobPublic(
        id=job.id,
        mode=ReplayMode(job.mode),
        status=JobStatus(job.status),
        ruleset=f"{job.ruleset_id}@{job.ruleset_version}" if job.ruleset_id else None,
        ruleset_hash=job.ruleset_hash,
        selection=ReplaySelection.model_validate_json(job.selection),
        results=StoredResults.all if job.store_all else StoredResults.flagged,
        total=job.total,
        processed=job.processed,
        progress=progress,
        flagged=job.flagged,
        summary=orjson.loads(job.summary),
        error=job.error,
        attempts=job.attempts,
        requested_by=job.requested_by,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


def _claimable(now: datetime, stale_after: timedelta) -> Any:
    return or_(
        JOBS.c.status == JobStatus.queued.value,
        and_(JOBS.c.status == JobStatus.running.value, JOBS.c.heartbeat_at < now - stale_after),
    )


def claim(engine: Engine, worker: str, *, stale_after: timedelta, job_id: str | None = None) -> str | None:
    """Take the oldest claimable job (or ``job_id``) for ``worker``; None if there is none."""
    now = utcnow()
    with session_scope(engine) as session:
        begin_write(session)
        query = select(JOBS.c.id, JOBS.c.attempts).where(_claimable(now, stale_after))
        if job_id is not None:
            query = query.where(JOBS.c.id == job_id)
        candidate = session.execute(query.order_by(JOBS.c.created_at).limit(1)).first()
        if candidate is None:
            return None
        if candidate.attempts >= MAX_ATTEMPTS:
            session.execute(
                update(JOBS)
                .where(JOBS.c.id == candidate.id, _claimable(now, stale_after))
                .values(
                    status=JobStatus.failed.value,
                    finished_at=now,
                    error=f"interrupted {candidate.attempts} times; results stop at the cursor",
                )
            )
            return None
        won = rowcount(
            session.execute(
                update(JOBS)
                .where(JOBS.c.id == candidate.id, _claimable(now, stale_after))
                .values(
                    status=JobStatus.running.value,
                    worker=worker,
                    attempts=JOBS.c.attempts + 1,
                    started_at=func.coalesce(JOBS.c.started_at, now),
                    heartbeat_at=now,
                )
            )
        )
    return str(candidate.id) if won == 1 else None


def release(engine: Engine, job_id: str, worker: str) -> None:
    """Give a job back to the queue (a clean shutdown); it resumes from its cursor."""
    with session_scope(engine) as session:
        begin_write(session)
        session.execute(
            update(JOBS)
            .where(JOBS.c.id == job_id, JOBS.c.worker == worker, JOBS.c.status == JobStatus.running.value)
            .values(status=JobStatus.queued.value, worker=None, attempts=JOBS.c.attempts - 1)
        )


def fail(engine: Engine, job_id: str, worker: str, error: str) -> None:
    with session_scope(engine) as session:
        begin_write(session)
        session.execute(
            update(JOBS)
            .where(JOBS.c.id == job_id, JOBS.c.worker == worker)
            .values(status=JobStatus.failed.value, error=error[:2000], finished_at=utcnow())
        )


def _public_result(row: Any) -> ReplayResultPublic:
    return ReplayResultPublic(
        seq=row.seq,
        decision_id=row.decision_id,
        incident_ref=row.incident_ref,
        recorded_ruleset=row.recorded_ruleset,
        flagged=row.flagged,
        newly_blocking=row.newly_blocking,
        detail=orjson.loads(row.detail),
    )


def results_page(
    session: Session, job_id: str, *, after: int, limit: int, flagged_only: bool
) -> ReplayResultsPage:
    get_job(session, job_id)
    query = select(RESULTS).where(RESULTS.c.job_id == job_id, RESULTS.c.seq > after)
    if flagged_only:
        query = query.where(RESULTS.c.flagged.is_(True))
    rows = session.execute(query.order_by(RESULTS.c.seq).limit(limit + 1)).all()
    items = [_public_result(r) for r in rows[:limit]]
    return ReplayResultsPage(items=items, next_after=items[-1].seq if len(rows) > limit else None)


def iter_results(
    engine: Engine, job_id: str, *, flagged_only: bool = False, batch: int = 1000
) -> Iterator[Any]:
    """Every result row in ``seq`` order, a batch per short query: memory stays flat."""
    after = -1
    while True:
        with engine.connect() as conn:
            query = select(RESULTS).where(RESULTS.c.job_id == job_id, RESULTS.c.seq > after)
            if flagged_only:
                query = query.where(RESULTS.c.flagged.is_(True))
            rows = conn.execute(query.order_by(RESULTS.c.seq).limit(batch)).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].seq
