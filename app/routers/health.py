"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from app.http.deps import RegistryDep
from app.http.guards import anonymous

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    rulesets: int | None = None


@router.get("/healthz", response_model=Health, dependencies=[Depends(anonymous)])
def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, dependencies=[Depends(anonymous)])
def readyz(registry: RegistryDep) -> Health:
    """The service can answer: rule sets are loaded."""
    return Health(status="ready", rulesets=sum(len(registry.versions(i)) for i in registry.ids()))
