"""Stored responses for ``Idempotency-Key`` retries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class IdempotencyKey(SQLModel, table=True):
    """A key claimed by a client (``scope``) with the fingerprint of the request that claimed it.

    The row is inserted in the same transaction as the work it protects, so a concurrent retry with
    the same key waits for that transaction and then finds the stored response.
    """

    __tablename__ = "idempotency_key"

    scope: str = Field(primary_key=True, max_length=128)
    key: str = Field(primary_key=True, max_length=255)
    request_hash: str = Field(max_length=64)
    status_code: int | None = None
    response: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = timestamp_field()
