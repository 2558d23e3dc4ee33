"""Feedback records the authenticated client that sent it (recorded_by) and is idempotent: a retried
request (same decision, same feedback, same client: request_hash) is stored once.

Existing rows get recorded_by 'unrecorded' and no request_hash (they stay distinct).

Revision ID: ops1
Revises: int1
Create Date: 2026-12-01 09:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ops1"
down_revision: str | Sequence[str] | None = "int1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN and CREATE UNIQUE INDEX: no table copy on SQLite (batch mode would
    # recreate the table, holding the write lock longer while other processes start).
    op.add_column(
        "decision_feedback",
        sa.Column("recorded_by", sa.String(length=128), nullable=False, server_default="unrecorded"),
    )
    op.add_column("decision_feedback", sa.Column("request_hash", sa.String(length=64), nullable=True))
    op.create_index(
        "ux_decision_feedback_request", "decision_feedback", ["decision_id", "request_hash"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ux_decision_feedback_request", table_name="decision_feedback")
    with op.batch_alter_table("decision_feedback") as batch:
        batch.drop_column("request_hash")
        batch.drop_column("recorded_by")
