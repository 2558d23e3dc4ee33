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

from collections.abc import Mapping, Sequence
from contextlib import closing
from typing import Any

import orjson
from sqlalchemy import Connection, RowMapping, select
from sqlmodel import Session

from app.models.decision import GENESIS_HASH, PendingRecord
from app.models.tables import RECORDS, REVISIONS
from app.rules.canonical import canonical_json, sha256_hex
from app.schemas.decisions import AuditVerification, ChainBreak, PartVerification
from app.services import integrity, statements
from app.services.erasure import plan as erasure_plan
from app.services.integrity import PartReport


def content_sha256(value: bytes | str) -> str:
    return sha256_hex(value if isinstance(value, bytes) else value.encode("utf-8"))


def record_bytes(seq: int, record: Mapping[str, Any] | RowMapping) -> bytes:
    """The canonical form of a record that its hash covers.

    ``input`` and ``result`` enter as their SHA-256 (``input_sha256``/``result_sha256``) and as the
    SHA-256 of what retention will leave of them (``*_erased_sha256``, with the pointers it will
    erase in ``erasable``): retention may erase exactly that personal content and the chain still
    verifies, and nothing else can change. A checklist revision enters as its salted commitment.
    """

    def raw(name: str) -> orjson.Fragment:
        value = record[name]
        return orjson.Fragment(value if isinstance(value, bytes) else str(value).encode("utf-8"))

    return canonical_json(
        {
            "seq": seq,
            **{name: record[name] for name in CHAINED},
            "context": raw("context"),
            "erasable": raw("erasable"),
            # Only when set: records made without history facts hash as they always did.
            **(
                {"history_changed": changed} if (changed := record.get("history_changed")) is not None else {}
            ),
        }
    )


CHAINED = (
    "decision_id",
    "incident_ref",
    "revision",
    "ruleset_id",
    "ruleset_version",
    "ruleset_hash",
    "engine_version",
    "checklist_schema_version",
    "input_sha256",
    "result_sha256",
    "input_erased_sha256",
    "result_erased_sha256",
    "revision_sha256",
    "revision_erased_sha256",
    "requested_by",
    "recorded_at",
)


def chain_hash(prev_hash: str, record: bytes) -> str:
    return sha256_hex(prev_hash.encode("ascii") + record)


def _row(record: PendingRecord) -> dict[str, Any]:
    erasure = erasure_plan(record.input, record.result, canonical=True)
    return {
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
        "erasable": erasure.pointers_json,
        "input_erased_sha256": content_sha256(erasure.input),
        "result_erased_sha256": content_sha256(erasure.result),
        "revision_sha256": record.revision_sha256,
        "revision_erased_sha256": record.revision_erased_sha256,
        "requested_by": record.requested_by,
        "recorded_at": record.recorded_at,
        "history_changed": record.history_changed,
    }


def append(conn: Connection, pending: Sequence[PendingRecord]) -> list[dict[str, Any]]:
    """Append records in order; returns the rows as stored (with ``seq``), for the aggregates.
    Serialised by the chain-head row lock (PostgreSQL) or by the SQLite write transaction the
    caller opened with ``begin_write``.

    The next ``seq`` follows the head, or any row found past it: such a row is not in the chain
    (verify reports it, ``beyond_head``), and it must not stop every later submission."""
    if not pending:
        return []
    ((head_seq, prev, highest),) = statements.run(conn, statements.LOCK_HEAD)
    seq = max(head_seq, highest or 0)
    rows = []
    for record in pending:
        seq += 1
        row = _row(record)
        digest = chain_hash(prev, record_bytes(seq, row))
        rows.append({**row, "seq": seq, "prev_hash": prev, "hash": digest})
        prev = digest
    if len(rows) == 1 and conn.dialect.name == "postgresql":
        moving = {**rows[0], "new_seq": seq, "new_hash": prev}
        statements.run(conn, statements.INSERT_RECORD_MOVING_HEAD, moving)
        return rows
    statements.insert_rows(conn, RECORDS, rows)
    statements.run(conn, statements.MOVE_HEAD, {"new_seq": seq, "new_hash": prev})
    return rows


def _content_problem(row: RowMapping, erasures: Mapping[int, RowMapping]) -> str | None:
    """Input and result still hash to what the chain recorded, or, once erased, to exactly what the
    chain promised retention would leave, by an erasure the erasure log accounts for."""
    if row["erasure_id"] is None and row["erased"] is None and row["erased_at"] is None:
        same = (content_sha256(row["input"]), content_sha256(row["result"]))
        return None if same == (row["input_sha256"], row["result_sha256"]) else "content_mismatch"
    entry = erasures.get(row["erasure_id"]) if row["erasure_id"] is not None else None
    if (
        entry is None
        or row["erased"] != row["erasable"]
        or row["erased_at"] != entry["at"]
        or not row["recorded_at"] < entry["cutoff"]
        or not (entry["first_seq"] or 0) <= row["seq"] <= (entry["last_seq"] or 0)
    ):
        return "forged_erasure"
    erased = (content_sha256(row["input"]), content_sha256(row["result"]))
    if erased != (row["input_erased_sha256"], row["result_erased_sha256"]):
        return "content_mismatch"
    return None


def content_matches(row: RowMapping) -> bool:
    """The record's input and result hash to what the chain recorded: as appended, or as the chain
    promised retention would leave them (whether an erasure is accounted for is ``verify``'s)."""
    digests = (content_sha256(row["input"]), content_sha256(row["result"]))
    if row["erasure_id"] is None:
        return digests == (row["input_sha256"], row["result_sha256"])
    return digests == (row["input_erased_sha256"], row["result_erased_sha256"])


def _unlinked(session: Session, row: RowMapping) -> ChainBreak | None:
    """When a record links to a record further back, the ones in between are not in the chain."""
    found = session.execute(select(RECORDS.c.seq).where(RECORDS.c.hash == row["prev_hash"])).first()
    if found is None or found.seq >= row["seq"] - 1:
        return None
    return ChainBreak(seq=found.seq + 1, decision_id=None, reason="not_in_chain")


def verify_records(session: Session, erasures: Mapping[int, RowMapping], *, batch: int = 1000) -> PartReport:
    """Recompute every link of the decision chain. Memory stays flat: records stream in ``seq``
    order. Records past the head are reported too (``beyond_head``)."""
    part = "decision_record"
    head = session.execute(statements.READ_HEAD).one()
    expected, prev, checked = 1, GENESIS_HASH, 0
    erased_seqs: dict[int, list[int]] = {}
    query = select(RECORDS).order_by(RECORDS.c.seq)
    with closing(session.execute(query, execution_options={"yield_per": batch})) as rows:
        for row in rows.mappings():
            broken: ChainBreak | None = None
            if row["seq"] > head.seq:
                broken = ChainBreak(seq=row["seq"], decision_id=row["decision_id"], reason="beyond_head")
            elif row["seq"] != expected:
                broken = ChainBreak(seq=expected, decision_id=None, reason="gap")
            elif row["prev_hash"] != prev:
                broken = _unlinked(session, row) or ChainBreak(
                    seq=row["seq"], decision_id=row["decision_id"], reason="prev_hash_mismatch"
                )
            elif chain_hash(row["prev_hash"], record_bytes(row["seq"], row)) != row["hash"]:
                broken = ChainBreak(seq=row["seq"], decision_id=row["decision_id"], reason="hash_mismatch")
            elif (problem := _content_problem(row, erasures)) is not None:
                broken = ChainBreak(seq=row["seq"], decision_id=row["decision_id"], reason=problem)
            if broken is not None:
                return PartReport(part, checked, broken=broken)
            if row["erasure_id"] is not None:
                erased_seqs.setdefault(row["erasure_id"], []).append(row["seq"])
            prev, expected, checked = row["hash"], expected + 1, checked + 1
    if checked != head.seq or prev != head.hash:
        broken = ChainBreak(part=part, seq=checked + 1, decision_id=None, reason="head_mismatch")
        return PartReport(part, checked, broken=broken)
    for entry_id, entry in erasures.items():
        seqs = erased_seqs.get(entry_id, [])
        if len(seqs) != entry["records"] or seqs_digest(seqs) != entry["seqs_sha256"]:
            broken = ChainBreak(part="erasure_log", seq=entry_id, decision_id=None, reason="erasure_mismatch")
            return PartReport(part, checked, broken=broken)
    return PartReport(part, checked, head_hash=prev)


def seqs_digest(seqs: Sequence[int]) -> str:
    return sha256_hex(",".join(map(str, seqs)).encode("ascii"))


def verify(session: Session, *, batch: int = 1000) -> AuditVerification:
    """Every part an auditor relies on: the erasure log, the decision chain (checked against the
    erasure log), checklist revisions and incidents (against the decision chain), feedback and the
    access audit (chains of their own). Reports each part and the first break of the first part
    that fails."""
    erasure_part = integrity.verify_chain(session, integrity.ERASURES, batch=batch)
    erasures = {row["id"]: row for row in session.execute(select(integrity.ERASURES.table)).mappings()}
    parts = [erasure_part]
    if erasure_part.broken is None:
        parts.append(verify_records(session, erasures, batch=batch))
    parts += [
        integrity.verify_revisions(session, batch=batch),
        integrity.verify_incidents(session),
        integrity.verify_chain(session, integrity.FEEDBACK, batch=batch),
        integrity.verify_chain(session, integrity.ACCESS_EVENTS, batch=batch),
    ]
    decisions = next((p for p in parts if p.part == "decision_record"), None)
    first = next((p.broken for p in parts if p.broken is not None), None)
    return AuditVerification(
        verified=first is None,
        records=decisions.records if decisions else 0,
        head_hash=decisions.head_hash if decisions and first is None else None,
        first_broken=first,
        parts={
            p.part: PartVerification(verified=p.broken is None, records=p.records, head_hash=p.head_hash)
            for p in parts
        },
    )


def for_force(session: Session, report: AuditVerification, force: str) -> AuditVerification:
    """A verification as a force-bound auditor sees it: whether everything verifies (the chains are
    one for all forces), with counts of its own force's rows only; a break in another force's data
    is named by part and reason, not by position or decision."""
    counts = integrity.force_counts(session, force)
    broken = report.first_broken
    if broken is not None:
        own_ids = integrity.force_decision_ids(force).where(REVISIONS.c.decision_id == broken.decision_id)
        own = broken.decision_id is not None and session.execute(own_ids).first() is not None
        if not own:
            broken = ChainBreak(part=broken.part, seq=0, decision_id=None, reason=broken.reason)
    return AuditVerification(
        verified=report.verified,
        records=counts["decision_record"],
        first_broken=broken,
        parts={
            name: PartVerification(verified=part.verified, records=counts.get(name, part.records))
            for name, part in report.parts.items()
        },
    )
