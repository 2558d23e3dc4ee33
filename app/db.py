"""Engines, sessions and the one place a unit of work commits.

- ``build_engine`` makes the engine from settings (called by the app's lifespan and the CLI; nothing
  connects at import). SQLite gets WAL, ``synchronous=NORMAL``, foreign keys and a busy timeout.
- ``SessionDep``: the request's session. It commits once after the handler returns (before the
  response is sent) and rolls back on any error; ``UnitOfWorkRoute`` does that in the handler's own
  thread. Services ``flush()``, never ``commit()``.
- ``session_scope()``: the same unit of work for the CLI and scripts.
- ``begin_write(session)``: call first in a service that writes. On SQLite it starts the transaction
  with ``BEGIN IMMEDIATE`` (the write lock up front, so two writers never deadlock upgrading read
  locks) behind an in-process writer lock (threads queue on a mutex instead of SQLite's sleeping
  busy handler). On PostgreSQL it does nothing: writers coordinate through row locks.
- ``migrate(engine)``: ``alembic upgrade head``; run on startup when ``auto_migrate`` is on.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from alembic import command
from alembic.config import Config
from fastapi import Depends, Request
from fastapi.routing import APIRoute
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
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


def _finish(session: Session, commit: bool) -> None:
    try:
        if commit and session.in_transaction():
            session.commit()
    finally:
        session.close()


def _in_unit_of_work(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Run a sync handler and finish its request session in the same worker thread.

    The SQLite writer lock taken by ``begin_write`` is then never held across a thread hop, and the
    request saves a hop (measurable CPU under load). Handlers without a session are unchanged.
    """

    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        session = next((v for v in kwargs.values() if isinstance(v, Session)), None)
        if session is None:
            return endpoint(*args, **kwargs)
        try:
            result = endpoint(*args, **kwargs)
        except BaseException:
            session.rollback()
            raise
        if session.in_transaction():
            session.commit()
        return result

    return run


class UnitOfWorkRoute(APIRoute):
    """Route class for routers whose handlers use ``SessionDep``: the commit happens in the
    handler's thread, right after it returns, and before the response is built."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            endpoint = _in_unit_of_work(endpoint)
        super().__init__(path, endpoint, **kwargs)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's unit of work: commit once when the handler returns, roll back on error.

    Opening a session does no I/O (it connects on first use), so it happens on the event loop. On
    routes with ``UnitOfWorkRoute`` the handler's thread has already committed; otherwise the commit
    (or rollback) and close run on a thread from a limiter of their own, never queued behind
    handlers that may be waiting for the SQLite writer lock that only this commit releases.
    """
    session = Session(request.app.state.engine, expire_on_commit=False)
    limiter = request.app.state.finish_limiter
    try:
        yield session
    except BaseException:
        if session.in_transaction():
            await anyio.to_thread.run_sync(_finish, session, False, limiter=limiter)
        session.close()
        raise
    if session.in_transaction():
        await anyio.to_thread.run_sync(_finish, session, True, limiter=limiter)
    session.close()


# scope="function": the commit runs when the handler returns, before the response is sent, so a
# failed commit becomes an error response instead of a success that never happened.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


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
