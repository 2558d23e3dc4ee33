"""Decision records: the hash chain covers SHA-256 digests of input and result (stored in
input_sha256/result_sha256) instead of their bytes, so that retention can erase personal content
and the chain still verifies; erased/erased_at record what was erased and when. On PostgreSQL the
append-only trigger now lets exactly one change through: a one-way erasure that touches only
input, result, erased and erased_at.

Existing records are re-chained in the new form (the chain format changes before any release;
the record hash is recomputed over the same content). The canonical form is copied here, frozen,
so that this migration never depends on application code that may change later.

Revision ID: auth2
Revises: auth1
Create Date: 2026-11-22 20:31:07.283841
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "auth2"
down_revision: str | Sequence[str] | None = "auth1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64
CHAIN_FIELDS = (
    "seq",
    "decision_id",
    "incident_ref",
    "revision",
    "ruleset_id",
    "ruleset_version",
    "ruleset_hash",
    "engine_version",
    "checklist_schema_version",
    "requested_by",
    "recorded_at",
)

ERASABLE_FUNCTION = """
CREATE OR REPLACE FUNCTION decision_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Retention may erase personal content once: input and result rewritten, erased and erased_at
    -- set, every other column (the chain digests included) unchanged. Nothing else.
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

STRICT_FUNCTION = """
CREATE OR REPLACE FUNCTION decision_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'decision_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


def _utc(value: Any) -> Any:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _record_bytes(row: dict[str, Any], *, digests: bool) -> bytes:
    record: dict[str, Any] = {name: row[name] for name in CHAIN_FIELDS}
    record["recorded_at"] = _utc(record["recorded_at"])
    record["context"] = orjson.Fragment(row["context"].encode("utf-8"))
    for name in ("input", "result"):
        if digests:
            record[f"{name}_sha256"] = hashlib.sha256(row[name].encode("utf-8")).hexdigest()
        else:
            record[name] = orjson.Fragment(row[name].encode("utf-8"))
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)


def _rechain(*, digests: bool) -> None:
    bind = op.get_bind()
    records = sa.table(
        "decision_record",
        *(sa.column(n) for n in (*CHAIN_FIELDS, "input", "context", "result", "prev_hash", "hash")),
        *((sa.column("input_sha256"), sa.column("result_sha256")) if digests else ()),
    )
    head = sa.table("decision_chain_head", sa.column("id"), sa.column("seq"), sa.column("hash"))
    rows = bind.execute(sa.select(records).order_by(records.c.seq)).mappings().all()
    prev, seq = GENESIS, 0
    for row in rows:
        digest = hashlib.sha256(prev.encode("ascii") + _record_bytes(dict(row), digests=digests)).hexdigest()
        values: dict[str, Any] = {"prev_hash": prev, "hash": digest}
        if digests:
            values["input_sha256"] = hashlib.sha256(row["input"].encode("utf-8")).hexdigest()
            values["result_sha256"] = hashlib.sha256(row["result"].encode("utf-8")).hexdigest()
        bind.execute(sa.update(records).where(records.c.seq == row["seq"]).values(values))
        prev, seq = digest, row["seq"]
    if rows:
        bind.execute(sa.update(head).where(head.c.id == 1).values(seq=seq, hash=prev))


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("ALTER TABLE decision_record DISABLE TRIGGER USER")
    with op.batch_alter_table("decision_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("input_sha256", sqlmodel.sql.sqltypes.AutoString(length=64)))
        batch_op.add_column(sa.Column("result_sha256", sqlmodel.sql.sqltypes.AutoString(length=64)))
        batch_op.add_column(sa.Column("erased", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    _rechain(digests=True)
    with op.batch_alter_table("decision_record", schema=None) as batch_op:
        batch_op.alter_column(
            "input_sha256", existing_type=sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        )
        batch_op.alter_column(
            "result_sha256", existing_type=sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        )
    if postgres:
        op.execute(ERASABLE_FUNCTION)
        op.execute("ALTER TABLE decision_record ENABLE TRIGGER USER")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("ALTER TABLE decision_record DISABLE TRIGGER USER")
    # Back to chaining the content itself (erased content stays erased).
    _rechain(digests=False)
    with op.batch_alter_table("decision_record", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
        batch_op.drop_column("erased")
        batch_op.drop_column("result_sha256")
        batch_op.drop_column("input_sha256")
    if postgres:
        op.execute(STRICT_FUNCTION)
        op.execute("ALTER TABLE decision_record ENABLE TRIGGER USER")
