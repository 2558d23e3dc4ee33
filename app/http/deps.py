"""Typed dependencies shared by routers.

Dependencies that only read application state are ``async def``: FastAPI runs a sync dependency in
the threadpool, and a thread hop per dependency per request is measurable CPU on the hot paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from app.db import GroupWriter
from app.rules.registry import RulesetRegistry
from app.services.history import Pseudonymiser, Reader
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


async def get_pseudonymiser(request: Request) -> Pseudonymiser:
    pseudonymiser: Pseudonymiser = request.app.state.pseudonymiser
    return pseudonymiser


@dataclass(frozen=True, slots=True)
class HistoryScope:
    """Read-only history lookups, and the force the calling client is bound to (None: any)."""

    reader: Reader
    force: str | None


def history_reader(request: Request) -> HistoryScope:
    # Set by the route's Authorize guard; ``request.state``'s own dict (without building a ``State``).
    principal = request.scope.setdefault("state", {}).get("principal")
    return HistoryScope(request.app.state.history_reader, principal.force if principal else None)


async def get_history_reader(request: Request) -> HistoryScope:
    return history_reader(request)


EngineDep = Annotated[Engine, Depends(get_engine)]
RegistryDep = Annotated[RulesetRegistry, Depends(get_registry)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
PseudonymiserDep = Annotated[Pseudonymiser, Depends(get_pseudonymiser)]
HistoryDep = Annotated[HistoryScope, Depends(get_history_reader)]
WriterDep = Annotated[GroupWriter, Depends(get_writer)]
