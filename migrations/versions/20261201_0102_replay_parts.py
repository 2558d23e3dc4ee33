"""Replay jobs split into parts (ranges of the decision log) that any number of workers claim.

The job's single cursor moves to its parts. A job that had started (running, or released with a
cursor) becomes one part that resumes at its cursor with its counts and summary, so nothing is
replayed twice across the upgrade; a job that never started is split when a worker claims it.

Revision ID: 0102
Revises: ui1 (re-chained after ui1 landed on main)
Create Date: 2026-12-01 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0102"
down_revision: str | Sequence[str] | None = "ui1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "replay_part",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("part_no", sa.Integer(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("worker", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("processed", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["replay_job.id"], name=op.f("fk_replay_part_job_id_replay_job")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replay_part")),
        sa.UniqueConstraint("job_id", "part_no", name=op.f("uq_replay_part_job_id_part_no")),
    )
    with op.batch_alter_table("replay_part", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_replay_part_status"), ["status"], unique=False)
    with op.batch_alter_table("replay_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parts", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("parts_done", sa.Integer(), nullable=False, server_default="0"))
    # A started, unfinished job becomes one part from its cursor to the end of today's log.
    op.execute(
        """
        INSERT INTO replay_part (job_id, part_no, seq_from, seq_to, status, worker, attempts, cursor,
                                 processed, flagged, summary, heartbeat_at)
        SELECT id, 0, 0, (SELECT COALESCE(MAX(seq), 0) FROM decision_record), status, worker, attempts,
               cursor, processed, flagged, summary, heartbeat_at
        FROM replay_job
        WHERE status = 'running' OR (status = 'queued' AND cursor > 0)
        """
    )
    op.execute(
        "UPDATE replay_job SET parts = 1 WHERE status = 'running' OR (status = 'queued' AND cursor > 0)"
    )
    with op.batch_alter_table("replay_job", schema=None) as batch_op:
        batch_op.alter_column("parts_done", server_default=None)
        batch_op.drop_column("cursor")


def downgrade() -> None:
    with op.batch_alter_table("replay_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cursor", sa.Integer(), nullable=False, server_default="0"))
    # An unfinished job of one part keeps its cursor; one of several parts cannot (its parts' ranges
    # are not one prefix of the log), so its results go and it starts again from the beginning.
    unfinished = "status IN ('queued', 'running')"
    op.execute(
        "UPDATE replay_job SET cursor = (SELECT MAX(cursor) FROM replay_part "
        f"WHERE replay_part.job_id = replay_job.id) WHERE parts = 1 AND {unfinished}"
    )
    several = f"SELECT id FROM replay_job WHERE parts > 1 AND {unfinished}"
    op.execute(f"DELETE FROM replay_result WHERE job_id IN ({several})")
    op.execute(
        "UPDATE replay_job SET status = 'queued', processed = 0, flagged = 0, summary = '{}', worker = NULL "
        f"WHERE parts > 1 AND {unfinished}"
    )
    with op.batch_alter_table("replay_job", schema=None) as batch_op:
        batch_op.alter_column("cursor", server_default=None)
        batch_op.drop_column("parts_done")
        batch_op.drop_column("parts")
    with op.batch_alter_table("replay_part", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replay_part_status"))
    op.drop_table("replay_part")
