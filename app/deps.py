"""Typed dependencies shared by routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.rules.registry import RulesetRegistry
from app.settings import Settings


def get_registry(request: Request) -> RulesetRegistry:
    registry: RulesetRegistry = request.app.state.registry
    return registry


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_requester() -> str:
    """Who is asking. A placeholder until authentication exists; replaced by the client identity."""
    return "anonymous"


RequesterDep = Annotated[str, Depends(get_requester)]
RegistryDep = Annotated[RulesetRegistry, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
