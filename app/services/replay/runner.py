"""Run replay parts: stream a part's decisions, re-evaluate, compare, store results.

A worker runs the parts it holds of a job, then claims the job's next free part, until none is
left. A part's decisions are read in ``seq`` order by one query on a connection of its own, a
batch at a time (a server-side cursor on PostgreSQL; SQLite's cursor steps through the file), so
memory stays flat. Each batch's results are inserted with one ``executemany`` of tuples and
committed together with the part's cursor, counts and running summary, in one write transaction
that also proves the worker still holds the part. An interrupted part therefore resumes from its
last commit with nothing duplicated or lost, and the job's other parts are not redone. The worker
that finishes the last part merges the parts' summaries into the job's, under the job's row lock.

Everything runs in the worker's one thread: every phase holds the GIL, so read-ahead and
write-behind threads overlapped nothing and cost switches (``benchmarks/replay.py`` measures it;
a read-ahead thread on PostgreSQL, whose fetch waits on the server, was measured again: no gain).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from itertools import islice
from time import monotonic as time_monotonic
from typing import Any, TypeVar

import orjson
from pydantic import ValidationError
from sqlalchemy import Dialect, Engine, LargeBinary, cast, select, update

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


def _columns(engine: Engine) -> tuple[Any, ...]:
    """``COLUMNS`` as the replay reads them: on SQLite the stored input and result as the UTF-8
    bytes they are stored as (``CAST AS BLOB``), which the engine and the comparison take as they
    are, instead of decoded to text and encoded again (PostgreSQL: ``_batches`` reads them as bytes)."""
    if engine.dialect.name != "sqlite":
        return COLUMNS
    as_bytes = {"input", "result"}
    return tuple(cast(c, LargeBinary).label(c.name) if c.name in as_bytes else c for c in COLUMNS)


def text_of(value: str | bytes) -> str:
    """A text column of a decision row as ``str`` (``_batches`` may give UTF-8 bytes)."""
    return value.decode() if isinstance(value, bytes) else value


# A result row as ``_write_batch`` inserts it (a tuple, in this order).
RESULT_COLUMNS = (
    "job_id",
    "seq",
    "decision_id",
    "incident_ref",
    "recorded_ruleset",
    "flagged",
    "newly_blocking",
    "detail",
)
Row = tuple[Any, ...]
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


# What a stored record can make re-evaluation raise: input or context that is not what the engine
# takes (a record altered behind the log's back, or one stored before a bound was enforced).
_UNREADABLE = (RulesError, ValueError, KeyError, TypeError)
_NOT_A_RESULT = "the stored result is not a JSON object"
_NOT_POINTERS = "the record's erased pointers are not a JSON list of text"
_Shape = TypeVar("_Shape", dict[str, Any], list[Any])


def _stored_json(text: str | bytes, shape: type[_Shape]) -> _Shape | None:
    """A stored JSON column parsed, or None where it is not JSON of ``shape`` (a record altered
    behind the log's back)."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, shape) else None


def _stored_result(stored: str | bytes) -> dict[str, Any] | None:
    """A stored result as JSON, or None where it is not a JSON object."""
    return _stored_json(stored, dict)


def _erasure(erased: str | bytes | None, result: str | bytes) -> ErasedDetail | ReplayErrorDetail | None:
    """Why retention keeps a record from being re-made, in either mode: the personal content it
    erased (free text, dates of birth; the chain still proves the record), or an error where the list
    of erased pointers cannot be read. None: nothing erased."""
    if not erased:
        return None
    pointers = _stored_json(erased, list)
    if pointers is None or not all(isinstance(p, str) for p in pointers):
        return ReplayErrorDetail(error=_NOT_POINTERS, stored_result=_stored_result(result))
    return ErasedDetail(erased=pointers) if pointers else None


class _Unreadable(ValueError):
    """A part of a stored record the replay cannot read; its message is the reason, as stored."""


def _error_text(exc: Exception) -> str:
    """Why a record could not be re-made, as stored with its result: a validation error by location
    and message only (its text would quote the input's values, personal content among them)."""
    if isinstance(exc, _Unreadable):
        return str(exc)
    if isinstance(exc, ValidationError):
        problems = exc.errors(include_url=False, include_input=False, include_context=False)
        where = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'input'}: {e['msg']}" for e in problems)
        return f"{type(exc).__name__}: {where}"
    return f"{type(exc).__name__}: {exc}"


class _Replayer:
    """Replays rows of the decision log (tuples in ``COLUMNS`` order) into result rows (tuples in
    ``RESULT_COLUMNS`` order), counting into a tally. The per-decision loop: no Pydantic model is
    built but the engine's decision, unless a result is stored."""

    def __init__(
        self,
        registry: RulesetRegistry,
        mode: ReplayMode,
        target: CompiledRuleset | None,
        history_of: Callable[[str | bytes, str | bytes], HistoryFacts] | None = None,
    ) -> None:
        self.registry, self.mode, self.target = registry, mode, target
        # Impact with recomputed history: the facts counted again for a record's stored input and
        # context (else its stored ones).
        self.history_of = history_of
        self._rulesets: dict[tuple[str | bytes, ...], CompiledRuleset | str] = {}
        self._encoder = ResultEncoder()

    def recorded_ruleset(
        self, ruleset_id: str | bytes, version: str | bytes, ruleset_hash: str | bytes
    ) -> CompiledRuleset | str:
        """The exact version a decision names, or why it cannot be had (the names as read: text or
        UTF-8 bytes, decoded only the first time)."""
        key = (ruleset_id, version, ruleset_hash)
        found = self._rulesets.get(key)
        if found is None:
            ruleset_id, version, ruleset_hash = text_of(ruleset_id), text_of(version), text_of(ruleset_hash)
            try:
                found = self.registry.get(ruleset_id, version)
            except RulesError as exc:
                found = str(exc)
            if not isinstance(found, str) and found.hash != ruleset_hash:
                found = f"rule set {found.key} now hashes {found.hash}, the decision names {ruleset_hash}"
            self._rulesets[key] = found
        return found

    def replay(self, job_id: str, rows: Iterable[Sequence[Any]], tally: _Tally, store_all: bool) -> list[Row]:
        """The result rows to store for ``rows`` (every one, or only the flagged ones)."""
        if self.mode is ReplayMode.as_recorded and not store_all:
            return self._reproduce(job_id, rows, tally)
        return self._replay(job_id, rows, tally, store_all)

    def _reproduce(self, job_id: str, rows: Iterable[Sequence[Any]], tally: _Tally) -> list[Row]:
        """``replay`` as recorded, storing only flagged results (the usual job): a decision that
        reproduces is handled inline, in this loop (no detail, nothing stored); every other row
        goes through ``_replay`` and ``as_recorded``, as it would with ``store_all`` unset (one that
        does not reproduce is evaluated again there: they are rare, and the engine is pure).
        ``tests/services/test_replay_reader.py`` holds both paths to the same results and summaries,
        and hands on only what does not reproduce."""
        rulesets, encode = self._rulesets, self._encoder.encode
        reproduced = 0
        others: list[Sequence[Any]] = []
        for row in rows:
            ruleset_id, version, ruleset_hash, schema_version, input_json, context, result, erased = row[3:]
            ruleset = rulesets.get((ruleset_id, version, ruleset_hash))
            if ruleset is None:  # the first decision of its version: resolved here, not left to _replay
                ruleset = self.recorded_ruleset(ruleset_id, version, ruleset_hash)
            # Not erased (null), the recorded version at hand, the stored result as bytes.
            if erased is None and type(ruleset) is CompiledRuleset and type(result) is bytes:
                try:
                    decision = reevaluate(ruleset, input_json, orjson.loads(context), schema_version)
                except _UNREADABLE:
                    pass  # ``as_recorded`` reports it
                else:
                    if encode(decision) == result:
                        reproduced += 1
                        continue
            others.append(row)
        tally.processed += reproduced
        return self._replay(job_id, others, tally, False) if others else []

    def _replay(
        self, job_id: str, rows: Iterable[Sequence[Any]], tally: _Tally, store_all: bool
    ) -> list[Row]:
        stored: list[Row] = []
        append = stored.append
        impact_mode = self.mode is ReplayMode.impact
        for row in rows:
            seq, decision_id, incident_ref, ruleset_id, version = row[:5]
            newly_blocking = erased = False
            detail: ReplayDetail | None
            if impact_mode:
                flagged, newly_blocking, detail = self.impact(row, tally.impact, keep=store_all)
            else:
                flagged, detail = self.as_recorded(row, keep=store_all)
            erased = isinstance(detail, ErasedDetail)
            tally.processed += 1
            tally.flagged += flagged
            tally.erased += erased
            # Stored as flagged (worth an auditor's look) but counted apart from failures (as recorded)
            # or from changes (impact): not re-made for retention's erasure, or not re-evaluated.
            marked = flagged or erased or isinstance(detail, ReplayErrorDetail)
            if detail is not None and (store_all or marked):
                recorded, text = f"{text_of(ruleset_id)}@{text_of(version)}", detail_json(detail)
                ref = None if incident_ref is None else text_of(incident_ref)
                append((job_id, seq, text_of(decision_id), ref, recorded, marked, newly_blocking, text))
        return stored

    def as_recorded(self, row: Sequence[Any], keep: bool) -> tuple[bool, ReplayDetail | None]:
        """Reproduce one decision; ``keep``: its result will be stored even if it reproduces."""
        _, _, _, ruleset_id, version, ruleset_hash, schema_version, input_json, context, result, erased = row
        if (unmade := _erasure(erased, result)) is not None:  # erased: not reproducible, not a failure
            return isinstance(unmade, ReplayErrorDetail), unmade
        ruleset = self.recorded_ruleset(ruleset_id, version, ruleset_hash)
        if isinstance(ruleset, str):
            return True, ReplayErrorDetail(error=ruleset, stored_result=_stored_result(result))
        stored = result if isinstance(result, bytes) else result.encode()
        try:
            decision = reevaluate(ruleset, input_json, orjson.loads(context), schema_version)
        except _UNREADABLE as exc:
            return True, ReplayErrorDetail(error=_error_text(exc), stored_result=_stored_result(stored))
        # Equal canonical bytes: reproduced. Hashes are computed only for a result that is stored.
        replayed = self._encoder.encode(decision)
        if not keep and replayed == stored:  # ``Reproduction.of``'s comparison, nothing else built
            return False, None
        outcome = Reproduction.of(stored, replayed)
        if outcome.reproduced:
            hashes = {"stored_hash": outcome.stored_hash, "replayed_hash": outcome.replayed_hash}
            return False, ReproducedDetail(**hashes)
        stored_result = _stored_result(stored)
        if stored_result is None:
            return True, ReplayErrorDetail(error=_NOT_A_RESULT, stored_result=None)
        return True, NotReproducedDetail(
            stored_hash=outcome.stored_hash,
            replayed_hash=outcome.replayed_hash,
            differing_fields=outcome.differing_fields(),
            stored_result=stored_result,
            replayed_result=orjson.loads(outcome.replayed),
        )

    def impact(
        self, row: Sequence[Any], totals: ImpactTotals, keep: bool
    ) -> tuple[bool, bool, ImpactDetail | ErasedDetail | ReplayErrorDetail | None]:
        """Re-evaluate with the target; ``keep``: the detail is wanted even if nothing changed. A
        record whose personal content retention erased is not compared: what is left of its input
        is not what the stored result was made from, so the target's outcomes on it would count the
        erasure as a change of rule set (a name no longer recorded, a text no longer there). A record
        that cannot be re-evaluated or whose stored result cannot be read is reported (an error
        result) and counted apart, as an as-recorded replay reports it, and the job goes on."""
        assert self.target is not None
        schema_version, input_json, context, result, erased = row[6:11]
        if (unmade := _erasure(erased, result)) is not None:
            (totals.add_erased if isinstance(unmade, ErasedDetail) else totals.add_error)()
            return False, False, unmade
        stored = _stored_result(result)
        try:
            if stored is None:
                raise _Unreadable(_NOT_A_RESULT)
            history = self.history_of(input_json, context) if self.history_of is not None else None
            pinned = orjson.loads(context)
            decision = reevaluate(self.target, input_json, pinned, schema_version, history=history)
            change = impact(stored, decision)
        except _UNREADABLE as exc:  # reported, counted apart; the job goes on
            totals.add_error()
            return False, False, ReplayErrorDetail(error=_error_text(exc), stored_result=stored)
        totals.add(change)
        if not (keep or change.changed):
            return False, False, None
        detail = ImpactDetail(
            blocking_before=change.blocking_before,
            blocking_after=change.blocking_after,
            score_before=change.score_before,
            score_after=change.score_after,
            changes=[FindingChangeDetail.model_validate(c.to_json()) for c in change.changes],
        )
        return change.changed, change.newly_blocking, detail


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
    query = job_query(job, *_columns(engine))
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
    if progress:
        progress(_job_processed(engine, job.id), job.total or 0)
    remaining = query.where(DECISIONS.c.seq > part.cursor, DECISIONS.c.seq <= part.seq_to)
    with _batches(engine, remaining.order_by(DECISIONS.c.seq), batch_size) as reads:
        # Rows are replayed as they are read (on PostgreSQL a stream's chunk at a time, while the
        # server reads the next ones) and written once ``batch_size`` of them are. One read ahead: the
        # part's last batch is written in the transaction that finishes the part (one commit fewer).
        rows = next(reads, None)
        finished = False
        results: list[Row] = []
        unwritten = 0  # rows replayed since the last write
        while rows is not None:
            if not unwritten and should_stop is not None and should_stop():
                log.info("replay job paused", extra={"fields": {**fields, "processed": tally.processed}})
                return False
            results += replayer.replay(job.id, rows, tally, job.store_all)
            unwritten += len(rows)
            following = next(reads, None)
            if following is None or unwritten >= batch_size:
                batch = _Batch(
                    part.id,
                    cursor=rows[-1][0],
                    processed=tally.processed,
                    flagged=tally.flagged,
                    summary=orjson.dumps(tally.summary()).decode(),
                    results=results,
                    finish=mode if following is None else None,
                )
                _write_batch(engine, job.id, part.worker, batch)  # or LostClaim: nothing is written
                finished = following is None
                results, unwritten = [], 0
                if progress:
                    progress(_job_processed(engine, job.id), job.total or 0)
            rows = following
    if not finished:  # nothing was left to read (an empty part, or one resumed at its end)
        last = _Batch(part.id, part.cursor, part.processed, part.flagged, part.summary, [], finish=mode)
        _write_batch(engine, job.id, part.worker, last)  # the part's own state, and its finish
    done = {
        "processed": tally.processed,
        "flagged": tally.flagged,
        "seconds": round(time_monotonic() - began, 3),
    }
    log.info("replay job finished", extra={"fields": {**fields, **done}})
    return True


# SQLite: the reading connection maps the file instead of copying each page with a read() call
# (a decision's row spans several overflow pages). Only a limit: pages are mapped as they are read.
_SQLITE_MMAP_BYTES = 1 << 30
# PostgreSQL: rows per chunk of the stream. Small, so that a batch's first rows arrive early and the
# server works on the following ones (up to what the socket buffers hold) while they are evaluated.
_PG_CHUNK = 50


def driver_statement(dialect: Dialect, query: Any) -> tuple[str, Any]:
    """``query`` as the driver receives it from ``Connection.execute``: SQLAlchemy's text, with
    expanding ``IN`` lists expanded and each parameter through its type's bind processor, in the
    dialect's parameter style (a tuple for positional styles, else a dict)."""
    compiled = query.compile(dialect=dialect)
    state = compiled.construct_expanded_state(compiled.construct_params())
    processors = state.processors
    params = {k: processors[k](v) if k in processors else v for k, v in state.parameters.items()}
    if state.positiontup is not None:
        return state.statement, tuple(params[name] for name in state.positiontup)
    return state.statement, params


@contextmanager
def _batches(engine: Engine, query: Any, size: int) -> Iterator[Iterator[Sequence[Row]]]:
    """A part's remaining decisions, up to ``size`` rows a read, from one query on a connection of
    its own, so that only the current read is in memory. The read transaction stays open while
    results are written on other connections (PostgreSQL's snapshot, SQLite's WAL: neither blocks
    a writer).

    Rows come from the driver's cursor as tuples in ``COLUMNS`` order (no SQLAlchemy row is built:
    the columns need no result processing; ``tests/services/test_replay_reader.py`` holds them
    equal to ``Connection.execute``'s). SQLite's cursor steps through the mapped file, ``size``
    rows a read. PostgreSQL streams the rows in small chunks (one query, no ``FETCH`` round
    trips), each handed over as a read as it arrives: the server reads and decompresses the next
    rows while this process evaluates the current ones, until the socket buffers are full (a read
    of a whole batch left a replay worker waiting ~15% of a job); an older libpq's server-side
    cursor fetches ``size`` rows a read. With ``client_encoding`` SQL_ASCII for this read
    transaction (``SET LOCAL``; only when the server's encoding is UTF-8, so the bytes are the
    same), psycopg returns text columns as the UTF-8 bytes they are: the stored input goes to the
    engine and the stored result to the comparison without being decoded and encoded again."""
    with engine.connect() as conn:
        sql, params = driver_statement(conn.dialect, query)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA mmap_size={_SQLITE_MMAP_BYTES}")  # also begins the read
        raw: Any = conn.connection.dbapi_connection
        if conn.dialect.name != "postgresql":
            cursor = raw.cursor()
            try:
                cursor.execute(sql, params)
                yield iter(partial(cursor.fetchmany, size), [])
            finally:
                cursor.close()
            return
        if raw.info.parameter_status("server_encoding") == "UTF8":
            raw.execute("SET LOCAL client_encoding TO 'SQL_ASCII'")  # also begins the read
        if not _chunked_streams():  # libpq before 17: a server-side cursor, a FETCH per batch
            with raw.cursor(name="replay_part") as named:
                named.execute(sql, params)
                yield iter(partial(named.fetchmany, size), [])
            return
        with raw.cursor() as cursor:
            chunk = min(size, _PG_CHUNK)
            rows = cursor.stream(sql, params, size=chunk)
            try:
                yield iter(lambda: list(islice(rows, chunk)), [])
            finally:
                rows.close()  # an unfinished stream is cancelled and drained


def _chunked_streams() -> bool:
    """Whether psycopg can stream in chunks (libpq 17 or later)."""
    from psycopg import pq  # only a PostgreSQL worker needs it

    return pq.version() >= 170000


@dataclass(frozen=True, slots=True)
class _Batch:
    part_id: int
    cursor: int
    processed: int
    flagged: int
    summary: str
    results: list[Row]
    # The part's last batch: the same transaction finishes the part (and the job, if it is the last).
    finish: ReplayMode | None = None


def _insert_results(dialect: Dialect) -> str:
    """The driver's INSERT of one result row (positional parameters, for ``executemany``)."""
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    return (
        f"INSERT INTO {RESULTS.name} ({', '.join(RESULT_COLUMNS)}) "
        f"VALUES ({', '.join(mark for _ in RESULT_COLUMNS)})"
    )


def _write_batch(engine: Engine, job_id: str, worker: str, batch: _Batch) -> None:
    """One write transaction: the results and the part's new state, if the part is still ours.
    Only this part's row is updated: workers on other parts never wait for it (but for the last
    batch of a part, which also finishes it and, if it is the job's last, the job: ``_finish_job``)."""
    now = utcnow()
    with write_scope(engine) as session:
        if batch.finish is not None:
            counts = _count_finished(session, job_id, now)
        values: dict[str, Any] = {
            "cursor": batch.cursor,
            "processed": batch.processed,
            "flagged": batch.flagged,
            "summary": batch.summary,
            "heartbeat_at": now,
        }
        if batch.finish is not None:
            values.update(status=JobStatus.succeeded.value, finished_at=now)
        held = rowcount(
            session.execute(
                update(PARTS).where(held_by(worker, PARTS.c.id == batch.part_id)).values(**values)
            )
        )
        if held != 1:
            raise LostClaim(job_id)  # rolls the transaction back: nothing of this batch is written
        if batch.results:
            conn = session.connection()
            conn.exec_driver_sql(_insert_results(conn.dialect), batch.results)
        if batch.finish is not None:
            _finish_job(session, job_id, batch.finish, counts, now)


def _count_finished(session: Any, job_id: str, now: Any) -> Any:
    """Count a part of the job done. The job's row is updated first, so finishers of its parts
    take turns (its row lock on PostgreSQL, the write lock on SQLite) and exactly one of them sees
    every part done."""
    return session.execute(
        update(JOBS)
        .where(JOBS.c.id == job_id)
        .values(parts_done=JOBS.c.parts_done + 1, heartbeat_at=now)
        .returning(JOBS.c.parts_done, JOBS.c.parts, JOBS.c.status)
    ).one()


def _finish_job(session: Any, job_id: str, mode: ReplayMode, counts: Any, now: Any) -> None:
    """If the part just counted was the job's last, merge the parts' summaries into the job's."""
    if counts.parts_done < counts.parts or counts.status != JobStatus.running.value:
        return
    summaries = session.execute(select(PARTS.c.summary).where(PARTS.c.job_id == job_id)).scalars()
    merged = merge_summaries(mode, (orjson.loads(s) for s in summaries))
    session.execute(
        update(JOBS)
        .where(JOBS.c.id == job_id)
        .values(
            status=JobStatus.succeeded.value,
            summary=orjson.dumps(merged).decode(),
            finished_at=now,
            **part_totals(job_id),
        )
    )


def _job_processed(engine: Engine, job_id: str) -> int:
    """Decisions of the job processed so far, by every worker (for a progress display)."""
    with engine.connect() as conn:
        return int(conn.execute(select(part_totals(job_id)["processed"])).scalar_one())
