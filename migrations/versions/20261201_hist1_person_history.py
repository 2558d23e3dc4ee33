"""person_history: one row per (decision, linked person or address), holding a keyed pseudonym and
the flags a person's earlier incidents are counted from (app/models/history.py). Nothing is
backfilled: earlier decision records hold no pseudonyms (and may have lost the names they would be
derived from to retention), so history starts with the first submission after this migration.
Replay jobs record which history facts an impact replay used (``replay_job.history``: ``stored``,
the default, or ``recomputed``).

Revision ID: hist1
Revises: force1
Create Date: 2026-12-01 14:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "hist1"
down_revision: str | Sequence[str] | None = "force1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "person_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("force", text(length=16), nullable=False),
        sa.Column("subject", text(length=8), nullable=False),
        sa.Column("local_id", text(length=64), nullable=True),
        sa.Column("pseudonym", text(length=64), nullable=False),
        sa.Column("key_id", text(length=16), nullable=False),
        sa.Column("basis", text(length=8), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("decision_id", text(length=36), nullable=False),
        sa.Column("as_of", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("concern", sa.Boolean(), nullable=False),
        sa.Column("domestic", sa.Boolean(), nullable=False),
        sa.Column("missing", sa.Boolean(), nullable=False),
        sa.Column("injury", sa.Boolean(), nullable=False),
        sa.Column("referral", sa.Boolean(), nullable=False),
        sa.Column("referral_outcome", text(length=32), nullable=True),
        sa.Column("suspect", sa.Boolean(), nullable=False),
        sa.Column("open_steps", text(length=4000), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_person_history_incident_id_incident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_history")),
    )
    with op.batch_alter_table("person_history") as batch:
        batch.create_index("ix_person_history_lookup", ["force", "pseudonym", "recorded_at"])
        batch.create_index("ix_person_history_incident", ["incident_id", "revision"])
        batch.create_index("ix_person_history_recorded_at", ["recorded_at"])
        batch.create_index(batch.f("ix_person_history_decision_id"), ["decision_id"])
    # Deletions of person history are evidenced in the erasure log (null on the entries before).
    with op.batch_alter_table("erasure_log") as batch:
        batch.add_column(sa.Column("history_rows", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("history_cutoff", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("replay_job") as batch:
        batch.add_column(sa.Column("history", text(length=16), server_default="stored", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("erasure_log") as batch:
        batch.drop_column("history_cutoff")
        batch.drop_column("history_rows")
    with op.batch_alter_table("replay_job") as batch:
        batch.drop_column("history")
    with op.batch_alter_table("person_history") as batch:
        batch.drop_index(batch.f("ix_person_history_decision_id"))
        batch.drop_index("ix_person_history_recorded_at")
        batch.drop_index("ix_person_history_incident")
        batch.drop_index("ix_person_history_lookup")
    op.drop_table("person_history")
