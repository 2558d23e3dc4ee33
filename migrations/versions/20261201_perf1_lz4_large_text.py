"""PostgreSQL compresses the large text of every submission with LZ4 instead of pglz.

Each stored submission writes a decision record (its checklist and ~12 kB result) and the response
kept for its idempotency key (~17 kB): values past the TOAST threshold, compressed by the server.
pglz cost the database backend ~0.2 ms per submission; LZ4 a fraction of that, at a similar size
(benchmarks/persistence.py). Only values written from now on are compressed with LZ4; older ones
stay as they are, and both read alike. The values themselves, and so the hash chain, are unchanged.

Nothing on SQLite, or on a server built without LZ4 (it keeps pglz).

Revision ID: perf1
Revises: haud1
Create Date: 2026-12-01 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "perf1"
down_revision: str | Sequence[str] | None = "haud1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("decision_record", "input"), ("decision_record", "result"), ("idempotency_key", "response"))


def _lz4_available() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    query = text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )  # PostgreSQL 14+ built with LZ4 lists it
    return bool(bind.execute(query).scalar())


def _compress_with(method: str) -> None:
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}")


def upgrade() -> None:
    if _lz4_available():
        _compress_with("lz4")


def downgrade() -> None:
    if _lz4_available():
        _compress_with("default")
