"""``statements.insert_rows`` stores exactly what the plain statement stores: the same rows, with the
same values and types, and an upsert adds up as ``insert ... on conflict do update`` does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, Table, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from app.db import build_engine
from app.models.tables import RECORDS
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import audit, statements, submissions
from app.services.aggregates import DAY_COUNTS, DAY_KEY, DECISION_DAYS, DECISIONS, FINDINGS
from app.settings import Settings
from tests.submissions import submission

AT = datetime(2026, 11, 30, 23, 59, 58, 123456, tzinfo=UTC)


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=1)
    yield engine
    engine.dispose()


def _decision(seq: int, history_changed: bool | None) -> dict[str, Any]:
    return {
        "seq": seq,
        "decision_id": f"00000000-0000-4000-8000-{seq:012d}",
        "incident_ref": None if seq == 2 else f"WMP-{seq}",
        "revision": None if seq == 2 else seq,
        "force": "WMP",
        "day": date(2026, 11, 30),
        "recorded_at": AT,
        "hook": "scene.arrival",
        "ruleset": "missing-child@1.3.0",
        "blocking": seq % 2 == 0,
        "critical_open": True,
        "history_changed": history_changed,
    }


def _finding(seq: int, rule: str) -> dict[str, Any]:
    return {
        "seq": seq,
        "rule_id": rule,
        "step_id": f"step-{rule}",
        "severity": "critical",
        "outcome": "missing",
        "basis": "",
        "force": "WMP",
        "day": date(2026, 11, 30),
        "hook": "all",
        "blocking": False,
        "critical_open": False,
        "history_changed": None,
    }


def _day(force: str, n: int) -> dict[str, Any]:
    return {
        "force": force,
        "day": date(2026, 11, 30),
        "ruleset": "missing-child@1.3.0",
        "hook": "scene.arrival",
        **dict.fromkeys(DAY_COUNTS, n),
    }


def _stored(conn: Connection, table: Table) -> list[tuple[Any, ...]]:
    rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
    conn.execute(delete(table))
    return [tuple(row) for row in rows]


def _plain_upsert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    stmt: Any = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(DECISION_DAYS)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(DAY_KEY), set_={c: DECISION_DAYS.c[c] + stmt.excluded[c] for c in DAY_COUNTS}
    )
    conn.execute(stmt, rows)


def test_inserted_rows_equal_the_plain_insert(engine: Engine) -> None:
    decisions = [_decision(1, None), _decision(2, True), _decision(3, False)]
    findings = [_finding(1, "r1"), _finding(1, "r2"), _finding(3, "r1")]
    with engine.begin() as conn:
        for table, rows in ((DECISIONS, decisions), (FINDINGS, findings)):
            conn.execute(insert(table), rows)
            plain = _stored(conn, table)
            statements.insert_rows(conn, table, rows)
            assert _stored(conn, table) == plain
            conn.execute(insert(table), rows)
            raw = _raw(conn, table)
            conn.execute(delete(table))
            statements.insert_rows(conn, table, rows)
            assert _raw(conn, table) == raw
            conn.execute(delete(table))
            assert len(plain) == len(rows)
        statements.insert_rows(conn, DECISIONS, [])  # nothing to insert: no statement
        assert _stored(conn, DECISIONS) == []


def test_upserted_rows_add_up_as_the_plain_upsert(engine: Engine) -> None:
    first, second = [_day("WMP", 1), _day("BTP", 2)], [_day("WMP", 3), _day("MET", 4)]
    with engine.begin() as conn:
        _plain_upsert(conn, first)
        _plain_upsert(conn, second)
        plain = _stored(conn, DECISION_DAYS)
        for rows in (first, second):
            statements.insert_rows(conn, DECISION_DAYS, rows, key=DAY_KEY, add=DAY_COUNTS)
        stored = _stored(conn, DECISION_DAYS)
    assert stored == plain
    assert {row[0]: row[4] for row in stored} == {"WMP": 4, "BTP": 2, "MET": 4}


def _raw(conn: Connection, table: Table) -> list[tuple[Any, ...]]:
    """The rows as the driver returns them (SQLite: the stored text of dates and times)."""
    order = ", ".join(c.name for c in table.primary_key.columns)
    return [tuple(row) for row in conn.exec_driver_sql(f"SELECT * FROM {table.name} ORDER BY {order}")]


def test_decision_records_are_stored_as_the_plain_insert_stores_them(
    engine: Engine, registry: RulesetRegistry
) -> None:
    """``audit.append`` inserts a group's records with ``insert_rows``: the same stored values."""
    rows = []
    for seq, (ref, hook) in enumerate(
        (("WMP-1", "scene.depart"), ("WMP-2", None), ("WMP-3", "call.intake")), 1
    ):
        item = submissions.prepare(
            registry,
            ref,
            SubmissionCreate.model_validate(submission(ref, hook=hook)),
            idempotency_key=None,
            base_revision=None,
            requested_by="key:t",
        )
        row = audit._row(item.record.model_copy(update={"revision": seq, "recorded_at": AT}))
        rows.append(
            {
                **row,
                "history_changed": (None, True, False)[seq - 1],
                "seq": seq,
                "prev_hash": "0" * 64,
                "hash": f"{seq:064d}",
            }
        )
    stored = []
    with engine.connect() as conn, conn.begin():
        for write in (
            lambda: conn.execute(insert(RECORDS), rows),
            lambda: statements.insert_rows(conn, RECORDS, rows),
        ):
            savepoint = conn.begin_nested()
            write()
            stored.append((_raw(conn, RECORDS), _stored_rows(conn, RECORDS)))
            savepoint.rollback()
    assert stored[1] == stored[0]
    assert len(stored[0][0]) == 3


def _stored_rows(conn: Connection, table: Table) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))]
