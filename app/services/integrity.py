"""Tamper evidence for the tables an auditor relies on beside the decision log.

- **Side chains.** ``access_event``, ``decision_feedback`` and ``erasure_log`` are each a hash chain
  of their own, linked in ``id`` order exactly as the decision log is in ``seq`` order:
  ``hash = SHA-256(prev_hash + canonical({"id": ..., covered columns}))``, the head in
  ``chain_head`` (locked by appenders, checked by verify). Ids are assigned under the head lock,
  after the highest id present, so a forged row past the head never blocks the next append.
- **Salted commitments** cover rows that retention erases (a checklist revision's submitter and
  idempotency key, a feedback comment and submitter): ``full = SHA-256(canonical(row + salt))``
  and ``erased = SHA-256(canonical(row with those fields and the salt nulled))``. The salt is erased
  with the fields, so the full digest never lets anyone recover them by guessing, and after erasure
  the row is checked against ``erased``. A revision's commitment is held by its decision record
  (and so by the decision chain); feedback's by the feedback chain.
- **Cross-checks against the decision chain**: every checklist revision names the decision record
  of the same incident and number, received at its ``recorded_at``; every incident's revision
  count, latest-decision pointer, blocking flag, hook, force and type agree with its revisions and
  their decision records.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Connection, RowMapping, Table, and_, bindparam, func, insert, select, update
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.models.decision import GENESIS_HASH
from app.models.tables import ACCESS_EVENTS as ACCESS_TABLE
from app.models.tables import CHAIN_HEADS as HEADS
from app.models.tables import ERASURES as ERASURE_TABLE
from app.models.tables import FEEDBACK as FEEDBACK_TABLE
from app.models.tables import INCIDENTS, RECORDS, REVISIONS
from app.rules.canonical import canonical_json, sha256_hex
from app.schemas.decisions import ChainBreak

# ---- salted commitments --------------------------------------------------------------------------


def new_salt() -> str:
    return secrets.token_hex(16)


def commitment(fields: Mapping[str, Any], erasable: Sequence[str], salt: str | None) -> tuple[str, str]:
    """(full digest, digest once ``erasable`` fields and the salt are nulled)."""
    full = sha256_hex(canonical_json({**fields, "salt": salt}))
    erased = sha256_hex(canonical_json({**fields, **dict.fromkeys(erasable), "salt": None}))
    return full, erased


REVISION_ERASABLE = ("submitted_by", "idempotency_key")


def revision_fields(
    incident_ref: str | None,
    number: int | None,
    submitted_by: str | None,
    device_time: datetime | None,
    received_at: datetime,
    idempotency_key: str | None,
) -> dict[str, Any]:
    return {
        "incident_ref": incident_ref,
        "number": number,
        "submitted_by": submitted_by,
        "device_time": device_time,
        "received_at": received_at,
        "idempotency_key": idempotency_key,
    }


def revision_commitment(fields: Mapping[str, Any], salt: str) -> tuple[str, str]:
    return commitment(fields, REVISION_ERASABLE, salt)


FEEDBACK_ERASABLE = ("comment", "submitted_by")
FEEDBACK_FIELDS = (
    "decision_id",
    "rule_id",
    "outcome",
    "reason_code",
    "comment",
    "submitted_by",
    "created_at",
)


def feedback_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Feedback columns with salt and commitment, ready for ``append_row``."""
    salt = new_salt()
    full, erased = commitment({k: values[k] for k in FEEDBACK_FIELDS}, FEEDBACK_ERASABLE, salt)
    return {**values, "salt": salt, "content_sha256": full, "erased_sha256": erased}


def _feedback_content_ok(row: RowMapping) -> bool:
    fields = {k: row[k] for k in FEEDBACK_FIELDS}
    if row["erased_at"] is None:
        return bool(commitment(fields, FEEDBACK_ERASABLE, row["salt"])[0] == row["content_sha256"])
    if any(row[k] is not None for k in (*FEEDBACK_ERASABLE, "salt")):
        return False
    return bool(commitment(fields, FEEDBACK_ERASABLE, None)[1] == row["erased_sha256"])


# ---- side chains ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SideChain:
    name: str
    table: Table
    covered: tuple[str, ...]
    content_ok: Callable[[RowMapping], bool] | None = None
    # Covered when not null (columns added later: rows from before them hash as they did).
    optional: tuple[str, ...] = ()


ACCESS_EVENTS = SideChain(
    "access_event",
    ACCESS_TABLE,
    ("at", "principal_id", "role", "action", "target", "status", "client_ip", "request_id", "force"),
)
FEEDBACK = SideChain(
    "decision_feedback",
    FEEDBACK_TABLE,
    ("decision_id", "rule_id", "outcome", "reason_code", "created_at", "content_sha256", "erased_sha256"),
    _feedback_content_ok,
)
ERASURES = SideChain(
    "erasure_log",
    ERASURE_TABLE,
    ("run_id", "at", "cutoff", "records", "first_seq", "last_seq", "seqs_sha256", "revisions", "feedback"),
    optional=("history_rows", "history_cutoff"),
)
SIDE_CHAINS = (ERASURES, FEEDBACK, ACCESS_EVENTS)


def link(chain: SideChain, prev_hash: str, row_id: int, values: Mapping[str, Any] | RowMapping) -> str:
    record = {"id": row_id, **{name: values[name] for name in chain.covered}}
    record.update({name: values[name] for name in chain.optional if values.get(name) is not None})
    return sha256_hex(prev_hash.encode("ascii") + canonical_json(record))


@lru_cache
def _lock_head(chain: SideChain) -> Any:
    highest = select(func.max(chain.table.c.id)).scalar_subquery()
    return (
        select(HEADS.c.last_id, HEADS.c.hash, highest.label("highest"))
        .where(HEADS.c.name == chain.name)
        .with_for_update(of=HEADS)
    )


@lru_cache
def _move_head(chain: SideChain) -> Any:
    return (
        update(HEADS)
        .where(HEADS.c.name == chain.name)
        .values(last_id=bindparam("new_id"), hash=bindparam("new_hash"))
    )


def append_row(conn: Connection, chain: SideChain, values: Mapping[str, Any]) -> int:
    """Insert one row linked to the chain's head; returns its id. Must run in a write transaction
    (``begin_write`` on SQLite); on PostgreSQL the head row lock serialises appenders."""
    head = conn.execute(_lock_head(chain)).one()
    row_id = max(head.last_id, head.highest or 0) + 1
    digest = link(chain, head.hash, row_id, values)
    conn.execute(insert(chain.table).values(id=row_id, **values, prev_hash=head.hash, hash=digest))
    conn.execute(_move_head(chain), {"new_id": row_id, "new_hash": digest})
    return int(row_id)


@dataclass(frozen=True, slots=True)
class PartReport:
    """One part of the audit data: how many rows verified, its head, and the first break."""

    part: str
    records: int
    head_hash: str | None = None
    broken: ChainBreak | None = None


def _break(part: str, position: int, reason: str, decision_id: str | None = None) -> ChainBreak:
    return ChainBreak(part=part, seq=position, decision_id=decision_id, reason=reason)


def read_head(session: Session | Connection, chain: SideChain) -> tuple[int, str]:
    row = session.execute(select(HEADS.c.last_id, HEADS.c.hash).where(HEADS.c.name == chain.name)).one()
    return int(row.last_id), str(row.hash)


def _stream(session: Session, query: Any, batch: int) -> Iterator[RowMapping]:
    # A server-side cursor on PostgreSQL: close it even when stopping at a broken link.
    with closing(session.execute(query, execution_options={"yield_per": batch})) as rows:
        yield from rows.mappings()


def verify_chain(session: Session, chain: SideChain, *, batch: int = 1000) -> PartReport:
    last_id, head_hash = read_head(session, chain)
    prev, checked, position = GENESIS_HASH, 0, 0
    for row in _stream(session, select(chain.table).order_by(chain.table.c.id), batch):
        position = row["id"]
        if position > last_id:
            return PartReport(chain.name, checked, broken=_break(chain.name, position, "beyond_head"))
        reason = None
        if row["prev_hash"] != prev:
            reason = "prev_hash_mismatch"
        elif link(chain, prev, position, row) != row["hash"]:
            reason = "hash_mismatch"
        elif chain.content_ok is not None and not chain.content_ok(row):
            reason = "content_mismatch"
        if reason is not None:
            decision_id = row.get("decision_id")
            return PartReport(chain.name, checked, broken=_break(chain.name, position, reason, decision_id))
        prev, checked = row["hash"], checked + 1
    if position != last_id or prev != head_hash:
        return PartReport(chain.name, checked, broken=_break(chain.name, position + 1, "head_mismatch"))
    return PartReport(chain.name, checked, head_hash=prev)


# ---- checklist revisions and incidents, against the decision chain --------------------------------


def _revision_ok(row: RowMapping) -> str | None:
    if row["rec_seq"] is None:
        return "no_decision_record"
    if (row["rec_ref"], row["rec_revision"]) != (row["reference"], row["number"]):
        return "decision_mismatch"
    if row["rec_recorded_at"] != row["received_at"]:
        return "decision_mismatch"
    fields = revision_fields(
        row["reference"],
        row["number"],
        row["submitted_by"],
        row["device_time"],
        row["received_at"],
        row["idempotency_key"],
    )
    if row["erased_at"] is None:
        full, _ = revision_commitment(fields, row["salt"]) if row["salt"] else ("", "")
        return None if full == row["revision_sha256"] else "content_mismatch"
    if row["erased_at"] != row["rec_erased_at"] or any(
        row[k] is not None for k in (*REVISION_ERASABLE, "salt")
    ):
        return "forged_erasure"
    _, erased = commitment(fields, REVISION_ERASABLE, None)
    return None if erased == row["revision_erased_sha256"] else "content_mismatch"


def verify_revisions(session: Session, *, batch: int = 1000) -> PartReport:
    part = "checklist_revision"
    query = (
        select(
            REVISIONS,
            INCIDENTS.c.reference,
            RECORDS.c.seq.label("rec_seq"),
            RECORDS.c.incident_ref.label("rec_ref"),
            RECORDS.c.revision.label("rec_revision"),
            RECORDS.c.recorded_at.label("rec_recorded_at"),
            RECORDS.c.erased_at.label("rec_erased_at"),
            RECORDS.c.revision_sha256,
            RECORDS.c.revision_erased_sha256,
        )
        .join(INCIDENTS, INCIDENTS.c.id == REVISIONS.c.incident_id)
        .outerjoin(RECORDS, RECORDS.c.decision_id == REVISIONS.c.decision_id)
        .order_by(REVISIONS.c.id)
    )
    checked = 0
    for row in _stream(session, query, batch):
        reason = _revision_ok(row)
        if reason is not None:
            return PartReport(part, checked, broken=_break(part, row["id"], reason, row["decision_id"]))
        checked += 1
    # A decision record made for a revision whose row is gone.
    orphan = session.execute(
        select(RECORDS.c.seq, RECORDS.c.decision_id)
        .outerjoin(REVISIONS, REVISIONS.c.decision_id == RECORDS.c.decision_id)
        .where(RECORDS.c.revision.is_not(None), REVISIONS.c.id.is_(None))
        .order_by(RECORDS.c.seq)
        .limit(1)
    ).first()
    if orphan is not None:
        broken = _break(part, orphan.seq, "revision_missing", orphan.decision_id)
        return PartReport(part, checked, broken=broken)
    return PartReport(part, checked)


def _incident_ok(row: RowMapping) -> str | None:
    if row["revisions"] != row["revision"] or row["top"] != row["revision"]:
        return "revision_count_mismatch"
    if row["latest_id"] is None or row["latest_id"] != row["latest_decision_id"]:
        return "latest_decision_mismatch"
    # Created when first reported (the demo seeder sets the report time), updated by the latest.
    if row["latest_received_at"] != row["updated_at"] or not row["created_at"] <= row["first_received_at"]:
        return "time_mismatch"
    result = orjson.loads(row["result"])
    if (result.get("blocking"), result.get("hook")) != (row["latest_blocking"], row["latest_hook"]):
        return "latest_decision_mismatch"
    incident = (orjson.loads(row["input"]).get("incident")) or {}
    if incident.get("force") not in (None, row["force"]) or incident.get("type") not in (
        None,
        row["incident_type"],
    ):
        return "incident_mismatch"
    return None


def verify_incidents(session: Session, *, batch: int = 500) -> PartReport:
    part = "incident"
    latest, first = aliased(REVISIONS, name="latest"), aliased(REVISIONS, name="first")
    counts = (
        select(
            REVISIONS.c.incident_id,
            func.count().label("revisions"),
            func.max(REVISIONS.c.number).label("top"),
        )
        .group_by(REVISIONS.c.incident_id)
        .subquery()
    )
    query = (
        select(
            INCIDENTS,
            func.coalesce(counts.c.revisions, 0).label("revisions"),
            counts.c.top,
            latest.c.decision_id.label("latest_id"),
            latest.c.received_at.label("latest_received_at"),
            first.c.received_at.label("first_received_at"),
            RECORDS.c.result,
            RECORDS.c.input,
        )
        .outerjoin(counts, counts.c.incident_id == INCIDENTS.c.id)
        .outerjoin(
            latest, and_(latest.c.incident_id == INCIDENTS.c.id, latest.c.number == INCIDENTS.c.revision)
        )
        .outerjoin(first, and_(first.c.incident_id == INCIDENTS.c.id, first.c.number == 1))
        .outerjoin(RECORDS, RECORDS.c.decision_id == latest.c.decision_id)
        .order_by(INCIDENTS.c.id)
    )
    checked = 0
    for row in _stream(session, query, batch):
        reason = "latest_decision_mismatch" if row["result"] is None else _incident_ok(row)
        if reason is not None:
            broken = _break(part, row["id"], reason, row["latest_decision_id"])
            return PartReport(part, checked, broken=broken)
        checked += 1
    return PartReport(part, checked)


# ---- what a force-bound auditor sees ---------------------------------------------------------------


def force_decision_ids(force: str) -> Any:
    """The decision ids of one force's incident revisions (a subquery)."""
    return (
        select(REVISIONS.c.decision_id)
        .join(INCIDENTS, INCIDENTS.c.id == REVISIONS.c.incident_id)
        .where(INCIDENTS.c.force == force)
    )


def force_counts(session: Session, force: str) -> dict[str, int]:
    """How many rows of each part belong to ``force``."""

    def count(source: Any, *where: Any) -> int:
        return int(session.execute(select(func.count()).select_from(source).where(*where)).scalar_one())

    own = force_decision_ids(force)
    return {
        "decision_record": count(RECORDS, RECORDS.c.decision_id.in_(own)),
        "checklist_revision": count(
            REVISIONS.join(INCIDENTS, INCIDENTS.c.id == REVISIONS.c.incident_id), INCIDENTS.c.force == force
        ),
        "incident": count(INCIDENTS, INCIDENTS.c.force == force),
        "decision_feedback": count(FEEDBACK.table, FEEDBACK.table.c.decision_id.in_(own)),
        "access_event": count(ACCESS_EVENTS.table, ACCESS_EVENTS.table.c.force == force),
    }
