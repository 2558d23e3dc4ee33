"""The write path's statements on the driver (``statements.run``/``run_many``) store and answer
exactly what ``Connection.execute`` does: the same rows in every table, the same responses, the same
errors, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Executable

from app.db import build_engine
from app.models.tables import HEAD
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import idempotency, integrity, statements, submissions
from app.settings import Settings
from tests.history_support import body, child, history_registry, pseudonymiser
from tests.submissions import submission

NOW = datetime(2026, 11, 30, 12, 0, 0, 123456, tzinfo=UTC)
TABLES = (
    "incident",
    "checklist_revision",
    "idempotency_key",
    "decision_record",
    "decision_chain_head",
    "audit_decision",
    "audit_finding",
    "audit_step_day",
    "audit_decision_day",
    "person_history",
)
SERIAL = {"id", "incident_id"}  # PostgreSQL's sequences are not rolled back with a savepoint


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=1)
    yield engine
    engine.dispose()


def _plain_run(conn: Connection, stmt: Executable, params: Mapping[str, Any] | None = None) -> list[Any]:
    result = conn.execute(stmt, dict(params or {}))
    return [tuple(row) for row in result] if result.returns_rows else []


def _plain_run_many(conn: Connection, stmt: Executable, rows: Sequence[Mapping[str, Any]]) -> None:
    conn.execute(stmt, [dict(row) for row in rows])


def _prepared(registry: RulesetRegistry, ref: str, key: str | None, base: int | None, hook: str) -> Any:
    body = SubmissionCreate.model_validate(submission(ref, hook=hook))
    return submissions.prepare(
        registry, ref, body, idempotency_key=key, base_revision=base, requested_by="key:t"
    )


def _snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table the write path touches, as the driver returns it (SQLite: the stored text)."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        columns = [c["name"] for c in inspect(conn).get_columns(table) if c["name"] not in SERIAL]
        listed = ", ".join(columns)
        rows = conn.exec_driver_sql(f"SELECT {listed} FROM {table} ORDER BY {listed}").all()
        found[table] = [tuple(row) for row in rows]
    return found


def _items(registry: RulesetRegistry) -> list[Any]:
    """New incident, next revision, stale base, a retry, a key reused with another body, no key,
    a second incident."""
    return [
        _prepared(registry, "WMP-DRV-1", "k1", None, "scene.arrival"),
        _prepared(registry, "WMP-DRV-1", "k2", 1, "scene.depart"),
        _prepared(registry, "WMP-DRV-1", "k3", 7, "scene.depart"),
        _prepared(registry, "WMP-DRV-1", "k1", None, "scene.arrival"),
        _prepared(registry, "WMP-DRV-1", "k2", None, "call.intake"),
        _prepared(registry, "WMP-DRV-1", None, 2, "scene.depart"),
        _prepared(registry, "WMP-DRV-2", None, None, "call.intake"),
        _with_history(),
    ]


def _with_history() -> Any:
    """A submission about identified children: its ``person_history`` rows are written too."""
    children = [child("C1", ref="PNC-DRV-1"), child("C2", name="Sam Example", born="2015-03-02")]
    return submissions.prepare(
        history_registry(),
        "WMP-DRV-3",
        body("WMP-DRV-3", children, as_of=NOW),
        idempotency_key="k4",
        base_revision=None,
        requested_by="key:t",
        pseudonymiser=pseudonymiser(),
    )


def _write(conn: Connection, registry: RulesetRegistry, items: list[Any]) -> list[Any]:
    """Each item in a savepoint (as a batch does), then one append of the stored ones with their
    aggregates."""
    conn.info.pop(idempotency.PENDING, None)  # as a new write transaction begins
    outcomes: list[Any] = []
    stored = []
    for item in items:
        savepoint = conn.begin_nested()
        try:
            done = submissions.store(conn, item, "key:t", NOW)
        except Exception as exc:
            savepoint.rollback()
            outcomes.append((type(exc).__name__, str(exc)))
            continue
        savepoint.commit()
        outcomes.append((done.revision, done.response, done.status_code, done.replayed))
        stored.append(done)
    submissions._finisher(registry)(conn, stored)
    return outcomes


def test_the_write_path_on_the_driver_stores_and_answers_as_connection_execute(
    engine: Engine, registry: RulesetRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integrity, "new_salt", lambda: "00" * 16)  # the same commitments both times
    seen, items = [], _items(registry)
    with engine.connect() as conn, conn.begin():
        for plain in (True, False):
            with monkeypatch.context() as patch:
                if plain:
                    patch.setattr(statements, "run", _plain_run)
                    patch.setattr(statements, "run_many", _plain_run_many)
                savepoint = conn.begin_nested()
                outcomes = _write(conn, registry, items)
                seen.append((outcomes, _snapshot(conn)))
                savepoint.rollback()
    (plain_outcomes, plain_rows), (outcomes, rows) = seen
    assert [o[0] for o in plain_outcomes] == [1, 2, "StaleRevision", 1, "IdempotencyConflict", 3, 1, 1]
    assert outcomes == plain_outcomes
    assert rows == plain_rows
    assert len(rows["decision_record"]) == 5
    assert len(rows["person_history"]) == 3  # two children and the address
    assert rows["audit_finding"]


@pytest.mark.parametrize("many", [False, True])
def test_a_driver_error_is_raised_as_sqlalchemys(engine: Engine, many: bool) -> None:
    """What callers tell apart (``retryable``, ``IntegrityError``) comes through as before."""
    head = {"id": statements.HEAD_ID, "seq": 0, "hash": "0" * 64}
    errors: list[type[BaseException] | None] = []
    runs: list[Callable[[Connection], Any]] = [
        lambda conn: conn.execute(HEAD.insert(), head),
        lambda conn: (
            statements.run_many(conn, HEAD.insert(), [head])
            if many
            else statements.run(conn, HEAD.insert(), head)
        ),
    ]
    with engine.connect() as conn, conn.begin():
        for write in runs:
            savepoint = conn.begin_nested()
            with pytest.raises(IntegrityError) as raised:  # the head row is there already
                write(conn)
            savepoint.rollback()
            errors.append(type(raised.value.orig) if raised.value.orig is not None else None)
    assert errors[0] is errors[1]
