"""API keys of client systems, for administrators. The key is shown once, at creation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from app.auth.roles import Principal
from app.http.deps import SettingsDep
from app.http.guards import AUTH_ERRORS, Authorize
from app.http.session import SessionDep, UnitOfWorkRoute
from app.models.base import utcnow
from app.schemas.auth import ApiKeyCreate, ApiKeyCreated, ApiKeyPublic
from app.schemas.errors import JSON_BODY, error_responses
from app.services import apikeys as service

router = APIRouter(prefix="/v1/keys", tags=["keys"], route_class=UnitOfWorkRoute, responses=AUTH_ERRORS)
Admin = Annotated[Principal, Depends(Authorize("keys:manage"))]
KeyId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]


@router.post("", response_model=ApiKeyCreated, status_code=201, responses=error_responses(*JSON_BODY, 403))
def create_key(body: ApiKeyCreate, admin: Admin, session: SessionDep, settings: SettingsDep) -> ApiKeyCreated:
    """Create a key for a client system; the response is the only place the key appears."""
    row, plaintext = service.create_key(
        session,
        **body.model_dump(),
        created_by=admin.id,
        pepper=settings.key_pepper.get_secret_value(),
        now=utcnow(),
        creator_force=admin.force,
    )
    return ApiKeyCreated(**row.model_dump(exclude={"secret_hash"}), key=plaintext)


@router.get("", response_model=list[ApiKeyPublic])
def list_keys(admin: Admin, session: SessionDep) -> list[ApiKeyPublic]:
    """Every key with its role, binding, expiry and revocation (never the secret or its hash); a
    force-bound admin sees its own force's keys only."""
    rows = service.list_keys(session, force=admin.force)
    return [ApiKeyPublic.model_validate(row, from_attributes=True) for row in rows]


@router.post(
    "/{key_id}/revoke",
    response_model=ApiKeyPublic,
    responses=error_responses(404, 422),
)
def revoke_key(key_id: KeyId, admin: Admin, session: SessionDep, request: Request) -> ApiKeyPublic:
    """Revoke a key at once (in this process; others within `auth_cache_seconds`); a force-bound
    admin only its own force's."""
    row = service.revoke_key(session, key_id, now=utcnow(), force=admin.force)
    request.app.state.authenticator.forget(key_id)
    return ApiKeyPublic.model_validate(row, from_attributes=True)
