"""The access audit, for administrators and auditors. Reading it is itself recorded."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from app.http.guards import AUTH_ERRORS, audited
from app.http.session import SessionDep, UnitOfWorkRoute
from app.schemas.auth import AccessEventPublic
from app.schemas.errors import error_responses
from app.services.access import list_access

router = APIRouter(prefix="/v1/audit", tags=["audit"], route_class=UnitOfWorkRoute, responses=AUTH_ERRORS)


@router.get(
    "/access",
    response_model=list[AccessEventPublic],
    responses=error_responses(422),
    dependencies=[audited("access:read", action="access.read")],
)
def list_access_events(
    session: SessionDep,
    principal_id: Annotated[str | None, Query(max_length=128)] = None,
    target: Annotated[str | None, Query(max_length=128)] = None,
    action: Annotated[str | None, Query(max_length=32)] = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[AccessEventPublic]:
    """Who read which incident or decision, or exported, when and from where; newest first."""
    rows = list_access(
        session,
        principal_id=principal_id,
        target=target,
        action=action,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return [AccessEventPublic.model_validate(row, from_attributes=True) for row in rows]
