"""SQLite start-up: processes starting together wait for the migrating one, however slow the
machine, within a clear start-up timeout; the file is private and erased pages are zeroed."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import StartupTimeout, build_engine, migrate
from app.settings import PROJECT_ROOT


def hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    """Another process migrating slowly: the write lock held for ``seconds``."""
    ready = threading.Event()

    def run() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=run)
    thread.start()
    ready.wait()
    return thread


def test_a_process_waits_past_its_busy_timeout_for_a_slow_migration(tmp_path: Path) -> None:
    path = tmp_path / "slow.db"
    sqlite3.connect(path).close()
    holder = hold_write_lock(path, 1.5)
    engine = build_engine(f"sqlite:///{path}", busy_timeout_ms=100)  # far shorter than the hold
    try:
        started = time.monotonic()
        migrate(engine, timeout=60)
        assert time.monotonic() - started >= 1.0  # it really waited for the other one
        with engine.connect() as conn:
            assert conn.execute(text("SELECT seq FROM decision_chain_head")).all() == [(0,)]
    finally:
        holder.join()
        engine.dispose()


def test_the_start_up_timeout_ends_the_wait_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "stuck.db"
    sqlite3.connect(path).close()
    holder = hold_write_lock(path, 2.0)
    engine = build_engine(f"sqlite:///{path}", busy_timeout_ms=50)
    try:
        with pytest.raises(
            StartupTimeout, match=r"stayed locked for 0.5 s .*SAFESTEPS_STARTUP_TIMEOUT_SECONDS"
        ):
            migrate(engine, timeout=0.5)
    finally:
        holder.join()
        engine.dispose()


def test_processes_starting_together_all_come_up(tmp_path: Path) -> None:
    """Real processes, each with a busy timeout much shorter than a migration takes."""
    url = f"sqlite:///{tmp_path / 'race.db'}"
    code = (
        "import sys; from app.db import build_engine, migrate; "
        "e = build_engine(sys.argv[1], busy_timeout_ms=20); migrate(e, timeout=120); e.dispose()"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, url], cwd=PROJECT_ROOT, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=180)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [e[-500:] for e in errors]
    engine = build_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT seq FROM decision_chain_head")).all() == [(0,)]
    finally:
        engine.dispose()


def test_the_database_file_is_private_and_erased_pages_are_zeroed(tmp_path: Path) -> None:
    path = tmp_path / "data" / "private.db"
    engine = build_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
            conn.exec_driver_sql("CREATE TABLE t (x TEXT)")
            conn.commit()
        for file in path.parent.iterdir():  # the database, its WAL and shared-memory files
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        engine.dispose()
