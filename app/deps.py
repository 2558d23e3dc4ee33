"""Typed dependencies shared by routers.

Dependencies that only read application state are ``async def``: FastAPI runs a sync dependency in
the threadpool, and a thread hop per dependency per request is measurable CPU on the hot paths.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.middleware import CLIENT_ID_STATE
from app.rules.registry import RulesetRegistry
from app.settings import Settings


# These only read app state: ``async def`` keeps them on the event loop, where a sync dependency
# would cost a thread-pool hop on every request (the handlers themselves stay sync).
async def get_registry(request: Request) -> RulesetRegistry:
    registry: RulesetRegistry = request.app.state.registry
    return registry


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_requester(request: Request) -> str:
    """The authenticated caller's id (``key:...`` or ``oidc:...``), for records that name who asked.

    Set by the route's ``Authorize``/``audited`` dependency, which must therefore be declared on the
    route (route-level ``dependencies=[...]`` run first) or before this parameter. Without it this
    fails rather than record an anonymous caller.
    """
    client_id = getattr(request.state, CLIENT_ID_STATE, None)
    if not isinstance(client_id, str):
        raise RuntimeError("RequesterDep used on a route whose Authorize(...) has not run first")
    return client_id


RequesterDep = Annotated[str, Depends(get_requester)]
RegistryDep = Annotated[RulesetRegistry, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
