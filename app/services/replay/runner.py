"""Run one replay job: stream the selected decisions, re-evaluate, compare, store results.

Decisions are read in ``seq`` order a batch at a time (keyset pagination: one short query per
batch, so memory stays flat and no read transaction stays open while results are written); the
next batch is read and the previous one written while the current one is evaluated. Each
batch's results are inserted in one statement and committed together with the job's cursor,
counts and running summary, in one write transaction that also proves the worker still holds the
job. An interrupted job therefore resumes from its last commit with nothing duplicated or lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from time import monotonic as time_monotonic
from typing import Any

import orjson
from sqlalchemy import Engine, Select, and_, func, insert, select, update

from app.db import begin_write, session_scope
from app.models.base import utcnow
from app.models.tables import INCIDENTS, JOBS, RESULTS
from app.models.tables import RECORDS as DECISIONS
from app.rules.compiler import CompiledRuleset
from app.rules.errors import RulesError
from app.rules.registry import RulesetRegistry
from app.rules.replay import FindingCache, ImpactTotals, impact, reevaluate, reproduce
from app.schemas.replay import JobStatus, ReplayMode, ReplaySelection
from app.services.replay.jobs import rowcount

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


class LostClaim(Exception):
    """Another worker took the job over (this one was presumed dead); stop without writing."""


def selection_query(mode: ReplayMode, selection: ReplaySelection) -> Select[Any]:
    """The selected decisions, without order or cursor. Impact takes each incident's latest."""
    query = select(*COLUMNS)
    if mode is ReplayMode.impact:
        # The latest decision of each incident: the one made for its current revision. Joined by the
        # unique incident reference, so decisions are still read in seq order with index lookups.
        query = query.join(
            INCIDENTS,
            and_(
                INCIDENTS.c.reference == DECISIONS.c.incident_ref,
                INCIDENTS.c.revision == DECISIONS.c.revision,
            ),
        )
    elif selection.force is not None:
        query = query.join(INCIDENTS, INCIDENTS.c.reference == DECISIONS.c.incident_ref)
    if selection.force is not None:
        query = query.where(INCIDENTS.c.force == selection.force)
    if selection.from_date is not None:
        query = query.where(DECISIONS.c.recorded_at >= datetime.combine(selection.from_date, time(), UTC))
    if selection.to_date is not None:
        end = datetime.combine(selection.to_date + timedelta(days=1), time(), UTC)
        query = query.where(DECISIONS.c.recorded_at < end)
    if selection.incident_refs is not None:
        query = query.where(DECISIONS.c.incident_ref.in_(selection.incident_refs))
    if selection.hook is not None:
        # Contexts are canonical JSON (sorted keys, no spaces), and hook ids are vocabulary words.
        query = query.where(DECISIONS.c.context.contains(f'"hook":"{selection.hook}"', autoescape=True))
    return query


@dataclass
class _Tally:
    mode: ReplayMode
    processed: int = 0
    flagged: int = 0
    erased: int = 0
    impact: ImpactTotals = field(default_factory=ImpactTotals)

    def summary(self) -> dict[str, Any]:
        if self.mode is ReplayMode.impact:
            return self.impact.to_json()
        return {
            "decisions": self.processed,
            "reproduced": self.processed - self.flagged - self.erased,
            "failed": self.flagged,
            "erased": self.erased,
        }


class _Replayer:
    def __init__(self, registry: RulesetRegistry, mode: ReplayMode, target: CompiledRuleset | None) -> None:
        self.registry, self.mode, self.target = registry, mode, target
        self._rulesets: dict[tuple[str, str], CompiledRuleset | str] = {}
        self._findings = FindingCache()

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

    def as_recorded(self, row: Any, keep: bool) -> tuple[bool, dict[str, Any]]:
        """Reproduce one decision; ``keep``: its result will be stored even if it reproduces."""
        erased = orjson.loads(row.erased) if row.erased else None
        if erased:
            # Retention removed personal content the rules read (free text, dates of birth), so the
            # decision cannot be re-made; its integrity is still proven by the hash chain (verify).
            return False, {"erased": erased, "reproducible": False}
        ruleset = self.recorded_ruleset(row)
        if isinstance(ruleset, str):
            return True, {"error": ruleset, "stored_result": orjson.loads(row.result)}
        stored = row.result.encode()
        try:
            decision = reevaluate(
                self.registry, ruleset, row.input, orjson.loads(row.context), row.checklist_schema_version
            )
        except (RulesError, ValueError, KeyError, TypeError) as exc:
            return True, {"error": f"{type(exc).__name__}: {exc}", "stored_result": orjson.loads(stored)}
        outcome = reproduce(stored, decision, self._findings)
        if outcome.reproduced and not keep:
            return False, {}
        detail: dict[str, Any] = {"stored_hash": outcome.stored_hash, "replayed_hash": outcome.replayed_hash}
        if not outcome.reproduced:
            detail["differing_fields"] = outcome.differing_fields()
            detail["stored_result"] = orjson.loads(stored)
            detail["replayed_result"] = orjson.loads(outcome.replayed)
        return not outcome.reproduced, detail

    def impact(self, row: Any, totals: ImpactTotals) -> tuple[bool, bool, dict[str, Any]]:
        assert self.target is not None
        decision = reevaluate(
            self.registry, self.target, row.input, orjson.loads(row.context), row.checklist_schema_version
        )
        result = impact(orjson.loads(row.result), decision)
        totals.add(result)
        detail = {
            "blocking_before": result.blocking_before,
            "blocking_after": result.blocking_after,
            "score_before": result.score_before,
            "score_after": result.score_after,
            "changes": [c.to_json() for c in result.changes],
        }
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
) -> bool:
    """Process a job this worker has claimed. True when it finished, False if asked to stop."""
    with engine.connect() as conn:
        job = conn.execute(select(JOBS).where(JOBS.c.id == job_id)).one()
    mode = ReplayMode(job.mode)
    selection = ReplaySelection.model_validate_json(job.selection)
    query = selection_query(mode, selection)
    target = None
    if mode is ReplayMode.impact:
        target = registry.get(job.ruleset_id, job.ruleset_version)
        if target.hash != job.ruleset_hash:
            raise RulesError(f"{target.key} hashes {target.hash}, the job pinned {job.ruleset_hash}")
    total = job.total
    if total is None:
        with engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        _write(engine, job_id, worker, {"total": total})
    summary = orjson.loads(job.summary)
    tally = _Tally(
        mode,
        job.processed,
        job.flagged,
        erased=summary.get("erased", 0),
        impact=ImpactTotals.from_json(summary),
    )
    replayer = _Replayer(registry, mode, target)
    cursor = job.cursor
    began = time_monotonic()
    fields = {"job_id": job_id, "mode": mode.value, "worker": worker, "attempt": job.attempts, "total": total}
    if cursor:  # an earlier worker was interrupted: carry on after its last committed batch
        log.info(
            "replay job resumed", extra={"fields": {**fields, "processed": job.processed, "cursor": cursor}}
        )
    else:
        log.info("replay job started", extra={"fields": fields})
    if progress:
        progress(tally.processed, total)

    def fetch(after: int) -> list[Any]:
        with engine.connect() as conn:
            return list(
                conn.execute(query.where(DECISIONS.c.seq > after).order_by(DECISIONS.c.seq).limit(batch_size))
            )

    # A pipeline of three: the next batch is read and the previous one written (each in its own
    # thread and connection) while this one is evaluated. Writes stay in order, one at a time.
    with ThreadPoolExecutor(1, "replay-read") as reader, ThreadPoolExecutor(1, "replay-write") as writer:
        next_rows = reader.submit(fetch, cursor)
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
            cursor = rows[-1].seq
            next_rows = reader.submit(fetch, cursor)
            results = [_result_row(job_id, row, mode, replayer, tally, job.store_all) for row in rows]
            if not job.store_all:
                results = [r for r in results if r["flagged"]]
            values = {
                "cursor": cursor,
                "processed": tally.processed,
                "flagged": tally.flagged,
                "summary": orjson.dumps(tally.summary()).decode(),
            }
            if written is not None:
                written.result()  # the previous batch is committed (or this raises LostClaim)
            written = writer.submit(_write, engine, job_id, worker, values, results)
            if progress:
                progress(tally.processed, total)
        if written is not None:
            written.result()
    _write(engine, job_id, worker, {"status": JobStatus.succeeded.value, "finished_at": utcnow()})
    done = {
        "processed": tally.processed,
        "flagged": tally.flagged,
        "seconds": round(time_monotonic() - began, 3),
    }
    log.info("replay job finished", extra={"fields": {**fields, **done}})
    return True


def _result_row(
    job_id: str, row: Any, mode: ReplayMode, replayer: _Replayer, tally: _Tally, store_all: bool
) -> dict[str, Any]:
    newly_blocking = erased = False
    if mode is ReplayMode.impact:
        flagged, newly_blocking, detail = replayer.impact(row, tally.impact)
    else:
        flagged, detail = replayer.as_recorded(row, keep=store_all)
        erased = "erased" in detail
    tally.processed += 1
    tally.flagged += flagged
    tally.erased += erased
    return {
        "job_id": job_id,
        "seq": row.seq,
        "decision_id": row.decision_id,
        "incident_ref": row.incident_ref,
        "recorded_ruleset": f"{row.ruleset_id}@{row.ruleset_version}",
        # Stored as flagged (worth an auditor's look) but counted apart from failures.
        "flagged": flagged or erased,
        "newly_blocking": newly_blocking,
        "detail": orjson.dumps(detail).decode(),
    }


def _write(
    engine: Engine,
    job_id: str,
    worker: str,
    values: dict[str, Any],
    results: list[dict[str, Any]] | None = None,
) -> None:
    """One write transaction: the results (if any) and the job's new state, if still ours."""
    with session_scope(engine) as session:
        begin_write(session)
        if results:
            session.execute(insert(RESULTS), results)
        claimed = rowcount(
            session.execute(
                update(JOBS)
                .where(JOBS.c.id == job_id, JOBS.c.worker == worker, JOBS.c.status == JobStatus.running.value)
                .values(heartbeat_at=utcnow(), **values)
            )
        )
        if claimed != 1:
            session.rollback()
            raise LostClaim(job_id)
