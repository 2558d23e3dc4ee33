"""Engines, sessions and the one place a unit of work commits (no web imports).

- ``build_engine`` makes the engine from settings (called by the app's lifespan and the CLI; nothing
  connects at import). SQLite gets WAL, ``synchronous=NORMAL``, foreign keys and a busy timeout.
- ``end_unit_of_work``/``finish``: the request's unit of work commits once after the handler returns
  (``app.http.session`` calls them) and rolls back on any error. Services ``flush()``, never
  ``commit()``; only this module commits (``tests/test_commits.py``).
- ``access_record_scope``: where the access audit guard writes its record (it picks no strategy).
- ``session_scope()``: the same unit of work for jobs, the seeder, the CLI and scripts.
- ``begin_write(session)``: call first in a service that writes. On SQLite it starts the transaction
  with ``BEGIN IMMEDIATE`` (the write lock up front, so two writers never deadlock upgrading read
  locks) behind an in-process writer lock (threads queue on a mutex instead of SQLite's sleeping
  busy handler). On PostgreSQL it does nothing: writers coordinate through row locks.
- ``GroupWriter``: group commit. Units of work queued from any thread are applied by one writer
  thread, as many as are waiting in one transaction (each in a savepoint), committed once; each
  caller's future resolves only after that commit (a caller on an event loop awaits ``wait``: the
  transaction's results reach its loop in one call, one wake-up per transaction).
- ``migrate(engine)``: ``alembic upgrade head``; run on startup when ``auto_migrate`` is on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.errors import DatabaseBusy
from app.settings import PROJECT_ROOT, Settings, get_settings

log = logging.getLogger("safesteps.db")
MIGRATIONS = PROJECT_ROOT / "migrations"
# Set by begin_write() around the call that makes the session connect, read by the "begin" hook in
# the same thread. (Cheaper than execution options, which branch the connection on every request.)
_write_intent = threading.local()
_LOCK_HELD = "safesteps_write_lock_held"
_PENDING_EVALUATIONS = "safesteps_pending_evaluations"  # app.services.idempotency.PENDING
# Arbitrary constant: the key of the advisory lock that serialises migrations across replicas.
_MIGRATION_LOCK = 7_260_451_001


def build_engine(url: str, *, busy_timeout_ms: int = 5000, pool_size: int = 10) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2, pool_pre_ping=False)
    if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
        _create_private(Path(parsed.database))
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        pool_size=pool_size,
        max_overflow=pool_size * 2,
    )
    _configure_sqlite(engine, busy_timeout_ms)
    return engine


def _create_private(path: Path) -> None:
    """Create the SQLite file readable and writable by its owner only (it holds personal data);
    SQLite gives its -wal and -shm files the same mode. An existing file is left as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    writer = threading.Lock()

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # WAL is a property of the file, set once: switching needs a lock that a connection already
        # migrating (BEGIN IMMEDIATE) holds, so a second process starting then must not ask again.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Freed pages are zeroed, so erased personal content does not linger in the file.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if not getattr(_write_intent, "active", False):
            conn.exec_driver_sql("BEGIN")
            return
        if not writer.acquire(timeout=busy_timeout_ms / 1000):
            raise DatabaseBusy
        conn.info[_LOCK_HELD] = True
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(conn)
            raise

    def _release(conn: Connection) -> None:
        if conn.info.pop(_LOCK_HELD, False):
            writer.release()

    event.listen(engine, "commit", _release)
    event.listen(engine, "rollback", _release)


# Deadlock, serialization failure, lock not available: the transaction was rolled back; retry.
_RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}


def retryable(exc: Exception) -> bool:
    """A database error that says "try again", not "this is broken"."""
    if not isinstance(exc, OperationalError):
        return False
    return getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES or "database is locked" in str(
        exc.orig
    )


def begin_write(session: Session) -> Connection:
    """Start the session's transaction as a writer and return its connection (for Core statements).

    Must come before any other statement of the unit of work."""
    if session.in_transaction():
        raise RuntimeError("begin_write() must come first in the unit of work")
    _write_intent.active = True
    try:
        conn = session.connection()
    finally:
        _write_intent.active = False
    # What the previous write transaction on this DBAPI connection left (app.services.idempotency).
    conn.info.pop(_PENDING_EVALUATIONS, None)
    return conn


def is_writing(session: Session) -> bool:
    """The session holds this process's SQLite writer lock (``begin_write``). Always false on
    PostgreSQL, where writers coordinate through row locks and nothing is held in process."""
    return session.in_transaction() and bool(session.connection().info.get(_LOCK_HELD, False))


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


class StartupTimeout(RuntimeError):
    """Another process kept the database locked (migrating) for longer than the start-up timeout."""


def migrate(engine: Engine, revision: str = "head", *, timeout: float = 300.0) -> None:
    """Upgrade the schema. Processes starting together take turns: on PostgreSQL through an advisory
    lock, on SQLite by running the whole upgrade in one ``BEGIN IMMEDIATE`` transaction.

    On SQLite a process that finds the database locked (another one migrating, however slowly on a
    busy machine) tries again until ``timeout`` seconds have passed, then raises ``StartupTimeout``
    saying so; each attempt waits up to the busy timeout inside SQLite."""
    if engine.dialect.name == "postgresql":
        _migrate(engine, revision)
        return
    deadline = time.monotonic() + timeout
    pause = 0.05
    while True:
        try:
            _migrate(engine, revision)
            return
        except (OperationalError, DatabaseBusy) as exc:
            if isinstance(exc, OperationalError) and not _locked(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise StartupTimeout(
                    f"the database stayed locked for {timeout:g} s at start-up (another process "
                    "migrating?); raise SAFESTEPS_STARTUP_TIMEOUT_SECONDS or look for a stuck process"
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def _locked(exc: OperationalError) -> bool:
    text_ = str(exc.orig).lower()
    return "database is locked" in text_ or "database is busy" in text_


def _migrate(engine: Engine, revision: str) -> None:
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        raw: Any = None
        if postgres:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            connection.commit()
        else:
            # SQLite changes a column by rebuilding the table; dropping the old copy of a table
            # other rows refer to would fail with foreign keys on. Off for the migration (outside
            # the transaction, where SQLite allows it), checked before the commit, on again after.
            raw = connection.connection.dbapi_connection
            raw.execute("PRAGMA foreign_keys=OFF")
            _write_intent.active = True
            try:
                connection.begin()
            finally:
                _write_intent.active = False
        try:
            command.upgrade(alembic_config(connection), revision)
            if raw is not None and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise RuntimeError("the migration left rows whose foreign keys point nowhere")
            connection.commit()
        finally:
            if postgres:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                connection.commit()
            if raw is not None:
                connection.rollback()
                raw.execute("PRAGMA foreign_keys=ON")


def end_unit_of_work(session: Session, *, ok: bool) -> None:
    """Commit (``ok``) or roll back the session's transaction, if one has begun. The request's unit
    of work ends here (``app.http.session``), in the handler's thread or on the finish limiter."""
    if not session.in_transaction():
        return
    if ok:
        session.commit()
    else:
        session.rollback()


def finish(session: Session, *, ok: bool) -> None:
    """End the unit of work and close the session (returns its connection to the pool)."""
    try:
        end_unit_of_work(session, ok=ok)
    finally:
        session.close()


@contextmanager
def access_record_scope(session: Session, *, failed: bool) -> Iterator[Session]:
    """Where the record of an access is written, so that it is never lost and never lies.

    - The request is not writing (a read, the usual case): the record gets its own short write
      transaction, committed now; the read itself never held the SQLite writer lock.
    - The request is writing and failed: its work is rolled back, the record of the attempt is not.
    - The request is writing and succeeded: the record joins its unit of work (committed with it).
    """
    if not is_writing(session):
        with Session(session.get_bind()) as own:
            begin_write(own)
            yield own
            own.commit()
    elif failed:
        session.rollback()
        begin_write(session)
        yield session
        session.commit()
    else:
        yield session


@contextmanager
def session_scope(engine: Engine | None = None, settings: Settings | None = None) -> Iterator[Session]:
    """A unit of work outside HTTP (CLI, scripts): commit on success, roll back on error."""
    owned = engine is None
    if engine is None:
        settings = settings or get_settings()
        engine = build_engine(settings.database_url, busy_timeout_ms=settings.busy_timeout_ms)
        if settings.auto_migrate:
            migrate(engine, timeout=settings.startup_timeout_seconds)
    try:
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
            except BaseException:
                session.rollback()
                raise
            session.commit()
    finally:
        if owned:
            engine.dispose()


T = TypeVar("T")
# Applies one unit of work on the writer's connection (inside a savepoint); its result is the
# caller's, once committed.
Apply = Callable[[Connection], T]
# Runs once per transaction, after every unit of work, with the results of those that succeeded, in
# the order they were applied (e.g. append their decision records to the hash chain in one go).
Finish = Callable[[Connection, list[T]], None]


@dataclass(slots=True)
class _Job(Generic[T]):
    apply: Apply[T]
    finish: Finish[T]
    future: Future[T] | asyncio.Future[T]
    loop: asyncio.AbstractEventLoop | None = None  # ``future`` is this loop's (``wait``)
    settled: bool = False

    def claim(self) -> bool:
        """False when the caller has given up (cancelled) before the writer took it."""
        if self.loop is None:
            return self.future.set_running_or_notify_cancel()  # type: ignore[union-attr]
        return not self.future.cancelled()


Outcome = tuple[bool, Any]  # (ok, the unit of work's result or its exception)


class _Stop:
    pass


_STOP = _Stop()


class GroupWriter:
    """Group commit: one writer thread applies queued units of work, several in one transaction.

    Whatever is queued when the writer is free (at most ``max_batch``) becomes one transaction: the
    units of work are applied in turn (one that raises is rolled back alone and its caller gets the
    exception), then each distinct ``finish`` runs once with the results of its units, in order,
    then one commit. Every future resolves after that commit returns, never before: a caller answers
    2xx only for work that is stored. Alone, a unit of work is a transaction of one, at once; under
    load, those that queued while a commit ran share the next, and once transactions are being
    shared the writer waits up to ``max_wait`` seconds for more (``group_commit_wait_ms``).

    Savepoints are taken only when needed: the units of work are first applied without (two
    statements each saved), and if one raises, the transaction is rolled back and applied again
    with a savepoint each. If the transaction fails otherwise before the commit (a ``finish``
    raised, the connection broke), each unit of work is run again alone, in a transaction of its
    own, so one never fails another. A failed begin (``DatabaseBusy``) or commit fails every unit of
    it, as it fails a request on the plain path; a commit is never attempted twice.

    On SQLite the writer takes the write lock through ``begin_write`` like every other writer; on
    PostgreSQL writers of other processes coordinate with it through row locks, as before.
    """

    def __init__(self, engine: Engine, *, max_batch: int = 64, max_wait: float = 0.0) -> None:
        self.engine, self.max_batch, self.max_wait = engine, max_batch, max_wait
        self._queue: queue.SimpleQueue[_Job[Any] | _Stop] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="safesteps-group-writer", daemon=True)
        self._closed = False
        # Outcomes for callers on event loops, held until the transaction's end (writer thread only).
        self._ready: list[tuple[_Job[Any], Outcome]] = []

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Apply what is queued, then end the writer thread."""
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()
        while True:  # anything queued after the stop (a submit racing it) is refused, not lost
            try:
                late = self._queue.get_nowait()
            except queue.Empty:
                return
            if not isinstance(late, _Stop) and late.claim():
                self._settle(late, (False, RuntimeError("the group writer has stopped")))
                self._deliver()

    def submit(self, apply: Apply[T], finish: Finish[T]) -> Future[T]:
        """Queue a unit of work; the future holds its result (or exception) once committed."""
        if self._closed:
            raise RuntimeError("the group writer has stopped")
        future: Future[T] = Future()
        self._queue.put(_Job(apply, finish, future))
        return future

    async def wait(self, apply: Apply[T], finish: Finish[T]) -> T:
        """``submit`` for a caller on an event loop: its result (or exception) once committed.

        The writer hands a transaction's outcomes to each loop in one ``call_soon_threadsafe``
        once the transaction is done, instead of a thread-safe future per unit of work chained to
        one of the loop's (``asyncio.wrap_future``: a lock, a condition, and a call and a wake-up
        on the loop for each); the outcomes are the same, at the same moment (after the commit)."""
        if self._closed:
            raise RuntimeError("the group writer has stopped")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_Job(apply, finish, future, loop))
        return await future

    def _settle(self, job: _Job[Any], outcome: Outcome) -> None:
        """Resolve the job's future now, or, for a loop's, at the end of the transaction."""
        job.settled = True
        if job.loop is not None:
            self._ready.append((job, outcome))
            return
        ok, value = outcome
        future: Future[Any] = job.future  # type: ignore[assignment]
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _deliver(self) -> None:
        """The held outcomes, to their loops: one call each."""
        ready, self._ready = self._ready, []
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[_Job[Any], Outcome]]] = {}
        for job, outcome in ready:
            assert job.loop is not None
            by_loop.setdefault(job.loop, []).append((job, outcome))
        for loop, outcomes in by_loop.items():
            try:
                loop.call_soon_threadsafe(_resolve, outcomes)
            except RuntimeError:  # the loop has closed: nobody is waiting any more
                log.warning("group writer: %d outcomes for a closed event loop", len(outcomes))

    def _run(self) -> None:
        stopping = busy = False
        while not stopping:
            first = self._queue.get()
            if isinstance(first, _Stop):
                return
            jobs: list[_Job[Any]] = [first]
            # Under concurrency (the last transaction was shared), wait up to ``max_wait`` for
            # company: a commit shared by more costs each less. Alone, nothing waits.
            deadline = time.monotonic() + (self.max_wait if busy else 0.0)
            while len(jobs) < self.max_batch:
                try:
                    queued = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if isinstance(queued, _Stop):
                    stopping = True
                    break
                jobs.append(queued)
            busy = len(jobs) > 1
            live = [job for job in jobs if job.claim()]
            try:
                self._write(live)
            except BaseException as exc:  # a bug here must not leave callers waiting forever
                log.error("group writer failed: %s", type(exc).__name__)
                for job in live:
                    if not job.settled:
                        self._settle(job, (False, exc))
            finally:
                self._deliver()

    def _write(self, jobs: list[_Job[Any]]) -> None:
        if not jobs:
            return
        try:
            try:
                # Optimistic: no savepoints (two statements per unit of work saved); if a unit of
                # work raises, all is rolled back and done again with a savepoint each. Alone, a
                # unit of work needs none: its failure rolls back its own transaction.
                outcomes = self._transaction(jobs, savepoints=False)
            except _UnitFailed as failed:
                if len(jobs) == 1:
                    self._settle(jobs[0], (False, failed.error))
                    return
                outcomes = self._transaction(jobs, savepoints=True)
        except _AllFailed as failed:
            for job in jobs:
                self._settle(job, (False, failed.error))
            return
        except Exception as exc:
            if len(jobs) == 1:
                self._settle(jobs[0], (False, exc))
                return
            for job in jobs:  # alone, so that one unit of work never fails another
                self._write([job])
            return
        for job, outcome in zip(jobs, outcomes, strict=True):
            self._settle(job, outcome)

    def _transaction(self, jobs: list[_Job[Any]], *, savepoints: bool) -> list[Outcome]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                conn = begin_write(session)
            except Exception as exc:  # e.g. DatabaseBusy: no unit of work would fare better alone
                raise _AllFailed(exc) from exc
            try:
                outcomes: list[Outcome] = []
                for job in jobs:
                    if not savepoints:
                        try:
                            outcomes.append((True, job.apply(conn)))
                        except Exception as exc:
                            raise _UnitFailed(exc) from exc
                        continue
                    savepoint = conn.begin_nested()
                    try:
                        value = job.apply(conn)
                    except Exception as exc:
                        savepoint.rollback()  # if even this fails, the whole transaction does
                        outcomes.append((False, exc))
                    else:
                        savepoint.commit()
                        outcomes.append((True, value))
                groups: dict[Finish[Any], list[Any]] = {}
                for job, (ok, value) in zip(jobs, outcomes, strict=True):
                    if ok:
                        groups.setdefault(job.finish, []).append(value)
                for finish, values in groups.items():
                    finish(conn, values)
            except BaseException:
                end_unit_of_work(session, ok=False)
                raise
            try:
                end_unit_of_work(session, ok=True)
            except Exception as exc:  # the outcome may be unknown: never done again
                raise _AllFailed(exc) from exc
        return outcomes


def _resolve(outcomes: list[tuple[_Job[Any], Outcome]]) -> None:
    """On the loop: each waiting caller's outcome (one that has given up is skipped)."""
    for job, (ok, value) in outcomes:
        future: asyncio.Future[Any] = job.future  # type: ignore[assignment]
        if future.cancelled():
            continue
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)


class _UnitFailed(Exception):
    def __init__(self, error: Exception) -> None:
        super().__init__(type(error).__name__)
        self.error = error


class _AllFailed(Exception):
    def __init__(self, error: Exception) -> None:
        super().__init__(type(error).__name__)
        self.error = error
