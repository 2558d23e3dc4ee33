"""The decision log's hash chain: what it covers, and that tampering is found."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from app.cli import app as cli
from app.models.tables import RECORDS
from app.settings import Settings, get_settings
from tests.auth import as_role
from tests.submissions import submission, url


def submit(client: TestClient, n: int) -> list[str]:
    return [client.post(url(f"WMP-{i}"), json=submission(f"WMP-{i}")).json()["decision_id"] for i in range(n)]


def tamper(conn: Connection, sql: str, **params: Any) -> None:
    """Change the log behind the service's back, as someone with database access could."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL session_replication_role = replica"))
    conn.execute(text(sql), params)


def test_hash_is_sha256_of_prev_hash_and_the_canonical_record(
    db_client: TestClient, db_engine: Engine
) -> None:
    submit(db_client, 2)
    with db_engine.connect() as conn:
        rows = conn.execute(select(RECORDS).order_by(RECORDS.c.seq)).mappings().all()
    prev = "0" * 64
    for row in rows:
        # input and result enter as their digests, and as the digests of what retention will leave
        # of them (with the pointers it will erase): so retention can erase exactly that. The marks
        # of an erasure are outside the chain (verify checks them against the erasure log).
        skip = ("prev_hash", "hash", "input", "result", "erased", "erased_at", "erasure_id")
        record = {k: v for k, v in row.items() if k not in skip}
        record["context"] = orjson.loads(row["context"])
        record["erasable"] = orjson.loads(row["erasable"])
        if record["history_changed"] is None:  # covered only when set (made with history facts)
            del record["history_changed"]
        for name in ("input", "result"):
            assert record[f"{name}_sha256"] == hashlib.sha256(row[name].encode()).hexdigest()
        canonical = orjson.dumps(record, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)
        assert row["prev_hash"] == prev
        assert row["hash"] == hashlib.sha256(prev.encode() + canonical).hexdigest()
        prev = row["hash"]


def test_an_altered_result_is_detected_at_its_record(db_client: TestClient, db_engine: Engine) -> None:
    ids = submit(db_client, 3)
    assert db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()["verified"] is True
    with db_engine.begin() as conn:
        tamper(
            conn,
            "UPDATE decision_record SET result = replace(result, :a, :b) WHERE seq = 2",
            a='"blocking":true',
            b='"blocking":false',
        )
    report = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    assert report["verified"] is False
    assert report["records"] == 1
    assert report["first_broken"] == {
        "part": "decision_record",
        "seq": 2,
        "decision_id": ids[1],
        "reason": "content_mismatch",
    }


def test_a_rehashed_record_breaks_the_next_link(db_client: TestClient, db_engine: Engine) -> None:
    ids = submit(db_client, 3)
    with db_engine.begin() as conn:
        tamper(conn, "UPDATE decision_record SET hash = :h WHERE seq = 2", h="f" * 64)
    report = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    assert report["first_broken"]["seq"] == 2
    with db_engine.begin() as conn:
        original = conn.execute(text("SELECT prev_hash FROM decision_record WHERE seq = 3")).scalar_one()
        tamper(conn, "UPDATE decision_record SET hash = :h WHERE seq = 2", h=original)
        tamper(conn, "UPDATE decision_record SET requested_by = 'someone-else' WHERE seq = 3")
    report = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    assert report["first_broken"] == {
        "part": "decision_record",
        "seq": 3,
        "decision_id": ids[2],
        "reason": "hash_mismatch",
    }


def remove(conn: Connection, seq: int) -> None:
    """Delete a record and the revision pointing at it (foreign keys would refuse otherwise)."""
    tamper(
        conn,
        "DELETE FROM checklist_revision WHERE decision_id = "
        "(SELECT decision_id FROM decision_record WHERE seq = :seq)",
        seq=seq,
    )
    tamper(conn, "DELETE FROM decision_record WHERE seq = :seq", seq=seq)


def test_removed_records_are_detected(db_client: TestClient, db_engine: Engine) -> None:
    submit(db_client, 3)
    with db_engine.begin() as conn:
        remove(conn, 3)
    assert (
        db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()["first_broken"][
            "reason"
        ]
        == "head_mismatch"
    )
    with db_engine.begin() as conn:
        remove(conn, 1)
    assert db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()[
        "first_broken"
    ] == {
        "part": "decision_record",
        "seq": 1,
        "decision_id": None,
        "reason": "gap",
    }


def test_an_empty_log_verifies(db_client: TestClient) -> None:
    report = db_client.get("/v1/audit/verify", headers=as_role(db_client, "auditor")).json()
    parts = report.pop("parts")
    assert report == {"verified": True, "records": 0, "head_hash": "0" * 64, "first_broken": None}
    assert list(parts) == [
        "erasure_log",
        "decision_record",
        "checklist_revision",
        "incident",
        "decision_feedback",
        "access_event",
    ]
    assert all(part["verified"] for part in parts.values())


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decision_record SET requested_by = 'x'",
        "DELETE FROM decision_record",
        "TRUNCATE decision_record CASCADE",
    ],
    ids=["update", "delete", "truncate"],
)
def test_postgresql_refuses_changes_to_decision_records(
    pg_client: TestClient, pg_engine: Engine, statement: str
) -> None:
    submit(pg_client, 1)
    with pytest.raises(DBAPIError, match="append-only"), pg_engine.begin() as conn:
        conn.execute(text(statement))
    assert pg_client.get("/v1/audit/verify", headers=as_role(pg_client, "auditor")).json()["records"] == 1


def test_cli_verify_reports_and_fails_on_a_broken_chain(
    db_client: TestClient, db_engine: Engine, db_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit(db_client, 2)
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", db_settings.database_url)
    get_settings.cache_clear()
    try:
        ok = CliRunner().invoke(cli, ["audit", "verify"])
        assert ok.exit_code == 0, ok.output
        assert orjson.loads(ok.stdout)["records"] == 2
        with db_engine.begin() as conn:
            tamper(conn, "UPDATE decision_record SET input = input || ' ' WHERE seq = 1")
        broken = CliRunner().invoke(cli, ["audit", "verify"])
        assert broken.exit_code == 1
        assert orjson.loads(broken.stdout)["first_broken"]["seq"] == 1
    finally:
        get_settings.cache_clear()
