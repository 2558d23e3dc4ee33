"""The access audit, for administrators and auditors. Reading it is itself recorded."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AfterValidator

from app.auth.roles import Principal
from app.http.errors import check_order
from app.http.guards import ACTIONS, AUTH_ERRORS, audited
from app.http.pagination import CursorQuery
from app.http.session import SessionDep, UnitOfWorkRoute
from app.schemas.auth import AccessEventPage
from app.schemas.errors import error_responses
from app.schemas.types import Instant, one_of
from app.services.access import list_access

router = APIRouter(prefix="/v1/audit", tags=["audit"], route_class=UnitOfWorkRoute, responses=AUTH_ERRORS)


_known_action = one_of("unknown_action", "not an action the access audit records ({known})", lambda: ACTIONS)


@router.get(
    "/access",
    response_model=AccessEventPage,
    responses=error_responses(422),
)
def list_access_events(
    reader: Annotated[Principal, audited("access:read", action="access.read")],
    session: SessionDep,
    principal_id: Annotated[str | None, Query(max_length=128)] = None,
    target: Annotated[str | None, Query(max_length=128)] = None,
    action: Annotated[str | None, Query(max_length=32), AfterValidator(_known_action)] = None,
    since: Instant | None = None,
    until: Instant | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: CursorQuery = None,
) -> AccessEventPage:
    """Who read which incident or decision, or exported, when and from where; newest first. A
    force-bound reader sees the accesses of its own force's clients only."""
    check_order("since", since, "until", until)
    return list_access(
        session,
        principal_id=principal_id,
        target=target,
        action=action,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
        force=reader.force,
    )
