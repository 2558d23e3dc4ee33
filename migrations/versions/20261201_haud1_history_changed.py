"""history_changed: whether a decision's history facts changed its outcome (app/rules/history_effect.py),
on the decision record (covered by the chain when set) and copied into the aggregates, with a count
per day. Existing rows: null (made without history facts) and a count of 0, which is what they are:
history facts did not exist before hist1.

Revision ID: haud1
Revises: hist1
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "haud1"
down_revision: str | Sequence[str] | None = "hist1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the append-only triggers of decision_record stay as they are.
    for table in ("decision_record", "audit_decision", "audit_finding"):
        op.add_column(table, sa.Column("history_changed", sa.Boolean(), nullable=True))
    op.add_column(
        "audit_decision_day", sa.Column("history_changed", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_index(
        "ix_audit_decision_history_changed",
        "audit_decision",
        ["day", "seq"],
        postgresql_where=sa.text("history_changed"),
        sqlite_where=sa.text("history_changed"),
    )
    derive_aggregates()


def derive_aggregates() -> None:
    """Derive the aggregates of the records already in the log (ui1 created the tables empty). This
    runs the application's own ``aggregates.rebuild``, which reads and writes the head revision's
    columns: keep it in the newest migration that changes the aggregates or the decision record."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM decision_record")).scalar_one():
        from app.rules.registry import RulesetRegistry
        from app.services import aggregates
        from app.settings import get_settings

        aggregates.rebuild(bind, RulesetRegistry.load(get_settings().rulesets_dir))


def downgrade() -> None:
    op.drop_index("ix_audit_decision_history_changed", table_name="audit_decision")
    for table in ("audit_decision_day", "audit_finding", "audit_decision", "decision_record"):
        op.drop_column(table, "history_changed")
