"""Incidents and their checklist revisions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field
from app.rules.checklist_types import FORCE_CODE_LENGTH


class Incident(SQLModel, table=True):
    """One row per incident: a reference is unique within its force (two forces may each hold the
    same reference, as separate incidents). ``revision`` is the number of its latest revision.

    The ``latest_*`` columns copy the latest evaluation so that listings filter without joins.
    """

    __tablename__ = "incident"
    # Reference first: the constraint's index also serves lookups by reference alone.
    __table_args__ = (UniqueConstraint("reference", "force"),)

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=64)
    force: str = Field(max_length=FORCE_CODE_LENGTH, index=True)
    incident_type: str = Field(max_length=32)
    revision: int = Field(description="Number of the latest revision (1 for the first).")
    latest_decision_id: str = Field(max_length=36)
    latest_hook: str | None = Field(default=None, max_length=64, index=True)
    latest_blocking: bool = Field(index=True)
    created_at: datetime = timestamp_field()
    updated_at: datetime = timestamp_field(index=True)


class ChecklistRevision(SQLModel, table=True):
    """One accepted submission. The checklist itself is the input of its decision record."""

    __tablename__ = "checklist_revision"
    __table_args__ = (UniqueConstraint("incident_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id")
    number: int
    # Deferred: the decision record is appended last, when the chain-head lock is taken.
    decision_id: str = Field(
        sa_column=Column(
            String(36),
            ForeignKey("decision_record.decision_id", deferrable=True, initially="DEFERRED"),
            nullable=False,
            index=True,  # a decision's incident (its force) is found through its revision
        )
    )
    submitted_by: str | None = Field(
        default=None, max_length=128, description="Who sent it (officer); null once erased."
    )
    device_time: datetime | None = timestamp_field(
        default=None, nullable=True, description="The sending device's own clock."
    )
    received_at: datetime = timestamp_field(description="The server's receipt time.")
    idempotency_key: str | None = Field(default=None, max_length=255)
    # Salt of the commitment the decision record holds to this row; erased with submitted_by and
    # idempotency_key by retention (``erased_at``).
    salt: str | None = Field(default=None, max_length=32)
    erased_at: datetime | None = timestamp_field(default=None, nullable=True)
