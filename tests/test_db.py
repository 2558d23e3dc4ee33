"""Engine set-up, the request unit of work, and the database made on first start."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from app.db import begin_write, build_engine, migrate, session_scope
from app.main import create_app
from app.settings import Settings
from tests.auth import as_role
from tests.submissions import submission, url


def test_sqlite_connections_get_wal_synchronous_normal_and_foreign_keys(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'p.db'}", busy_timeout_ms=1234)
    with engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "foreign_keys": 1, "busy_timeout": 1234}


def test_first_start_creates_and_migrates_the_sqlite_file(tmp_path: Path) -> None:
    target = tmp_path / "data" / "fresh.db"
    settings = Settings(environment="test", database_url=f"sqlite:///{target}")
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
    engine = build_engine(settings.database_url)
    try:
        assert "decision_record" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_session_scope_commits_on_success_and_rolls_back_on_error(tmp_path: Path) -> None:
    settings = Settings(environment="test", database_url=f"sqlite:///{tmp_path / 's.db'}")
    with session_scope(settings=settings) as session:
        session.execute(text("UPDATE decision_chain_head SET seq = 5"))
    try:
        with session_scope(settings=settings) as session:
            session.execute(text("UPDATE decision_chain_head SET seq = 9"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with session_scope(settings=settings) as session:
        assert session.execute(text("SELECT seq FROM decision_chain_head")).scalar_one() == 5


def test_a_writer_that_cannot_get_the_lock_gets_503_and_nothing_is_stored(tmp_path: Path) -> None:
    target = tmp_path / "busy.db"
    settings = Settings(environment="test", database_url=f"sqlite:///{target}", busy_timeout_ms=50)
    with TestClient(create_app(settings)) as client:
        client.headers.update(as_role(client, "mdt"))  # the key is made before the lock is taken
        other = sqlite3.connect(target, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        try:
            response = client.post(url(), json=submission())
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert response.status_code == 503
        assert response.json()["error"] == "database_busy"
        assert response.headers["Retry-After"] == "1"
        assert client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()["records"] == 0
        assert client.post(url(), json=submission()).status_code == 201


def test_begin_write_must_open_the_unit_of_work(tmp_path: Path) -> None:
    settings = Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'w.db'}")
    with session_scope(settings=settings) as session:
        session.execute(text("SELECT 1"))
        with pytest.raises(RuntimeError, match="must come first"):
            begin_write(session)


def test_more_writers_than_worker_threads_do_not_deadlock(tmp_path: Path) -> None:
    # Two worker threads, eight concurrent submissions: handlers waiting for the SQLite writer lock
    # hold both threads, so the commit that releases the lock must not need one of them.
    settings = Settings(
        environment="test",
        database_url=f"sqlite:///{tmp_path / 'tp.db'}",
        threadpool_size=2,
        busy_timeout_ms=3000,
    )
    with TestClient(create_app(settings)) as client, ThreadPoolExecutor(8) as pool:
        client.headers.update(as_role(client, "mdt"))
        refs = [f"WMP-TP-{i}" for i in range(8)]
        statuses = list(pool.map(lambda ref: client.post(url(ref), json=submission(ref)).status_code, refs))
        assert statuses == [201] * 8
        assert client.get("/v1/audit/verify", headers=as_role(client, "auditor")).json()["records"] == 8


def test_processes_starting_together_migrate_one_after_the_other(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.db'}"
    engines = [build_engine(url) for _ in range(3)]  # separate engines stand for separate processes
    try:
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(migrate, engines))
        with engines[0].connect() as conn:
            assert conn.execute(text("SELECT seq FROM decision_chain_head")).all() == [(0,)]
    finally:
        for engine in engines:
            engine.dispose()
