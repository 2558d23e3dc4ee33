"""Stored responses for ``Idempotency-Key`` retries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlmodel import Field, SQLModel

from app.models.base import timestamp_field


class IdempotencyKey(SQLModel, table=True):
    """A key claimed by a client (``scope``) with the fingerprint of the request that claimed it.

    The row is inserted in the same transaction as the work it protects, so a concurrent retry with
    the same key waits for that transaction and then finds the stored response.

    ``decision_id`` set: ``response`` is the response without the number of that decision's
    revision and the record's ``result``, which go back in at characters ``revision_at`` and
    ``evaluation_at`` (stored once; ``app.services.idempotency``).
    """

    __tablename__ = "idempotency_key"

    scope: str = Field(primary_key=True, max_length=128)
    key: str = Field(primary_key=True, max_length=255)
    request_hash: str = Field(max_length=64)
    status_code: int | None = None
    response: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = timestamp_field()
    decision_id: str | None = Field(default=None, sa_type=String(36))
    revision_at: int | None = None
    evaluation_at: int | None = None
