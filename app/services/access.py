"""The access audit: who read which incident or decision, or exported, when, from where, with what answer.

Append-only: this module inserts and reads, nothing updates or deletes (and PostgreSQL refuses it).
Each event is linked into a hash chain of its own (``app.services.integrity``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.auth.roles import Principal
from app.models.auth import AccessEvent
from app.models.base import utcnow
from app.schemas.auth import AccessEventPage, AccessEventPublic
from app.schemas.pagination import decode_cursor, next_cursor
from app.services import integrity

CURSOR_KIND = "access_events"


def record_access(
    session: Session,
    principal: Principal,
    *,
    action: str,
    target: str | None,
    status: int,
    client_ip: str | None,
    request_id: str | None,
) -> AccessEvent:
    values: dict[str, Any] = {
        "at": utcnow(),
        "principal_id": principal.id,
        "role": principal.role.value,
        "action": action,
        "target": target,
        "status": status,
        "client_ip": client_ip[:64] if client_ip else None,
        "request_id": request_id,
        "force": principal.force,
    }
    # Linked into the access-audit chain (the caller holds the write transaction).
    event_id = integrity.append_row(session.connection(), integrity.ACCESS_EVENTS, values)
    event = AccessEvent(id=event_id, **values)
    return event


def list_access(
    session: Session,
    *,
    principal_id: str | None = None,
    target: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
    cursor: str | None = None,
    force: str | None = None,
) -> AccessEventPage:
    """Newest first, keyset-paginated by id; ``force``: a force-bound reader sees only the accesses of
    its own force's clients."""
    query = select(AccessEvent)
    if force is not None:
        query = query.where(AccessEvent.force == force)
    if principal_id is not None:
        query = query.where(AccessEvent.principal_id == principal_id)
    if target is not None:
        query = query.where(AccessEvent.target == target)
    if action is not None:
        query = query.where(AccessEvent.action == action)
    if since is not None:
        query = query.where(AccessEvent.at >= since)
    if until is not None:
        query = query.where(AccessEvent.at < until)
    if cursor is not None:
        (last,) = decode_cursor(cursor, CURSOR_KIND, int)
        query = query.where(col(AccessEvent.id) < last)
    rows = session.exec(query.order_by(col(AccessEvent.id).desc()).limit(limit + 1)).all()
    items = [AccessEventPublic.model_validate(row, from_attributes=True) for row in rows]
    return AccessEventPage(
        items=items[:limit], next_cursor=next_cursor(items, limit, CURSOR_KIND, lambda e: (e.id,))
    )
