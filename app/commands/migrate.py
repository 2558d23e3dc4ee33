"""``safesteps migrate``: bring the database to this version's schema, for init containers and jobs.

It says what it did (from which revision to which, or that nothing was to do), never prints the
database password, and with ``--check`` changes nothing and exits 1 when migrations are pending."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from app.commands.console import exit_error, out
from app.db import build_engine, migrate
from app.schema_state import schema_state
from app.settings import get_settings


def _say(message: str) -> None:
    out.print(message, highlight=False, soft_wrap=True)


def migrate_command(
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if migrations are pending.")
    ] = False,
) -> None:
    """Upgrade the database named by SAFESTEPS_DATABASE_URL to the latest schema."""
    settings = get_settings()
    where = make_url(settings.database_url).render_as_string(hide_password=True)
    engine = build_engine(settings.database_url, busy_timeout_ms=settings.busy_timeout_ms, pool_size=1)
    try:
        with engine.connect() as connection:
            before = schema_state(connection)
        if check:
            if not before.at_head:
                pending = ", ".join(before.pending) or "none this version knows (the database is newer)"
                raise exit_error(
                    f"{where}: behind the latest schema, at {before.describe_current}; pending: {pending}."
                )
            _say(f"{where}: at the latest schema ({before.describe_current}).")
            return
        migrate(engine)
        with engine.connect() as connection:
            after = schema_state(connection)
    finally:
        engine.dispose()
    if before.current == after.current:
        _say(f"{where}: already at the latest schema ({after.describe_current}); nothing to do.")
        return
    applied = before.pending
    _say(
        f"{where}: upgraded from {before.describe_current} to {after.describe_current} "
        f"({len(applied)} revision{'s' if len(applied) != 1 else ''}: {', '.join(applied)})."
    )
