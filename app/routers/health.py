"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from app.auth.deps import public
from app.deps import RegistryDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    rulesets: int | None = None


@router.get("/healthz", response_model=Health, dependencies=[Depends(public)])
def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, dependencies=[Depends(public)])
def readyz(registry: RegistryDep) -> Health:
    """The service can answer: rule sets are loaded."""
    return Health(status="ready", rulesets=sum(len(registry.versions(i)) for i in registry.ids()))
