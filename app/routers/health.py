"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from app import __version__
from app.http.deps import EngineDep, RegistryDep
from app.http.guards import anonymous
from app.schemas.errors import error_responses
from app.services import readiness

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(description="`ok`: the process answers.")
    version: str = Field(description="The SafeSteps release serving the request.")


class Ready(BaseModel):
    status: str = Field(description="`ready`: the database answers and its schema is at head.")
    version: str = Field(description="The SafeSteps release serving the request.")
    schema_revision: str = Field(description="The database's migration revision.")
    rulesets: int = Field(description="Rule-set versions loaded.")


@router.get("/healthz", response_model=Health, dependencies=[Depends(anonymous)])
def healthz() -> Health:
    """Liveness: the process is up. It checks nothing else, so an orchestrator never restarts a
    replica for a database outage; readiness (`/readyz`) covers that."""
    return Health(status="ok", version=__version__)


@router.get(
    "/readyz", response_model=Ready, dependencies=[Depends(anonymous)], responses=error_responses(503)
)
def readyz(engine: EngineDep, registry: RegistryDep) -> Ready:
    """Readiness: the database answers and its schema is at this release's head. Otherwise 503
    `not_ready` with `Retry-After`, and `detail.component` naming what is wrong (`database` or
    `schema`)."""
    state = readiness.check(engine, registry)
    return Ready(
        status="ready", version=__version__, schema_revision=state.schema_revision, rulesets=state.rulesets
    )
