"""Run replay parts: stream a part's decisions, re-evaluate, compare, store results.

A worker runs the parts it holds of a job, then claims the job's next free part, until none is
left. A part's decisions are read in ``seq`` order a batch at a time (keyset pagination: one short
query per batch, so memory stays flat and no read transaction stays open while results are
written); the next batch is read and the previous one written while the current one is evaluated.
Each batch's results are inserted in one statement and committed together with the part's cursor,
counts and running summary and the job's counts, in one write transaction that also proves the
worker still holds the part. An interrupted part therefore resumes from its last commit with
nothing duplicated or lost, and the job's other parts are not redone. The worker that finishes the
last part merges the parts' summaries into the job's, under the job's row lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from time import monotonic as time_monotonic
from typing import Any

import orjson
from sqlalchemy import Engine, insert, select, update

from app.models.base import utcnow
from app.models.tables import JOBS, PARTS, RESULTS
from app.models.tables import RECORDS as DECISIONS
from app.rules.compiler import CompiledRuleset
from app.rules.errors import RulesError
from app.rules.history import HistoryFacts
from app.rules.registry import RulesetRegistry
from app.rules.replay import ImpactTotals, Reproduction, impact, reevaluate
from app.schemas.replay import (
    ErasedDetail,
    FindingChangeDetail,
    ImpactDetail,
    JobStatus,
    NotReproducedDetail,
    ReplayDetail,
    ReplayErrorDetail,
    ReplayMode,
    ReproducedDetail,
    detail_json,
)
from app.services import history
from app.services.replay.encoder import ResultEncoder
from app.services.replay.jobs import (
    PART_SIZE,
    LostClaim,
    claim,
    held_by,
    held_parts,
    job_query,
    part_totals,
    rowcount,
    write_scope,
)

log = logging.getLogger("safesteps.replay")

COLUMNS = (
    DECISIONS.c.seq,
    DECISIONS.c.decision_id,
    DECISIONS.c.incident_ref,
    DECISIONS.c.ruleset_id,
    DECISIONS.c.ruleset_version,
    DECISIONS.c.ruleset_hash,
    DECISIONS.c.checklist_schema_version,
    DECISIONS.c.input,
    DECISIONS.c.context,
    DECISIONS.c.result,
    DECISIONS.c.erased,
)
Progress = Callable[[int, int], None]

__all__ = ["LostClaim", "merge_summaries", "run_job"]


@dataclass
class _Tally:
    mode: ReplayMode
    processed: int = 0
    flagged: int = 0
    erased: int = 0
    impact: ImpactTotals = field(default_factory=ImpactTotals)

    @classmethod
    def of(cls, mode: ReplayMode, summary: Mapping[str, Any]) -> _Tally:
        if mode is ReplayMode.impact:
            totals = ImpactTotals.from_json(summary)
            return cls(mode, totals.decisions, totals.changed, impact=totals)
        return cls(mode, summary.get("decisions", 0), summary.get("failed", 0), summary.get("erased", 0))

    def summary(self) -> dict[str, Any]:
        if self.mode is ReplayMode.impact:
            return self.impact.to_json()
        return {
            "decisions": self.processed,
            "reproduced": self.processed - self.flagged - self.erased,
            "failed": self.flagged,
            "erased": self.erased,
        }


def merge_summaries(mode: ReplayMode, summaries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One summary for the whole job from its parts' (the counts add up; nested counts too)."""
    merged: dict[str, Any] = {}
    for summary in summaries:
        _add(merged, summary)
    if mode is ReplayMode.impact:
        return ImpactTotals.from_json(merged).to_json()  # its key order
    return _Tally.of(mode, merged).summary()


def _add(into: dict[str, Any], counts: Mapping[str, Any]) -> None:
    for key, value in counts.items():
        if isinstance(value, Mapping):
            _add(into.setdefault(key, {}), value)
        else:
            into[key] = into.get(key, 0) + value


class _Replayer:
    def __init__(
        self,
        registry: RulesetRegistry,
        mode: ReplayMode,
        target: CompiledRuleset | None,
        history_of: Callable[[Any], HistoryFacts] | None = None,
    ) -> None:
        self.registry, self.mode, self.target = registry, mode, target
        # Impact with recomputed history: the facts counted again for a record (else its stored ones).
        self.history_of = history_of
        self._rulesets: dict[tuple[str, str], CompiledRuleset | str] = {}
        self._encoder = ResultEncoder()

    def recorded_ruleset(self, row: Any) -> CompiledRuleset | str:
        """The exact version a decision names, or why it cannot be had."""
        key = (row.ruleset_id, row.ruleset_version)
        if key not in self._rulesets:
            try:
                found: CompiledRuleset | str = self.registry.get(*key)
            except RulesError as exc:
                found = str(exc)
            self._rulesets[key] = found
        found = self._rulesets[key]
        if isinstance(found, str) or found.hash == row.ruleset_hash:
            return found
        return f"rule set {found.key} now hashes {found.hash}, the decision names {row.ruleset_hash}"

    def as_recorded(self, row: Any, keep: bool) -> tuple[bool, ReplayDetail | None]:
        """Reproduce one decision; ``keep``: its result will be stored even if it reproduces."""
        erased = orjson.loads(row.erased) if row.erased else None
        if erased:
            # Retention removed personal content the rules read (free text, dates of birth), so the
            # decision cannot be re-made; its integrity is still proven by the hash chain (verify).
            return False, ErasedDetail(erased=erased)
        ruleset = self.recorded_ruleset(row)
        if isinstance(ruleset, str):
            return True, ReplayErrorDetail(error=ruleset, stored_result=orjson.loads(row.result))
        stored = row.result.encode()
        try:
            decision = reevaluate(
                self.registry, ruleset, row.input, orjson.loads(row.context), row.checklist_schema_version
            )
        except (RulesError, ValueError, KeyError, TypeError) as exc:
            error = f"{type(exc).__name__}: {exc}"
            return True, ReplayErrorDetail(error=error, stored_result=orjson.loads(stored))
        replayed = self._encoder.encode(decision)
        outcome = Reproduction(replayed == stored, stored, replayed)
        if outcome.reproduced:
            return False, (
                ReproducedDetail(stored_hash=outcome.stored_hash, replayed_hash=outcome.replayed_hash)
                if keep
                else None
            )
        return True, NotReproducedDetail(
            stored_hash=outcome.stored_hash,
            replayed_hash=outcome.replayed_hash,
            differing_fields=outcome.differing_fields(),
            stored_result=orjson.loads(stored),
            replayed_result=orjson.loads(outcome.replayed),
        )

    def impact(self, row: Any, totals: ImpactTotals, keep: bool) -> tuple[bool, bool, ImpactDetail | None]:
        """Re-evaluate with the target; ``keep``: the detail is wanted even if nothing changed."""
        assert self.target is not None
        decision = reevaluate(
            self.registry,
            self.target,
            row.input,
            orjson.loads(row.context),
            row.checklist_schema_version,
            history=self.history_of(row) if self.history_of is not None else None,
        )
        result = impact(orjson.loads(row.result), decision)
        totals.add(result)
        if not (keep or result.changed):
            return False, False, None
        detail = ImpactDetail(
            blocking_before=result.blocking_before,
            blocking_after=result.blocking_after,
            score_before=result.score_before,
            score_after=result.score_after,
            changes=[FindingChangeDetail.model_validate(c.to_json()) for c in result.changes],
        )
        return result.changed, result.newly_blocking, detail


def run_job(
    engine: Engine,
    registry: RulesetRegistry,
    job_id: str,
    worker: str,
    *,
    batch_size: int = 1000,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    stale_after: timedelta = timedelta(seconds=60),
    part_size: int = PART_SIZE,
    pseudonymiser: history.Pseudonymiser | None = None,
) -> bool:
    """Run the parts of a job this worker has claimed, then claim and run its free parts until
    none is left. True when nothing is left for this worker (the job may still be finishing in
    others), False if asked to stop (the caller releases what it holds). Raises ``LostClaim`` when
    the worker holds no part of the job: it was presumed dead and its part taken over."""
    with engine.connect() as conn:
        job = conn.execute(select(JOBS).where(JOBS.c.id == job_id)).one()
    mode = ReplayMode(job.mode)
    target = None
    if mode is ReplayMode.impact:
        target = registry.get(job.ruleset_id, job.ruleset_version)
        if target.hash != job.ruleset_hash:
            raise RulesError(f"{target.key} hashes {target.hash}, the job pinned {job.ruleset_hash}")
    parts = held_parts(engine, job_id, worker)
    if not parts:
        raise LostClaim(job_id)
    history_of = None
    if target is not None and job.history == "recomputed" and history.reads_history(target):
        history_of = history.recompute_for(engine, pseudonymiser or history.default_pseudonymiser())
    replayer = _Replayer(registry, mode, target, history_of)
    query = job_query(job, *COLUMNS)
    while parts:
        for part in parts:
            if not _run_part(engine, job, part, query, replayer, batch_size, progress, should_stop):
                return False
        if claim(engine, worker, stale_after=stale_after, job_id=job_id, part_size=part_size) is None:
            return True
        parts = held_parts(engine, job_id, worker)
    return True


def _run_part(
    engine: Engine,
    job: Any,
    part: Any,
    query: Any,
    replayer: _Replayer,
    batch_size: int,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> bool:
    mode = ReplayMode(job.mode)
    tally = _Tally.of(mode, orjson.loads(part.summary))
    ranged = query.where(DECISIONS.c.seq <= part.seq_to).order_by(DECISIONS.c.seq).limit(batch_size)
    began = time_monotonic()
    fields = {
        "job_id": job.id,
        "mode": mode.value,
        "worker": part.worker,
        "part": part.part_no,
        "attempt": part.attempts,
        "total": job.total,
    }
    if tally.processed:  # an earlier worker was interrupted: carry on after its last committed batch
        log.info(
            "replay job resumed",
            extra={"fields": {**fields, "processed": tally.processed, "cursor": part.cursor}},
        )
    else:
        log.info("replay job started", extra={"fields": fields})

    def fetch(after: int) -> list[Any]:
        with engine.connect() as conn:
            return list(conn.execute(ranged.where(DECISIONS.c.seq > after)))

    if progress:
        progress(_job_processed(engine, job.id), job.total or 0)
    # A pipeline of three: the next batch is read and the previous one written (each in its own
    # thread and connection) while this one is evaluated. Writes stay in order, one at a time.
    with ThreadPoolExecutor(1, "replay-read") as reader, ThreadPoolExecutor(1, "replay-write") as writer:
        next_rows = reader.submit(fetch, part.cursor)
        written: Future[None] | None = None
        while True:
            if should_stop is not None and should_stop():
                if written is not None:
                    written.result()
                log.info("replay job paused", extra={"fields": {**fields, "processed": tally.processed}})
                return False
            rows = next_rows.result()
            if not rows:
                break
            next_rows = reader.submit(fetch, rows[-1].seq)
            results = [_result_row(job, row, mode, replayer, tally) for row in rows]
            stored = [r for r in results if r is not None]
            batch = _Batch(
                part.id,
                cursor=rows[-1].seq,
                processed=tally.processed,
                flagged=tally.flagged,
                summary=orjson.dumps(tally.summary()).decode(),
                results=stored,
            )
            if written is not None:
                written.result()  # the previous batch is committed (or this raises LostClaim)
                if progress:
                    progress(_job_processed(engine, job.id), job.total or 0)
            written = writer.submit(_write_batch, engine, job.id, part.worker, batch)
        if written is not None:
            written.result()
    _finish_part(engine, job, part)
    done = {
        "processed": tally.processed,
        "flagged": tally.flagged,
        "seconds": round(time_monotonic() - began, 3),
    }
    log.info("replay job finished", extra={"fields": {**fields, **done}})
    return True


def _result_row(
    job: Any, row: Any, mode: ReplayMode, replayer: _Replayer, tally: _Tally
) -> dict[str, Any] | None:
    """The result record of one decision, or None when it is not stored (reproduced or unchanged,
    and only flagged results are kept)."""
    newly_blocking = erased = False
    detail: ReplayDetail | None
    if mode is ReplayMode.impact:
        flagged, newly_blocking, detail = replayer.impact(row, tally.impact, keep=job.store_all)
    else:
        flagged, detail = replayer.as_recorded(row, keep=job.store_all)
        erased = isinstance(detail, ErasedDetail)
    tally.processed += 1
    tally.flagged += flagged
    tally.erased += erased
    # Stored as flagged (worth an auditor's look) but counted apart from failures.
    if detail is None or not (job.store_all or flagged or erased):
        return None
    return {
        "job_id": job.id,
        "seq": row.seq,
        "decision_id": row.decision_id,
        "incident_ref": row.incident_ref,
        "recorded_ruleset": f"{row.ruleset_id}@{row.ruleset_version}",
        "flagged": flagged or erased,
        "newly_blocking": newly_blocking,
        "detail": detail_json(detail),
    }


@dataclass(frozen=True, slots=True)
class _Batch:
    part_id: int
    cursor: int
    processed: int
    flagged: int
    summary: str
    results: list[dict[str, Any]]


def _write_batch(engine: Engine, job_id: str, worker: str, batch: _Batch) -> None:
    """One write transaction: the results and the part's new state, if the part is still ours.
    Only this part's row is updated: workers on other parts never wait for it."""
    now = utcnow()
    with write_scope(engine) as session:
        held = rowcount(
            session.execute(
                update(PARTS)
                .where(held_by(worker, PARTS.c.id == batch.part_id))
                .values(
                    cursor=batch.cursor,
                    processed=batch.processed,
                    flagged=batch.flagged,
                    summary=batch.summary,
                    heartbeat_at=now,
                )
            )
        )
        if held != 1:
            raise LostClaim(job_id)  # rolls the transaction back: nothing of this batch is written
        if batch.results:
            session.execute(insert(RESULTS), batch.results)


def _finish_part(engine: Engine, job: Any, part: Any) -> None:
    """The part is done; if it was the last, merge the parts' summaries and finish the job. The
    job's row is updated first, so finishers of its parts take turns (its row lock on PostgreSQL,
    the write lock on SQLite) and exactly one of them sees every part done."""
    now = utcnow()
    with write_scope(engine) as session:
        counts = session.execute(
            update(JOBS)
            .where(JOBS.c.id == job.id)
            .values(parts_done=JOBS.c.parts_done + 1, heartbeat_at=now)
            .returning(JOBS.c.parts_done, JOBS.c.parts, JOBS.c.status)
        ).one()
        held = rowcount(
            session.execute(
                update(PARTS)
                .where(held_by(part.worker, PARTS.c.id == part.id))
                .values(status=JobStatus.succeeded.value, finished_at=now, heartbeat_at=now)
            )
        )
        if held != 1:
            raise LostClaim(job.id)
        if counts.parts_done < counts.parts or counts.status != JobStatus.running.value:
            return
        summaries = session.execute(select(PARTS.c.summary).where(PARTS.c.job_id == job.id)).scalars()
        merged = merge_summaries(ReplayMode(job.mode), (orjson.loads(s) for s in summaries))
        session.execute(
            update(JOBS)
            .where(JOBS.c.id == job.id)
            .values(
                status=JobStatus.succeeded.value,
                summary=orjson.dumps(merged).decode(),
                finished_at=now,
                **part_totals(job.id),
            )
        )


def _job_processed(engine: Engine, job_id: str) -> int:
    """Decisions of the job processed so far, by every worker (for a progress display)."""
    with engine.connect() as conn:
        return int(conn.execute(select(part_totals(job_id)["processed"])).scalar_one())
