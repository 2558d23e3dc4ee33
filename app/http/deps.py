"""Typed dependencies shared by routers.

Dependencies that only read application state are ``async def``: FastAPI runs a sync dependency in
the threadpool, and a thread hop per dependency per request is measurable CPU on the hot paths.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from app.db import GroupWriter
from app.rules.registry import RulesetRegistry
from app.settings import Settings


async def get_registry(request: Request) -> RulesetRegistry:
    registry: RulesetRegistry = request.app.state.registry
    return registry


async def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def get_writer(request: Request) -> GroupWriter:
    writer: GroupWriter = request.app.state.writer
    return writer


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


EngineDep = Annotated[Engine, Depends(get_engine)]
RegistryDep = Annotated[RulesetRegistry, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
WriterDep = Annotated[GroupWriter, Depends(get_writer)]
