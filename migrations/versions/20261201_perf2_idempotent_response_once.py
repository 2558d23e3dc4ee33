"""A submission's idempotent response is stored without a second copy of its decision's result.

The response (~17 kB) embeds the decision record's ``result`` (~12 kB) verbatim, and the number of the
revision stored. From now on the key keeps the rest of it, written with the claim, the record's
``decision_id`` and the character offsets the revision number and the result go back in at
(``revision_at``, ``evaluation_at``); a retry gets exactly the same response
(``app.services.idempotency``). Retention deletes such a key in the same transaction that erases its
record's content.

Existing keys keep their whole response (``decision_id`` null) and are read as before: nothing is
rewritten. Downgrade puts the result back into every referring response first, so the previous
release reads them all whole.

Revision ID: perf2
Revises: perf1
Create Date: 2026-12-01 19:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "perf2"
down_revision: str | Sequence[str] | None = "perf1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("idempotency_key", sa.Column("decision_id", sa.String(length=36), nullable=True))
    op.add_column("idempotency_key", sa.Column("revision_at", sa.Integer(), nullable=True))
    op.add_column("idempotency_key", sa.Column("evaluation_at", sa.Integer(), nullable=True))


def downgrade() -> None:
    # substr counts characters on both databases, as the offsets do; 1-based. The revision first:
    # it comes before the result, so the result's offset is counted in the response without both.
    op.execute(
        "UPDATE idempotency_key SET response = substr(response, 1, revision_at) || "
        "(SELECT CAST(v.number AS VARCHAR(12)) FROM checklist_revision v "
        "WHERE v.decision_id = idempotency_key.decision_id) || "
        "substr(response, revision_at + 1, evaluation_at - revision_at) || "
        "(SELECT r.result FROM decision_record r WHERE r.decision_id = idempotency_key.decision_id) || "
        "substr(response, evaluation_at + 1) WHERE decision_id IS NOT NULL"
    )
    op.drop_column("idempotency_key", "evaluation_at")
    op.drop_column("idempotency_key", "revision_at")
    op.drop_column("idempotency_key", "decision_id")
