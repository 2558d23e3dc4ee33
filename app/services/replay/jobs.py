"""Replay job records: create and read them, split them into parts, claim parts through the database.

A job is split into parts (ranges of the decision log holding about ``part_size`` selected decisions
each, the last ones smaller) by the first worker that claims it, in the same transaction as that
claim. Claiming a part is a conditional UPDATE (``status`` queued, or running with a stale
heartbeat) whose row count says who won, so any number of workers in any number of processes, on one
machine or many against one PostgreSQL, can poll the same tables. A part reclaimed after
``MAX_ATTEMPTS`` interruptions fails its job rather than being retried forever; the job's other
parts are never redone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, cast

import orjson
from sqlalchemy import CursorResult, Engine, Select, and_, case, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.db import begin_write, session_scope
from app.errors import OutsideForce, ReplayJobNotFound
from app.models.base import utcnow
from app.models.replay import ReplayJob
from app.models.tables import INCIDENTS, JOBS, PARTS, RESULTS, REVISIONS
from app.models.tables import RECORDS as DECISIONS
from app.rules.canonical import canonical_json
from app.rules.registry import RulesetRegistry
from app.schemas.pagination import decode_cursor, next_cursor
from app.schemas.replay import (
    JobStatus,
    ReplayCreate,
    ReplayHistory,
    ReplayJobPublic,
    ReplayMode,
    ReplayResultPublic,
    ReplayResultsPage,
    ReplaySelection,
    StoredResults,
    detail_of,
)

MAX_ATTEMPTS = 3
PART_SIZE = 10_000  # decisions per part: a few seconds of one worker's time
_UNFINISHED = (JobStatus.queued.value, JobStatus.running.value)


class LostClaim(Exception):
    """Another worker took the part over (this one was presumed dead); stop without writing."""


def rowcount(result: Any) -> int:
    """Rows an UPDATE matched (``Session.execute`` is typed as returning a plain ``Result``)."""
    count: int = cast(CursorResult[Any], result).rowcount
    return count


@contextmanager
def write_scope(engine: Engine) -> Iterator[Session]:
    """One write transaction of a worker: committed at the end of the block, rolled back on error."""
    with session_scope(engine) as session:
        begin_write(session)
        yield session


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
        history=request.history.value,
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


def public(session: Session, job: ReplayJob) -> ReplayJobPublic:
    """The job as the API shows it. While it runs, its counts are the sums over its parts' last
    commits (workers write only their own part's row, so no row is shared by every batch)."""
    processed, flagged = job.processed, job.flagged
    if job.parts is not None and job.status in _UNFINISHED:
        sums = select(
            func.coalesce(func.sum(PARTS.c.processed), 0), func.coalesce(func.sum(PARTS.c.flagged), 0)
        )
        processed, flagged = session.execute(sums.where(PARTS.c.job_id == job.id)).one()
    progress = None
    if job.total is not None:
        progress = 100.0 if job.total == 0 else round(100 * processed / job.total, 1)
    return ReplayJobPublic(
        id=job.id,
        mode=ReplayMode(job.mode),
        status=JobStatus(job.status),
        ruleset=f"{job.ruleset_id}@{job.ruleset_version}" if job.ruleset_id else None,
        ruleset_hash=job.ruleset_hash,
        selection=ReplaySelection.model_validate_json(job.selection),
        results=StoredResults.all if job.store_all else StoredResults.flagged,
        history=ReplayHistory(job.history),
        total=job.total,
        processed=processed,
        progress=progress,
        flagged=flagged,
        parts=job.parts,
        parts_done=job.parts_done,
        summary=orjson.loads(job.summary),
        error=job.error,
        attempts=job.attempts,
        requested_by=job.requested_by,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


def selection_query(mode: ReplayMode, selection: ReplaySelection, *columns: Any) -> Select[Any]:
    """The selected decisions (``columns`` of them), without order or cursor. Impact takes each
    incident's latest decision."""
    query = select(*columns)
    # A decision's incident (an incident is a force's reference) is the one of the revision it was
    # made for, never found by reference: decisions are still read in seq order with index lookups.
    if mode is ReplayMode.impact or selection.force is not None:
        query = query.join(REVISIONS, REVISIONS.c.decision_id == DECISIONS.c.decision_id).join(
            INCIDENTS, INCIDENTS.c.id == REVISIONS.c.incident_id
        )
    if mode is ReplayMode.impact:
        # The latest decision of each incident: the one made for its current revision.
        query = query.where(INCIDENTS.c.revision == REVISIONS.c.number)
    if selection.force is not None:
        query = query.where(INCIDENTS.c.force == selection.force)
    if selection.from_date is not None:
        query = query.where(DECISIONS.c.recorded_at >= datetime.combine(selection.from_date, time(), UTC))
    if selection.to_date is not None and selection.to_date < date.max:  # the calendar's last day: no end
        end = datetime.combine(selection.to_date + timedelta(days=1), time(), UTC)
        query = query.where(DECISIONS.c.recorded_at < end)
    if selection.incident_refs is not None:
        query = query.where(DECISIONS.c.incident_ref.in_(selection.incident_refs))
    if selection.history_changed is not None:
        query = query.where(DECISIONS.c.history_changed == selection.history_changed)
    if selection.hook is not None:
        # Contexts are canonical JSON (sorted keys, no spaces), and hook ids are vocabulary words.
        query = query.where(DECISIONS.c.context.contains(f'"hook":"{selection.hook}"', autoescape=True))
    return query


def job_query(job: Any, *columns: Any) -> Select[Any]:
    return selection_query(ReplayMode(job.mode), ReplaySelection.model_validate_json(job.selection), *columns)


# The weights of a job's last parts, relative to the others (when it has more): whichever
# worker claims the last one, the others finish theirs at most a quarter of a part later, instead of
# idling for up to a whole part while one worker runs the job's tail.
_TAIL = (0.5, 0.25, 0.25)
# Part ends are chosen among every ``part_size // _GRAIN``-th selected decision (and the last).
_GRAIN = 16


def part_sizes(total: int, part_size: int) -> list[int]:
    """The sizes of a job's parts: as many parts as ``part_size`` gives (at least one), the last
    ones smaller (``_TAIL``), the others equal (larger than ``part_size`` by what the tail gives up)."""
    count = max(-(-total // part_size), 1)
    # Not for three parts or fewer (no more than the workers, often: equal parts are best then),
    # nor for parts too small to be cut.
    tail = _TAIL if count > len(_TAIL) and part_size * min(_TAIL) >= 1 else ()
    cumulative = list(accumulate([1.0] * (count - len(tail)) + [*tail]))
    ends = [round(total * c / cumulative[-1]) for c in cumulative]
    return [end - start for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def plan(session: Session, job: Any, part_size: int) -> tuple[int, list[tuple[int, int]]]:
    """How many decisions the job selects, and its parts as (seq_from, seq_to] ranges of about
    ``part_size`` selected decisions each (``part_sizes``: the last ones smaller; one empty part when
    it selects none). One pass over the selection (it reads every selected row): every
    ``part_size // _GRAIN``-th selected seq and the last, by window functions, each with its number
    and the count; the parts end at the ones nearest their sizes."""
    grain = max(part_size // _GRAIN, 1)
    selected = job_query(job, DECISIONS.c.seq).subquery()
    numbered = select(
        selected.c.seq,
        func.row_number().over(order_by=selected.c.seq).label("n"),
        func.count().over().label("total"),
    ).subquery()
    marks = session.execute(
        select(numbered.c.seq, numbered.c.n, numbered.c.total)
        .where(or_(numbered.c.n % grain == 0, numbered.c.n == numbered.c.total))
        .order_by(numbered.c.seq)
    ).all()
    if not marks:
        return 0, [(0, 0)]
    total = marks[-1].total
    seq_at = {mark.n: mark.seq for mark in marks}
    ends: list[int] = []
    reached = 0
    for size in part_sizes(total, part_size):
        reached += size
        n = total if reached == total else min(max(round(reached / grain), 1) * grain, total)
        if not ends or seq_at[n] > ends[-1]:
            ends.append(seq_at[n])
    return total, list(zip([0, *ends[:-1]], ends, strict=True))


def _claimable_part(now: datetime, stale_after: timedelta) -> Any:
    return or_(
        PARTS.c.status == JobStatus.queued.value,
        and_(PARTS.c.status == JobStatus.running.value, PARTS.c.heartbeat_at < now - stale_after),
    )


def claim(
    engine: Engine,
    worker: str,
    *,
    stale_after: timedelta,
    job_id: str | None = None,
    part_size: int = PART_SIZE,
) -> str | None:
    """Take a part for ``worker``: a queued or abandoned part of the oldest unfinished job (or of
    ``job_id``), else split the oldest queued job that has no parts yet and take its first part.
    Returns the job's id, or None if there was nothing to claim."""
    for _ in range(3):  # a part or job another worker won in between: look again
        now = utcnow()
        with write_scope(engine) as session:
            found = _claim_part(session, worker, now, stale_after, job_id)
            if found is None:
                found = _plan_next(session, worker, now, job_id, part_size)
        if found is None:
            return None
        if found:
            return found
    return None


def _claim_part(
    session: Session, worker: str, now: datetime, stale_after: timedelta, job_id: str | None
) -> str | None:
    """The job id if a part was won, "" if one was lost to another worker (or failed), None if none."""
    query = (
        select(PARTS.c.id, PARTS.c.job_id, PARTS.c.attempts)
        .join(JOBS, JOBS.c.id == PARTS.c.job_id)
        .where(JOBS.c.status.in_(_UNFINISHED), _claimable_part(now, stale_after))
    )
    if job_id is not None:
        query = query.where(PARTS.c.job_id == job_id)
    candidate = session.execute(query.order_by(JOBS.c.created_at, PARTS.c.part_no).limit(1)).first()
    if candidate is None:
        return None
    mine = and_(PARTS.c.id == candidate.id, _claimable_part(now, stale_after))
    if candidate.attempts >= MAX_ATTEMPTS:
        if rowcount(session.execute(update(PARTS).where(mine).values(status=JobStatus.failed.value))):
            error = f"a part was interrupted {candidate.attempts} times; results stop at its cursor"
            _fail_job(session, candidate.job_id, error, now)
        return ""
    attempts = candidate.attempts + 1
    won = rowcount(
        session.execute(
            update(PARTS)
            .where(mine)
            .values(status=JobStatus.running.value, worker=worker, attempts=attempts, heartbeat_at=now)
        )
    )
    if won != 1:
        return ""
    session.execute(
        update(JOBS)
        .where(JOBS.c.id == candidate.job_id)
        .values(
            status=JobStatus.running.value,
            worker=worker,
            attempts=case((JOBS.c.attempts < attempts, attempts), else_=JOBS.c.attempts),
            started_at=func.coalesce(JOBS.c.started_at, now),
            heartbeat_at=now,
        )
    )
    return str(candidate.job_id)


def _plan_next(
    session: Session, worker: str, now: datetime, job_id: str | None, part_size: int
) -> str | None:
    """Split the oldest queued job without parts and claim its first part, in this transaction (a
    worker that dies while planning leaves the job queued as it was). The job id; "" if another
    worker won it; None if there is no such job."""
    query = select(JOBS).where(JOBS.c.status == JobStatus.queued.value, JOBS.c.parts.is_(None))
    if job_id is not None:
        query = query.where(JOBS.c.id == job_id)
    job = session.execute(query.order_by(JOBS.c.created_at).limit(1)).first()
    if job is None:
        return None
    won = rowcount(
        session.execute(
            update(JOBS)
            .where(JOBS.c.id == job.id, JOBS.c.status == JobStatus.queued.value, JOBS.c.parts.is_(None))
            .values(status=JobStatus.running.value, worker=worker, started_at=now, heartbeat_at=now)
        )
    )
    if won != 1:
        return ""
    try:
        total, ranges = plan(session, job, part_size)
    except SQLAlchemyError:
        raise  # the database's (unreachable, say): rolled back, the job stays queued for the next poll
    except Exception as exc:
        # The job itself cannot be planned: it fails, rather than stay the oldest queued job that
        # every poll of every worker tries and fails again, holding up the jobs behind it.
        _fail_job(
            session, str(job.id), f"the job could not be split into parts: {type(exc).__name__}: {exc}", now
        )
        return ""
    session.execute(
        insert(PARTS),
        [
            {
                "job_id": job.id,
                "part_no": number,
                "seq_from": start,
                "seq_to": end,
                "cursor": start,
                # The first part is this worker's; the others wait for any worker.
                "status": JobStatus.running.value if number == 0 else JobStatus.queued.value,
                "worker": worker if number == 0 else None,
                "attempts": 1 if number == 0 else 0,
                "heartbeat_at": now if number == 0 else None,
                "processed": 0,
                "flagged": 0,
                "summary": "{}",
            }
            for number, (start, end) in enumerate(ranges)
        ],
    )
    session.execute(
        update(JOBS).where(JOBS.c.id == job.id).values(total=total, parts=len(ranges), attempts=1)
    )
    return str(job.id)


def held_by(worker: str, *where: Any) -> Any:
    """Parts (matching ``where``) that ``worker`` is running: the condition every write of a part
    carries, so a worker that has been presumed dead and replaced changes nothing."""
    return and_(*where, PARTS.c.worker == worker, PARTS.c.status == JobStatus.running.value)


def held_parts(engine: Engine, job_id: str, worker: str) -> list[Any]:
    """The parts of ``job_id`` that ``worker`` holds, in seq order."""
    with engine.connect() as conn:
        query = select(PARTS).where(held_by(worker, PARTS.c.job_id == job_id))
        return list(conn.execute(query.order_by(PARTS.c.part_no)))


def release(engine: Engine, job_id: str, worker: str) -> None:
    """Give the worker's parts back (a clean shutdown): they resume from their cursors. The job is
    queued again once no worker is running any of its parts."""
    with write_scope(engine) as session:
        session.execute(
            update(PARTS)
            .where(held_by(worker, PARTS.c.job_id == job_id))
            .values(status=JobStatus.queued.value, worker=None, attempts=PARTS.c.attempts - 1)
        )
        running = select(PARTS.c.id).where(
            PARTS.c.job_id == job_id, PARTS.c.status == JobStatus.running.value
        )
        session.execute(
            update(JOBS)
            .where(JOBS.c.id == job_id, JOBS.c.status == JobStatus.running.value, ~running.exists())
            .values(status=JobStatus.queued.value, worker=None)
        )


def fail(engine: Engine, job_id: str, worker: str, error: str) -> None:
    """The worker's part cannot be replayed (an unexpected error): the part and its job fail."""
    now = utcnow()
    with write_scope(engine) as session:
        held = rowcount(
            session.execute(
                update(PARTS)
                .where(held_by(worker, PARTS.c.job_id == job_id))
                .values(status=JobStatus.failed.value, finished_at=now)
            )
        )
        if held:
            _fail_job(session, job_id, error, now)


def _fail_job(session: Session, job_id: str, error: str, now: datetime) -> None:
    session.execute(
        update(JOBS)
        .where(JOBS.c.id == job_id, JOBS.c.status.in_(_UNFINISHED))
        .values(status=JobStatus.failed.value, error=error[:2000], finished_at=now, **part_totals(job_id))
    )


def part_totals(job_id: str) -> dict[str, Any]:
    """The job's counts as the sums of its parts' (scalar subqueries, for an UPDATE of the job)."""
    of_job = PARTS.c.job_id == job_id
    return {
        name: select(func.coalesce(func.sum(column), 0)).where(of_job).scalar_subquery()
        for name, column in (("processed", PARTS.c.processed), ("flagged", PARTS.c.flagged))
    }


def _public_result(row: Any) -> ReplayResultPublic:
    return ReplayResultPublic(
        seq=row.seq,
        decision_id=row.decision_id,
        incident_ref=row.incident_ref,
        recorded_ruleset=row.recorded_ruleset,
        flagged=row.flagged,
        newly_blocking=row.newly_blocking,
        detail=detail_of(row.detail),
    )


def results_page(
    session: Session, job_id: str, *, cursor: str | None, limit: int, flagged_only: bool
) -> ReplayResultsPage:
    """In decision-log order; a cursor belongs to its job (another job's is refused)."""
    get_job(session, job_id)
    kind = f"replay_results/{job_id}"
    query = select(RESULTS).where(RESULTS.c.job_id == job_id)
    if cursor is not None:
        (after,) = decode_cursor(cursor, kind, int)
        query = query.where(RESULTS.c.seq > after)
    if flagged_only:
        query = query.where(RESULTS.c.flagged.is_(True))
    rows = session.execute(query.order_by(RESULTS.c.seq).limit(limit + 1)).all()
    items = [_public_result(r) for r in rows[:limit]]
    return ReplayResultsPage(items=items, next_cursor=next_cursor(rows, limit, kind, lambda r: (r.seq,)))


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
