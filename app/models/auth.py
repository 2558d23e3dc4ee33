"""API keys of client systems, and the append-only record of who read what."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field
from app.rules.checklist_types import FORCE_CODE_LENGTH


class ApiKey(SQLModel, table=True):
    """One client system's key. The secret itself is never stored: only its peppered HMAC."""

    __tablename__ = "api_key"

    key_id: str = Field(primary_key=True, max_length=16, description="The public id part of the key.")
    name: str = Field(max_length=128, description="Which client system holds it.")
    role: str = Field(max_length=32)
    force: str | None = Field(
        default=None, max_length=FORCE_CODE_LENGTH, description="Force binding, if any."
    )
    secret_hash: str = Field(max_length=64)
    created_by: str = Field(max_length=128)
    created_at: datetime = timestamp_field()
    expires_at: datetime | None = timestamp_field(default=None, nullable=True)
    revoked_at: datetime | None = timestamp_field(default=None, nullable=True)
    last_used_at: datetime | None = timestamp_field(default=None, nullable=True)


class AccessEvent(SQLModel, table=True):
    """A read of an incident or decision, or an export: who, what, when, from where, and the answer.

    Append-only: nothing in the service updates or deletes it, and on PostgreSQL a trigger refuses
    UPDATE, DELETE and TRUNCATE (as on ``decision_record``).
    """

    __tablename__ = "access_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = timestamp_field(index=True)
    principal_id: str = Field(max_length=128, index=True)
    role: str = Field(max_length=32)
    action: str = Field(max_length=32, description="e.g. `incident.read`, `audit.export`.")
    target: str | None = Field(default=None, max_length=128, index=True)
    status: int = Field(description="The HTTP status answered.")
    client_ip: str | None = Field(default=None, max_length=64)
    request_id: str | None = Field(default=None, max_length=64)
    force: str | None = Field(
        default=None,
        max_length=16,
        index=True,
        description="The reader's force binding: a bound auditor sees its own force's events.",
    )
    # The access-audit chain (``app.services.integrity``): rows are linked in ``id`` order.
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
