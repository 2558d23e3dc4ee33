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
- ``migrate(engine)``: ``alembic upgrade head``; run on startup when ``auto_migrate`` is on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.errors import DatabaseBusy
from app.settings import PROJECT_ROOT, Settings, get_settings

MIGRATIONS = PROJECT_ROOT / "migrations"
# Set by begin_write() around the call that makes the session connect, read by the "begin" hook in
# the same thread. (Cheaper than execution options, which branch the connection on every request.)
_write_intent = threading.local()
_LOCK_HELD = "safesteps_write_lock_held"
# Arbitrary constant: the key of the advisory lock that serialises migrations across replicas.
_MIGRATION_LOCK = 7_260_451_001


def build_engine(url: str, *, busy_timeout_ms: int = 5000, pool_size: int = 10) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2, pool_pre_ping=False)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        pool_size=pool_size,
        max_overflow=pool_size * 2,
    )
    _configure_sqlite(engine, busy_timeout_ms)
    return engine


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
        return session.connection()
    finally:
        _write_intent.active = False


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


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema. Processes starting together take turns: on PostgreSQL through an advisory
    lock, on SQLite by running the whole upgrade in one ``BEGIN IMMEDIATE`` transaction."""
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            connection.commit()
        else:
            _write_intent.active = True
            try:
                connection.begin()
            finally:
                _write_intent.active = False
        try:
            command.upgrade(alembic_config(connection), revision)
            connection.commit()
        finally:
            if postgres:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                connection.commit()


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
            migrate(engine)
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
