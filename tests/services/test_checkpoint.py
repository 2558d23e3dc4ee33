"""Signed checkpoints catch what nothing inside the database can: the whole tail and the head
rewritten together, consistently (as the database superuser could)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, select, text
from typer.testing import CliRunner

from app.cli import app as cli
from app.db import build_engine
from app.main import create_app
from app.models.tables import RECORDS
from app.services import audit, checkpoint, integrity
from app.settings import Settings, get_settings
from tests.auth import as_role
from tests.services.test_tamper import tamper
from tests.submissions import submission, url

SEED, PUBLIC = checkpoint.new_key()


@pytest.fixture
def env(db_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", db_settings.database_url)
    monkeypatch.setenv("SAFESTEPS_CHECKPOINT_SIGNING_KEY", SEED)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, dict[str, Any] | str]:
    result = CliRunner().invoke(cli, list(args))
    try:
        return result.exit_code, orjson.loads(result.stdout)
    except orjson.JSONDecodeError:
        return result.exit_code, result.output


def fill(client: TestClient, n: int = 3) -> None:
    for i in range(n):
        assert client.post(url(f"WMP-{i}"), json=submission(f"WMP-{i}")).status_code == 201
    assert client.get("/v1/incidents/WMP-0", headers=as_role(client, "auditor")).status_code == 200


def take(tmp_path: Path) -> Path:
    target = tmp_path / "checkpoint.json"
    code, output = run("audit", "checkpoint", "--out", str(target))
    assert code == 0, output
    return target


def rewrite_decisions_from(conn: Connection, seq: int) -> None:
    """Change a record and re-link every later one and the head: a consistent forgery."""
    tamper(conn, "UPDATE decision_record SET requested_by = 'key:forged000000000' WHERE seq = :s", s=seq)
    prev = conn.execute(text("SELECT hash FROM decision_record WHERE seq = :s"), {"s": seq - 1}).scalar_one()
    rows = conn.execute(select(RECORDS).where(RECORDS.c.seq >= seq).order_by(RECORDS.c.seq))
    for row in rows.mappings().all():
        digest = audit.chain_hash(prev, audit.record_bytes(row["seq"], row))
        tamper(
            conn,
            "UPDATE decision_record SET prev_hash = :p, hash = :h WHERE seq = :s",
            p=prev,
            h=digest,
            s=row["seq"],
        )
        prev = digest
    tamper(conn, "UPDATE decision_chain_head SET hash = :h", h=prev)


def test_the_log_extends_its_checkpoint_after_more_work(
    db_client: TestClient, env: None, tmp_path: Path
) -> None:
    fill(db_client)
    saved = take(tmp_path)
    statement = orjson.loads(saved.read_bytes())["statement"]
    assert statement["chains"]["decision_record"]["length"] == 3
    assert statement["key_id"] == checkpoint.key_id(checkpoint.load_public_key(PUBLIC))
    fill(db_client, 2)
    code, output = run("audit", "verify", "--checkpoint", str(saved))
    assert code == 0, output
    assert isinstance(output, dict)
    assert output["checkpoint"] == {"verified": True, "issued_at": statement["issued_at"]}


def test_a_whole_tail_and_head_rewrite_passes_verify_but_not_the_checkpoint(
    db_client: TestClient, db_engine: Engine, env: None, tmp_path: Path
) -> None:
    fill(db_client)
    saved = take(tmp_path)
    with db_engine.begin() as conn:
        rewrite_decisions_from(conn, 2)
    code, output = run("audit", "verify")
    assert code == 0, output  # nothing inside the database tells
    code, output = run("audit", "verify", "--checkpoint", str(saved))
    assert code == 1
    assert isinstance(output, dict)
    assert output["checkpoint"]["reason"] == "rewritten_since_checkpoint"
    assert output["checkpoint"]["chain"] == "decision_record"


def test_a_log_cut_back_below_its_checkpoint_is_caught(
    db_client: TestClient, db_engine: Engine, env: None, tmp_path: Path
) -> None:
    fill(db_client)
    saved = take(tmp_path)
    with db_engine.begin() as conn:
        first = conn.execute(text("SELECT hash FROM decision_record WHERE seq = 2")).scalar_one()
        tamper(conn, "DELETE FROM checklist_revision WHERE number = 1 AND incident_id = 3")
        tamper(conn, "DELETE FROM incident WHERE id = 3")
        tamper(conn, "DELETE FROM decision_record WHERE seq = 3")
        tamper(conn, "UPDATE decision_chain_head SET seq = 2, hash = :h", h=first)
    assert run("audit", "verify")[0] == 0
    code, output = run("audit", "verify", "--checkpoint", str(saved))
    assert code == 1
    assert isinstance(output, dict)
    assert (output["checkpoint"]["reason"], output["checkpoint"]["chain"]) == (
        "shorter_than_checkpoint",
        "decision_record",
    )


def test_a_rewritten_access_audit_is_caught_by_the_checkpoint(
    db_client: TestClient, db_engine: Engine, env: None, tmp_path: Path
) -> None:
    fill(db_client)
    saved = take(tmp_path)
    with db_engine.begin() as conn:
        tamper(conn, "UPDATE access_event SET principal_id = 'key:0000000000000000'")
        prev = "0" * 64
        events = integrity.ACCESS_EVENTS.table
        for row in conn.execute(select(events).order_by(events.c.id)).mappings().all():
            digest = integrity.link(integrity.ACCESS_EVENTS, prev, row["id"], row)
            tamper(
                conn,
                "UPDATE access_event SET prev_hash = :p, hash = :h WHERE id = :i",
                p=prev,
                h=digest,
                i=row["id"],
            )
            prev = digest
        tamper(conn, "UPDATE chain_head SET hash = :h WHERE name = 'access_event'", h=prev)
    code, output = run("audit", "verify", "--checkpoint", str(saved))
    assert code == 1
    assert isinstance(output, dict)
    assert output["parts"]["access_event"]["verified"] is True
    assert output["checkpoint"]["chain"] == "access_event"


def test_an_altered_or_foreign_checkpoint_is_refused_in_one_line(
    db_client: TestClient, env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db_client)
    saved = take(tmp_path)
    document = orjson.loads(saved.read_bytes())
    document["statement"]["chains"]["decision_record"]["length"] = 1
    altered = tmp_path / "altered.json"
    altered.write_bytes(orjson.dumps(document))
    code, output = run("audit", "verify", "--checkpoint", str(altered))
    assert code == 1
    assert isinstance(output, str)
    assert "signature does not verify" in output
    assert "Traceback" not in output
    assert [line for line in output.splitlines() if "error" in line] == [
        f"error: {altered}: the signature does not verify: the file was altered"
    ]

    other_seed, _ = checkpoint.new_key()
    monkeypatch.setenv("SAFESTEPS_CHECKPOINT_SIGNING_KEY", other_seed)
    get_settings.cache_clear()
    code, output = run("audit", "verify", "--checkpoint", str(saved))
    assert code == 1
    assert "another key" in str(output)
    # An auditor elsewhere needs only the public key.
    monkeypatch.delenv("SAFESTEPS_CHECKPOINT_SIGNING_KEY")
    monkeypatch.setenv("SAFESTEPS_CHECKPOINT_PUBLIC_KEY", PUBLIC)
    get_settings.cache_clear()
    assert run("audit", "verify", "--checkpoint", str(saved))[0] == 0
    assert SEED not in saved.read_text()


def test_checkpoint_without_a_key_says_what_to_do(
    db_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", db_settings.database_url)
    monkeypatch.delenv("SAFESTEPS_CHECKPOINT_SIGNING_KEY", raising=False)
    get_settings.cache_clear()
    try:
        code, output = run("audit", "checkpoint")
    finally:
        get_settings.cache_clear()
    assert code == 1
    assert "safesteps audit keygen" in str(output)


def test_periodic_checkpoints_are_written_by_the_service(db_settings: Settings, tmp_path: Path) -> None:
    directory = tmp_path / "anchors"
    settings = Settings(
        **{
            **db_settings.model_dump(),
            "checkpoint_signing_key": SEED,
            "checkpoint_dir": directory,
            "checkpoint_interval_seconds": 3600,
        }
    )
    with TestClient(create_app(settings)):
        for _ in range(100):
            if list(directory.glob("checkpoint-*.json")):
                break
            time.sleep(0.05)
    files = list(directory.glob("checkpoint-*.json"))
    assert len(files) == 1
    statement = orjson.loads(files[0].read_bytes())["statement"]
    assert set(statement["chains"]) == {"decision_record", "erasure_log", "decision_feedback", "access_event"}
    # Another process in the same interval does not write a second file.
    db = build_engine(settings.database_url)
    try:
        writer = checkpoint.PeriodicCheckpoints(db, checkpoint.load_private_key(SEED), directory, 3600)
        assert writer.write_once() is None
    finally:
        db.dispose()


def test_periodic_checkpoints_need_a_directory_and_a_key() -> None:
    with pytest.raises(ValueError, match="checkpoint_dir and checkpoint_signing_key"):
        Settings(checkpoint_interval_seconds=60)
