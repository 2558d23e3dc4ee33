"""Bodies of the key-management and access-audit endpoints."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.auth.roles import Role
from app.rules.checklist_types import ForceCode
from app.schemas.pagination import Page
from app.schemas.types import Instant


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"name": "WMP MDT fleet", "role": "mdt", "force": "WMP", "expires_at": "2027-06-30T23:59:59Z"}
            ]
        },
    )

    name: str = Field(
        min_length=1, max_length=128, description="The client system, e.g. `WMP control room CAD`."
    )
    role: Role
    force: ForceCode | None = Field(None, description="Bind the key to one force's incidents.")
    expires_at: Instant | None = Field(None, description="After this the key stops working.")


class ApiKeyPublic(BaseModel):
    key_id: str
    name: str
    role: Role
    force: str | None
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = Field(
        None, description="When the key last authenticated a request (to the minute); null: never."
    )


class ApiKeyCreated(ApiKeyPublic):
    key: str = Field(description="The key itself. Shown this once; only its hash is stored.")


class AccessEventPublic(BaseModel):
    id: int
    at: datetime
    principal_id: str
    role: str
    action: str
    target: str | None
    status: int
    client_ip: str | None
    request_id: str | None
    force: str | None = None


class AccessEventPage(Page[AccessEventPublic]):
    """Access events, newest first."""
