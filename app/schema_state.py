"""Where a database's schema stands against the migrations this version of SafeSteps ships.

Used by ``safesteps migrate`` (to say what it did, or with ``--check`` what it would do) and by the
readiness probe (a replica whose database is behind its code is not ready)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from app.settings import PROJECT_ROOT

MIGRATIONS = PROJECT_ROOT / "migrations"


@lru_cache(maxsize=1)
def scripts() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS))


def head_revisions() -> tuple[str, ...]:
    return tuple(sorted(scripts().get_heads()))


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: tuple[str, ...]  # empty: a database never migrated
    heads: tuple[str, ...]
    pending: tuple[str, ...]  # revisions between current and head, oldest first

    @property
    def at_head(self) -> bool:
        return set(self.current) == set(self.heads)

    @property
    def describe_current(self) -> str:
        return f"revision {', '.join(self.current)}" if self.current else "an empty database"


def schema_state(connection: Connection) -> SchemaState:
    current = tuple(sorted(MigrationContext.configure(connection).get_current_heads()))
    heads = head_revisions()
    unknown = set(current) - {rev.revision for rev in scripts().walk_revisions()}
    if unknown:  # a newer release migrated this database: nothing is pending, and it is not at head
        return SchemaState(current, heads, ())
    pending = [rev.revision for rev in scripts().iterate_revisions(heads, current or "base")]
    return SchemaState(current, heads, tuple(reversed(pending)))
