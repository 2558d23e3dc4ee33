"""Feedback records the authenticated client that sent it (recorded_by) and is idempotent: a retried
request (same decision, same feedback, same client: request_hash) is stored once.

Existing rows get recorded_by 'unrecorded' and no request_hash (they stay distinct).

Revision ID: ops1
Revises: auth2
Create Date: 2026-12-01 09:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "ops1"
down_revision: str | Sequence[str] | None = "auth2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("decision_feedback") as batch:
        batch.add_column(
            sa.Column("recorded_by", sa.String(length=128), nullable=False, server_default="unrecorded")
        )
        batch.add_column(sa.Column("request_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(
            "uq_decision_feedback_decision_id_request_hash", ["decision_id", "request_hash"]
        )


def downgrade() -> None:
    with op.batch_alter_table("decision_feedback") as batch:
        batch.drop_constraint("uq_decision_feedback_decision_id_request_hash", type_="unique")
        batch.drop_column("request_hash")
        batch.drop_column("recorded_by")
