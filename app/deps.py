"""Typed dependencies shared by routers.

Dependencies that only read application state are ``async def``: FastAPI runs a sync dependency in
the threadpool, and a thread hop per dependency per request is measurable CPU on the hot paths.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

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


async def get_requester() -> str:
    """Who is asking. A placeholder until authentication exists; replaced by the client identity."""
    return "anonymous"


RequesterDep = Annotated[str, Depends(get_requester)]
RegistryDep = Annotated[RulesetRegistry, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
