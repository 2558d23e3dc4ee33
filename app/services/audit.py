"""The decision log: append records to the hash chain, and verify the chain.

Each record's hash is ``SHA-256(prev_hash + canonical record)``, where the canonical record is
``canonical_json`` of every stored column except ``prev_hash`` and ``hash``, with ``input``,
``context`` and ``result`` embedded as the exact canonical JSON bytes that are stored. The first
record's ``prev_hash`` is 64 zeros. ``decision_chain_head`` holds the last ``seq`` and ``hash``: it
is the lock appenders queue on, and verify checks the chain ends where the head says, so records
removed from the end are detected too.

Appends must run inside the unit of work that stores what the decision is about, after everything
else (the head row lock is taken last, so the time it is held is short and locks are always taken
in the same order: incident rows, then the chain head).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from typing import Any

import orjson
from sqlalchemy import Connection, RowMapping, select
from sqlmodel import Session

from app.models.decision import GENESIS_HASH, PendingRecord
from app.models.tables import RECORDS
from app.rules.canonical import canonical_json, sha256_hex
from app.schemas.decisions import AuditVerification, ChainBreak
from app.services import statements


def content_sha256(value: bytes | str) -> str:
    return sha256_hex(value if isinstance(value, bytes) else value.encode("utf-8"))


def record_bytes(seq: int, record: PendingRecord | Mapping[str, Any] | RowMapping) -> bytes:
    """The canonical form of a record that its hash covers.

    ``input`` and ``result`` enter as their SHA-256 (stored in ``input_sha256``/``result_sha256``):
    retention may erase personal content from them and the chain still verifies.
    """
    get: Callable[[str], Any] = (
        record.__getitem__ if isinstance(record, Mapping | RowMapping) else record.__getattribute__
    )

    def raw(name: str) -> orjson.Fragment:
        value = get(name)
        return orjson.Fragment(value if isinstance(value, bytes) else str(value).encode("utf-8"))

    def digest(name: str) -> str:
        if isinstance(record, PendingRecord):
            return content_sha256(get(name))
        stored: str = get(f"{name}_sha256")
        return stored

    return canonical_json(
        {
            "seq": seq,
            "decision_id": get("decision_id"),
            "incident_ref": get("incident_ref"),
            "revision": get("revision"),
            "ruleset_id": get("ruleset_id"),
            "ruleset_version": get("ruleset_version"),
            "ruleset_hash": get("ruleset_hash"),
            "engine_version": get("engine_version"),
            "checklist_schema_version": get("checklist_schema_version"),
            "input_sha256": digest("input"),
            "context": raw("context"),
            "result_sha256": digest("result"),
            "requested_by": get("requested_by"),
            "recorded_at": get("recorded_at"),
        }
    )


def chain_hash(prev_hash: str, record: bytes) -> str:
    return sha256_hex(prev_hash.encode("ascii") + record)


def append(conn: Connection, pending: Sequence[PendingRecord]) -> None:
    """Append records in order. Serialised by the chain-head row lock (PostgreSQL) or by the
    SQLite write transaction the caller opened with ``begin_write``."""
    if not pending:
        return
    head = conn.execute(statements.LOCK_HEAD).one()
    seq, prev = head.seq, head.hash
    rows = []
    for record in pending:
        seq += 1
        digest = chain_hash(prev, record_bytes(seq, record))
        rows.append(
            {
                "seq": seq,
                "decision_id": record.decision_id,
                "incident_ref": record.incident_ref,
                "revision": record.revision,
                "ruleset_id": record.ruleset_id,
                "ruleset_version": record.ruleset_version,
                "ruleset_hash": record.ruleset_hash,
                "engine_version": record.engine_version,
                "checklist_schema_version": record.checklist_schema_version,
                "input": record.input.decode("utf-8"),
                "context": record.context.decode("utf-8"),
                "result": record.result.decode("utf-8"),
                "input_sha256": content_sha256(record.input),
                "result_sha256": content_sha256(record.result),
                "requested_by": record.requested_by,
                "recorded_at": record.recorded_at,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if len(rows) == 1 and conn.dialect.name == "postgresql":
        conn.execute(statements.INSERT_RECORD_MOVING_HEAD, {**rows[0], "new_seq": seq, "new_hash": prev})
        return
    conn.execute(statements.INSERT_RECORDS, rows)
    conn.execute(statements.MOVE_HEAD, {"new_seq": seq, "new_hash": prev})


def content_matches(row: RowMapping) -> bool:
    """``input`` and ``result`` still hash to what the chain recorded, unless retention erased them."""
    erased: list[str] = orjson.loads(row["erased"]) if row["erased"] else []
    for name in ("input", "result"):
        if any(p.startswith(f"/{name}/") for p in erased):
            continue  # erased on purpose; its digest (in the chain) still stands for the original
        if content_sha256(row[name]) != row[f"{name}_sha256"]:
            return False
    return True


def verify(session: Session, *, batch: int = 1000) -> AuditVerification:
    """Recompute every link. Memory stays flat: records stream in ``seq`` order."""
    head = session.execute(statements.READ_HEAD).one()
    columns = [c for c in RECORDS.c if c.name != "hash"] + [RECORDS.c.hash]
    query = select(*columns).where(RECORDS.c.seq <= head.seq).order_by(RECORDS.c.seq)
    expected, prev, checked = 1, GENESIS_HASH, 0
    broken: ChainBreak | None = None
    # A server-side cursor on PostgreSQL: close it even when stopping at a broken link.
    with closing(session.execute(query, execution_options={"yield_per": batch})) as rows:
        for row in rows.mappings():
            if row["seq"] != expected:
                broken = ChainBreak(seq=expected, decision_id=None, reason="gap")
            elif row["prev_hash"] != prev:
                broken = ChainBreak(
                    seq=row["seq"], decision_id=row["decision_id"], reason="prev_hash_mismatch"
                )
            elif chain_hash(row["prev_hash"], record_bytes(row["seq"], row)) != row["hash"]:
                broken = ChainBreak(seq=row["seq"], decision_id=row["decision_id"], reason="hash_mismatch")
            elif not content_matches(row):
                broken = ChainBreak(seq=row["seq"], decision_id=row["decision_id"], reason="content_mismatch")
            if broken is not None:
                return AuditVerification(verified=False, records=checked, first_broken=broken)
            prev, expected, checked = row["hash"], expected + 1, checked + 1
    if checked != head.seq or prev != head.hash:
        broken = ChainBreak(seq=checked + 1, decision_id=None, reason="head_mismatch")
        return AuditVerification(verified=False, records=checked, first_broken=broken)
    return AuditVerification(verified=True, records=checked, head_hash=prev)
