"""Incident references are unique per force: the incident's identity is (force, reference).

Existing rows stay valid as they are (a reference unique across all forces is unique within its
force). The downgrade restores one reference across all forces and so refuses while two forces hold
the same reference: it would have to drop or merge incidents, and it does neither.

Revision ID: force1
Revises: ops2
Create Date: 2026-12-01 11:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "force1"
down_revision: str | Sequence[str] | None = "ops2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Reference first: the constraint's index also serves lookups by reference alone.
    with op.batch_alter_table("incident") as batch:
        batch.drop_constraint("uq_incident_reference", type_="unique")
        batch.create_unique_constraint("uq_incident_reference_force", ["reference", "force"])
    # A decision's incident (and so its force) is found through the revision it was made for.
    op.create_index("ix_checklist_revision_decision_id", "checklist_revision", ["decision_id"])


def downgrade() -> None:
    shared = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT reference FROM incident GROUP BY reference HAVING COUNT(*) > 1 ORDER BY reference"
            )
        )
        .scalars()
        .all()
    )
    if shared:
        raise RuntimeError(
            f"{len(shared)} incident reference(s) are held by more than one force; "
            "a downgrade to references unique across all forces would lose incidents"
        )
    op.drop_index("ix_checklist_revision_decision_id", table_name="checklist_revision")
    with op.batch_alter_table("incident") as batch:
        batch.drop_constraint("uq_incident_reference_force", type_="unique")
        batch.create_unique_constraint("uq_incident_reference", ["reference"])
