"""Tamper evidence without blind spots.

- decision_record: the chain now also covers what retention will erase (``erasable``, fixed at
  append time) and the digests of input and result once erased (``*_erased_sha256``), and the
  salted commitment to the record's checklist revision (``revision_sha256``,
  ``revision_erased_sha256``); ``erasure_id`` names the erasure-log entry of an erasure.
- erasure_log: one entry per retention batch, a hash chain of its own.
- access_event: the reader's force binding (``force``), so a bound auditor sees its own force's.
- access_event and decision_feedback: hash chains of their own (``prev_hash``, ``hash``); heads in
  chain_head. Feedback and revisions get salts (erased with their personal fields) and
  ``erased_at``; their submitters become nullable (retention erases them).
- PostgreSQL: the decision_record trigger lets through only the erasure the chain promised (the
  erased content must hash to the chained digests, under an erasure-log entry whose cut-off the
  record precedes); revisions and feedback accept only the erasure of their personal fields;
  erasure_log is append-only; chain heads only move forward.

Existing rows are committed to and re-chained here. The link formulas are copied, frozen; which
checklist fields are personal comes from the application's checklist model (as retention reads it).

Revision ID: int1
Revises: 0102
Create Date: 2026-12-01 09:20:00
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "int1"
down_revision: str | Sequence[str] | None = "0102"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64
Str = sqlmodel.sql.sqltypes.AutoString
RECORD_CHAINED = (
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
ACCESS_COVERED = (
    "at",
    "principal_id",
    "role",
    "action",
    "target",
    "status",
    "client_ip",
    "request_id",
    "force",
)
FEEDBACK_COVERED = (
    "decision_id",
    "rule_id",
    "outcome",
    "reason_code",
    "created_at",
    "content_sha256",
    "erased_sha256",
)
FEEDBACK_FIELDS = (
    "decision_id",
    "rule_id",
    "outcome",
    "reason_code",
    "comment",
    "submitted_by",
    "created_at",
)
SIDE_CHAINS = ("erasure_log", "decision_feedback", "access_event")

DECISION_FUNCTION = """
CREATE OR REPLACE FUNCTION decision_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Retention may erase personal content once, and only as the chain promised at append time:
    -- the erased pointers are the record's ``erasable``, the new input and result hash to the chained
    -- erased digests, under an erasure-log entry of the same time whose cut-off the record precedes.
    IF TG_OP = 'UPDATE' AND OLD.erasure_id IS NULL AND OLD.erased IS NULL AND NEW.erasure_id IS NOT NULL
       AND NEW.erased IS NOT DISTINCT FROM OLD.erasable
       AND (to_jsonb(NEW) - ARRAY['input', 'result', 'erased', 'erased_at', 'erasure_id'])
           = (to_jsonb(OLD) - ARRAY['input', 'result', 'erased', 'erased_at', 'erasure_id'])
       AND encode(sha256(convert_to(NEW.input, 'UTF8')), 'hex') = OLD.input_erased_sha256
       AND encode(sha256(convert_to(NEW.result, 'UTF8')), 'hex') = OLD.result_erased_sha256
       AND EXISTS (SELECT 1 FROM erasure_log e WHERE e.id = NEW.erasure_id AND e.at = NEW.erased_at
                   AND OLD.recorded_at < e.cutoff AND OLD.seq BETWEEN e.first_seq AND e.last_seq) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'decision_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""

OLD_DECISION_FUNCTION = """
CREATE OR REPLACE FUNCTION decision_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.erased IS NULL AND NEW.erased IS NOT NULL
       AND (to_jsonb(NEW) - ARRAY['input', 'result', 'erased', 'erased_at'])
           = (to_jsonb(OLD) - ARRAY['input', 'result', 'erased', 'erased_at']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'decision_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


def _erasable_function(table: str, fields: Sequence[str]) -> str:
    nulled = " AND ".join(f"NEW.{f} IS NULL" for f in (*fields, "salt"))
    changing = ", ".join(f"'{f}'" for f in (*fields, "salt", "erased_at"))
    return f"""
CREATE FUNCTION {table}_erasure_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Retention may erase the personal fields once; nothing else changes, nothing is deleted.
    IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND {nulled}
       AND (to_jsonb(NEW) - ARRAY[{changing}]) = (to_jsonb(OLD) - ARRAY[{changing}]) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{table} accepts only the erasure of personal fields: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


APPEND_ONLY_FUNCTION = """
CREATE FUNCTION erasure_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'erasure_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""

HEAD_FUNCTION = """
CREATE FUNCTION chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A chain head only moves forward; it is never removed. (Nested IFs: plpgsql does not promise
    -- to short-circuit, and each table has its own columns.)
    IF TG_OP = 'UPDATE' THEN
        IF TG_TABLE_NAME = 'chain_head' THEN
            IF NEW.name = OLD.name AND NEW.last_id > OLD.last_id THEN
                RETURN NEW;
            END IF;
        ELSIF NEW.id = OLD.id AND NEW.seq > OLD.seq THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% only moves forward: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""

TRIGGERS = (
    ("checklist_revision", "checklist_revision_erasure_only"),
    ("decision_feedback", "decision_feedback_erasure_only"),
    ("erasure_log", "erasure_log_append_only"),
    ("chain_head", "chain_head_forward_only"),
    ("decision_chain_head", "chain_head_forward_only"),
)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)


TIMES = frozenset({"at", "created_at", "cutoff", "device_time", "received_at", "recorded_at", "erased_at"})


def _times(row: Any, names: Sequence[str]) -> dict[str, Any]:
    """The named columns, timestamps read back as aware UTC datetimes (SQLite returns text)."""
    return {name: _utc(row[name]) if name in TIMES else row[name] for name in names}


def _utc(value: Any) -> Any:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _commit(fields: dict[str, Any], erasable: Sequence[str], salt: str | None) -> tuple[str, str]:
    full = _sha(_canonical({**fields, "salt": salt}))
    erased = _sha(_canonical({**fields, **dict.fromkeys(erasable), "salt": None}))
    return full, erased


def _table(name: str, *columns: str) -> Any:
    return sa.table(name, *(sa.column(c) for c in columns))


def _backfill() -> None:
    from app.services.erasure import plan  # the checklist model decides what is personal

    bind = op.get_bind()
    revisions = _table(
        "checklist_revision",
        "id", "incident_id", "number", "decision_id", "submitted_by", "device_time", "received_at",
        "idempotency_key", "salt",
    )  # fmt: skip
    incidents = _table("incident", "id", "reference")
    records = _table(
        "decision_record",
        "seq", *RECORD_CHAINED, "input", "context", "result", "erasable", "erased", "erased_at",
        "erasure_id", "prev_hash", "hash",
    )  # fmt: skip
    commitments: dict[str, tuple[str, str]] = {}
    rows = bind.execute(
        sa.select(revisions, incidents.c.reference).join(incidents, incidents.c.id == revisions.c.incident_id)
    ).mappings()
    for row in rows.all():
        salt = secrets.token_hex(16)
        fields = {
            "incident_ref": row["reference"],
            "number": row["number"],
            "submitted_by": row["submitted_by"],
            "device_time": _utc(row["device_time"]),
            "received_at": _utc(row["received_at"]),
            "idempotency_key": row["idempotency_key"],
        }
        commitments[row["decision_id"]] = _commit(fields, ("submitted_by", "idempotency_key"), salt)
        bind.execute(sa.update(revisions).where(revisions.c.id == row["id"]).values(salt=salt))

    erasures = sa.table(
        "erasure_log",
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("cutoff", sa.DateTime(timezone=True)),
        *(sa.column(c) for c in ("id", "run_id", "records", "first_seq", "last_seq", "seqs_sha256")),
        *(sa.column(c) for c in ("revisions", "feedback", "prev_hash", "hash")),
    )
    erased_groups: dict[datetime, list[dict[str, Any]]] = {}
    prev, seq = GENESIS, 0
    for row in bind.execute(sa.select(records).order_by(records.c.seq)).mappings().all():
        values = dict(row)
        if row["erased"] is not None:  # erased before this revision: what is left is what was promised
            values["erasable"] = row["erased"]
            values["input_erased_sha256"] = _sha(row["input"].encode("utf-8"))
            values["result_erased_sha256"] = _sha(row["result"].encode("utf-8"))
            erased_groups.setdefault(_utc(row["erased_at"]), []).append(values)
        else:
            erasure = plan(row["input"], row["result"])
            values["erasable"] = erasure.pointers_json
            values["input_erased_sha256"] = _sha(erasure.input)
            values["result_erased_sha256"] = _sha(erasure.result)
        values["revision_sha256"], values["revision_erased_sha256"] = commitments.get(
            row["decision_id"], (None, None)
        )
        record = {"seq": row["seq"], **{k: values[k] for k in RECORD_CHAINED}}
        record["recorded_at"] = _utc(record["recorded_at"])
        record["context"] = orjson.Fragment(row["context"].encode("utf-8"))
        record["erasable"] = orjson.Fragment(values["erasable"].encode("utf-8"))
        digest = _sha(prev.encode("ascii") + _canonical(record))
        changed = {k: values[k] for k in ("erasable", *RECORD_CHAINED[10:14])}
        bind.execute(
            sa.update(records)
            .where(records.c.seq == row["seq"])
            .values(**changed, prev_hash=prev, hash=digest)
        )
        prev, seq = digest, row["seq"]
    if seq:
        head = _table("decision_chain_head", "id", "seq", "hash")
        bind.execute(sa.update(head).where(head.c.id == 1).values(seq=seq, hash=prev))

    # Erasures made before this revision: one erasure-log entry per erasure time.
    covered = (
        "run_id",
        "at",
        "cutoff",
        "records",
        "first_seq",
        "last_seq",
        "seqs_sha256",
        "revisions",
        "feedback",
    )
    heads: dict[str, tuple[int, str]] = {}
    prev, entry_id = GENESIS, 0
    for at, group in sorted(erased_groups.items()):
        entry_id += 1
        seqs = [r["seq"] for r in group]
        entry = {
            "run_id": "before-int1",
            "at": at,
            "cutoff": max(_utc(r["recorded_at"]) for r in group) + timedelta(microseconds=1),
            "records": len(seqs),
            "first_seq": min(seqs),
            "last_seq": max(seqs),
            "seqs_sha256": _sha(",".join(map(str, seqs)).encode("ascii")),
            "revisions": 0,
            "feedback": 0,
        }
        digest = _sha(prev.encode("ascii") + _canonical({"id": entry_id, **{k: entry[k] for k in covered}}))
        bind.execute(sa.insert(erasures).values(id=entry_id, **entry, prev_hash=prev, hash=digest))
        bind.execute(sa.update(records).where(records.c.seq.in_(seqs)).values(erasure_id=entry_id))
        prev = digest
    heads["erasure_log"] = (entry_id, prev)

    feedback = _table(
        "decision_feedback",
        "id",
        *FEEDBACK_FIELDS,
        "salt",
        "content_sha256",
        "erased_sha256",
        "prev_hash",
        "hash",
    )
    prev, last = GENESIS, 0
    for row in bind.execute(sa.select(feedback).order_by(feedback.c.id)).mappings().all():
        salt = secrets.token_hex(16)
        fields = _times(row, FEEDBACK_FIELDS)
        full, erased = _commit(fields, ("comment", "submitted_by"), salt)
        linked = {"id": row["id"], **fields, "content_sha256": full, "erased_sha256": erased}
        digest = _sha(prev.encode("ascii") + _canonical({k: linked[k] for k in ("id", *FEEDBACK_COVERED)}))
        bind.execute(
            sa.update(feedback)
            .where(feedback.c.id == row["id"])
            .values(salt=salt, content_sha256=full, erased_sha256=erased, prev_hash=prev, hash=digest)
        )
        prev, last = digest, row["id"]
    heads["decision_feedback"] = (last, prev)

    access = _table("access_event", "id", *ACCESS_COVERED, "prev_hash", "hash")
    prev, last = GENESIS, 0
    for row in bind.execute(sa.select(access).order_by(access.c.id)).mappings().all():
        linked = {"id": row["id"], **_times(row, ACCESS_COVERED)}
        digest = _sha(prev.encode("ascii") + _canonical(linked))
        bind.execute(sa.update(access).where(access.c.id == row["id"]).values(prev_hash=prev, hash=digest))
        prev, last = digest, row["id"]
    heads["access_event"] = (last, prev)

    chain_head = _table("chain_head", "name", "last_id", "hash")
    for name in SIDE_CHAINS:
        last, digest = heads[name]
        bind.execute(sa.insert(chain_head).values(name=name, last_id=last, hash=digest))


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "chain_head",
        sa.Column("name", Str(length=32), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("hash", Str(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_chain_head")),
    )
    op.create_table(
        "erasure_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("run_id", Str(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cutoff", sa.DateTime(timezone=True), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=True),
        sa.Column("last_seq", sa.Integer(), nullable=True),
        sa.Column("seqs_sha256", Str(length=64), nullable=False),
        sa.Column("revisions", sa.Integer(), nullable=False),
        sa.Column("feedback", sa.Integer(), nullable=False),
        sa.Column("prev_hash", Str(length=64), nullable=False),
        sa.Column("hash", Str(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_log")),
    )
    if postgres:
        for table in ("decision_record", "access_event"):
            op.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    with op.batch_alter_table("decision_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erasable", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("input_erased_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("result_erased_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("revision_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("revision_erased_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("erasure_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("checklist_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("salt", Str(length=32), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column("submitted_by", existing_type=Str(length=128), nullable=True)
    with op.batch_alter_table("decision_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("salt", Str(length=32), nullable=True))
        batch_op.add_column(sa.Column("content_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("erased_sha256", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", Str(length=64), nullable=True))
        batch_op.alter_column("submitted_by", existing_type=Str(length=128), nullable=True)
    with op.batch_alter_table("access_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("force", Str(length=16), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", Str(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", Str(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_access_event_force"), ["force"], unique=False)
    _backfill()
    required = {
        "decision_record": ("erasable", "input_erased_sha256", "result_erased_sha256"),
        "decision_feedback": ("content_sha256", "erased_sha256", "prev_hash", "hash"),
        "access_event": ("prev_hash", "hash"),
    }
    for table, columns in required.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                kind = sa.Text() if column == "erasable" else Str(length=64)
                batch_op.alter_column(column, existing_type=kind, nullable=False)
    if postgres:
        op.execute(DECISION_FUNCTION)
        op.execute(_erasable_function("checklist_revision", ("submitted_by", "idempotency_key")))
        op.execute(_erasable_function("decision_feedback", ("comment", "submitted_by")))
        op.execute(APPEND_ONLY_FUNCTION)
        op.execute(HEAD_FUNCTION)
        for table, function in TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )
        for table in ("decision_record", "access_event"):
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        for table, _ in TRIGGERS:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_guard ON {table}")
        for function in dict.fromkeys(f for _, f in TRIGGERS):
            op.execute(f"DROP FUNCTION {function}()")
        op.execute(OLD_DECISION_FUNCTION)
        op.execute("ALTER TABLE decision_record DISABLE TRIGGER USER")
    # The chain form of auth2 (without the erasure digests and revision commitments).
    _rechain_auth2()
    with op.batch_alter_table("access_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_event_force"))
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("force")
    with op.batch_alter_table("decision_feedback", schema=None) as batch_op:
        for column in ("hash", "prev_hash", "erased_at", "erased_sha256", "content_sha256", "salt"):
            batch_op.drop_column(column)
    with op.batch_alter_table("checklist_revision", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
        batch_op.drop_column("salt")
    with op.batch_alter_table("decision_record", schema=None) as batch_op:
        for column in (
            "erasure_id",
            "revision_erased_sha256",
            "revision_sha256",
            "result_erased_sha256",
            "input_erased_sha256",
            "erasable",
        ):
            batch_op.drop_column(column)
    op.drop_table("erasure_log")
    op.drop_table("chain_head")
    if postgres:
        op.execute("ALTER TABLE decision_record ENABLE TRIGGER USER")


def _rechain_auth2() -> None:
    bind = op.get_bind()
    fields = RECORD_CHAINED[:10] + RECORD_CHAINED[14:]
    records = _table("decision_record", "seq", *fields, "context", "prev_hash", "hash")
    prev, seq = GENESIS, 0
    for row in bind.execute(sa.select(records).order_by(records.c.seq)).mappings().all():
        record: dict[str, Any] = {"seq": row["seq"], **{k: row[k] for k in fields}}
        record["recorded_at"] = _utc(record["recorded_at"])
        record["context"] = orjson.Fragment(row["context"].encode("utf-8"))
        digest = _sha(prev.encode("ascii") + _canonical(record))
        bind.execute(
            sa.update(records).where(records.c.seq == row["seq"]).values(prev_hash=prev, hash=digest)
        )
        prev, seq = digest, row["seq"]
    if seq:
        head = _table("decision_chain_head", "id", "seq", "hash")
        bind.execute(sa.update(head).where(head.c.id == 1).values(seq=seq, hash=prev))
