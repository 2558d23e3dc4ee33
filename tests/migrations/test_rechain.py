"""Migration auth2 moves existing records to the digest-covering chain format, and they verify."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from alembic import command
from sqlalchemy import text
from sqlmodel import Session

from app.db import alembic_config, build_engine
from app.services import audit


def old_format_hash(prev: str, row: dict[str, object]) -> str:
    """The chain as migration 0001 defined it: input, context and result embedded as bytes."""
    record = {k: v for k, v in row.items() if k not in ("input", "context", "result")}
    for name in ("input", "context", "result"):
        record[name] = orjson.Fragment(str(row[name]).encode())
    canonical = orjson.dumps(record, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)
    return hashlib.sha256(prev.encode() + canonical).hexdigest()


def test_existing_records_are_rechained_and_verify(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "auth1")
    prev = "0" * 64
    with engine.begin() as conn:
        for seq in (1, 2):
            row: dict[str, Any] = {
                "seq": seq,
                "decision_id": f"00000000-0000-0000-0000-00000000000{seq}",
                "incident_ref": None,  # decisions without an incident revision (see test_int1)
                "revision": None,
                "ruleset_id": "concern-for-a-child",
                "ruleset_version": "1.0.0",
                "ruleset_hash": "a" * 64,
                "engine_version": "test",
                "checklist_schema_version": 1,
                "input": '{"children":[{"full_name":"Ada Example"}]}',
                "context": '{"as_of":null,"hook":null}',
                "result": '{"blocking":true,"findings":[]}',
                "requested_by": "key:0123456789abcdef",
                "recorded_at": datetime(2026, 11, 22, 19, 45, seq, tzinfo=UTC),
            }
            digest = old_format_hash(prev, row)
            conn.execute(
                text(
                    "INSERT INTO decision_record VALUES (:seq, :decision_id, :incident_ref, :revision, "
                    ":ruleset_id, :ruleset_version, :ruleset_hash, :engine_version, "
                    ":checklist_schema_version, :input, :context, :result, :requested_by, :recorded_at, "
                    ":prev_hash, :hash)"
                ),
                {
                    **row,
                    "recorded_at": row["recorded_at"].replace(tzinfo=None),
                    "prev_hash": prev,
                    "hash": digest,
                },
            )
            prev = digest
        conn.execute(text("UPDATE decision_chain_head SET seq = 2, hash = :h"), {"h": prev})
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with Session(engine) as session:
        report = audit.verify(session)
    assert report.verified is True
    assert report.records == 2
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "auth1")
        rows = conn.execute(text("SELECT * FROM decision_record ORDER BY seq")).mappings().all()
    prev = "0" * 64
    for stored in rows:
        row = {k: v for k, v in stored.items() if k not in ("prev_hash", "hash")}
        row["recorded_at"] = datetime.fromisoformat(str(row["recorded_at"])).replace(tzinfo=UTC)
        assert stored["hash"] == old_format_hash(prev, row)
        prev = stored["hash"]
    engine.dispose()
