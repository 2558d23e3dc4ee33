"""Sign-in sessions of the auditors' web interface (``/ui``).

The cookie holds a random token; only its SHA-256 is stored. A session carries the principal it was
opened for (role and force binding as the API's) and ends at ``expires_at``, at sign-out, or, for a
session opened with an API key, as soon as that key is revoked or expires.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class UiSession(SQLModel, table=True):
    __tablename__ = "ui_session"

    token_hash: str = Field(primary_key=True, max_length=64)
    principal_id: str = Field(max_length=128)
    name: str = Field(max_length=128)
    role: str = Field(max_length=32)
    force: str | None = Field(default=None, max_length=16)
    kind: str = Field(max_length=16, description="`api_key` or `oidc`: how the user signed in.")
    key_id: str | None = Field(default=None, max_length=16, description="The API key signed in with.")
    created_at: datetime = timestamp_field()
    expires_at: datetime = timestamp_field(index=True)
    ended_at: datetime | None = timestamp_field(default=None, nullable=True)
