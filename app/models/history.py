"""``person_history``: what each decision recorded about each linked person and the address, for
counting a person's earlier incidents (``app.services.history``).

One row per (decision, linked subject): every accepted submission writes one row for each child and
adult it could link (a force person reference, or name and date of birth) and one for the incident's
address (``incident.address_ref``). Rows hold a keyed pseudonym (HMAC-SHA256 under the history
secret, force-scoped), never the reference, name or date of birth it was derived from, plus the
flags the history counts need. They are pseudonymised personal data: kept under their own
retention (``SAFESTEPS_HISTORY_RETENTION_DAYS``), untouched by the checklist's content erasure.

"Earlier", for an evaluation of incident X at ``as_of``: rows of another incident than X, of the
same force (or a force sharing with it), whose ``recorded_at`` is at or before ``as_of``; of each
such incident only its latest such row counts (highest ``revision``). The windows (3/12 months, 90
days) are measured on the earlier row's ``as_of`` (the time that decision was evaluated at).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field
from app.rules.checklist_types import FORCE_CODE_LENGTH


class PersonHistory(SQLModel, table=True):
    __tablename__ = "person_history"
    __table_args__ = (
        # The lookup: pseudonyms IN (...) of the force (or its sharing group), recorded by as_of.
        Index("ix_person_history_lookup", "force", "pseudonym", "recorded_at"),
        # The incident's own rows (excluded from its history; the auditor's timeline).
        Index("ix_person_history_incident", "incident_id", "revision"),
        # Retention deletes by age.
        Index("ix_person_history_recorded_at", "recorded_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    force: str = Field(max_length=FORCE_CODE_LENGTH, description="The incident's force.")
    subject: str = Field(max_length=8, description="`child`, `adult` or `address`.")
    local_id: str | None = Field(
        default=None, max_length=64, description="Local id in that checklist (`C1`); null: the address."
    )
    pseudonym: str = Field(max_length=64, description="HMAC-SHA256 (hex) of the normalised identifier.")
    key_id: str = Field(max_length=16, description="Which history secret made the pseudonym (rotation).")
    basis: str = Field(max_length=8, description="`ref` (force reference), `name_dob` or `address`.")
    incident_id: int = Field(sa_column=Column(Integer, ForeignKey("incident.id"), nullable=False))
    revision: int = Field(description="The incident revision the decision was made for.")
    decision_id: str = Field(max_length=36, index=True)
    as_of: datetime = timestamp_field(description="The pinned time of that evaluation (windows).")
    recorded_at: datetime = timestamp_field(description="When that decision was recorded ('earlier').")
    concern: bool = Field(description="A concern-for-a-child incident (children present or harm alleged).")
    domestic: bool = Field(description="A domestic-abuse incident.")
    missing: bool = Field(description="A missing episode of this person (children only).")
    injury: bool = Field(description="An injury to this person was recorded (children only).")
    referral: bool = Field(description="A referral to children's social care was made.")
    referral_outcome: str | None = Field(default=None, max_length=32, description="Its recorded outcome.")
    suspect: bool = Field(description="The person was named as a suspect.")
    open_steps: str = Field(
        default="[]", max_length=4000, description="JSON array of critical step ids left missing, sorted."
    )
