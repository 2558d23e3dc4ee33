"""Readiness: whether this replica can serve requests now.

Ready means the database answers and its schema is at the head this release's migrations define
(a replica started before `safesteps migrate` ran, or pointed at a database migrated by a newer
release, is not). Rule sets are loaded at start-up, or the process would not be running. A failed
check raises ``NotReady`` naming the component, and logs it without any detail of the error text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.errors import NotReady
from app.observability import error_type
from app.rules.registry import RulesetRegistry
from app.schema_state import schema_state

log = logging.getLogger("safesteps.readiness")


@dataclass(frozen=True, slots=True)
class Readiness:
    schema_revision: str
    rulesets: int


def check(engine: Engine, registry: RulesetRegistry) -> Readiness:
    try:
        with engine.connect() as connection:
            state = schema_state(connection)
    except (DBAPIError, PoolTimeout) as exc:
        log.warning("not ready", extra={"fields": {"component": "database", "error": error_type(exc)}})
        raise NotReady("database", "the database is not answering") from None
    if not state.at_head:
        fields = {"component": "schema", "current": list(state.current), "head": list(state.heads)}
        log.warning("not ready", extra={"fields": fields})
        raise NotReady(
            "schema",
            f"the database schema is at {state.describe_current} but this release needs revision "
            f"{', '.join(state.heads)}: run `safesteps migrate`",
        )
    return Readiness(
        schema_revision=", ".join(state.current),
        rulesets=sum(len(registry.versions(i)) for i in registry.ids()),
    )
