"""``safesteps keys ...`` and ``safesteps retention ...``: thin layers over the services."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy.exc import DBAPIError

from app.auth.roles import Role
from app.commands.console import err, exit_error, out
from app.db import build_engine, migrate, session_scope
from app.errors import ServiceError
from app.models.base import utcnow
from app.services import apikeys, retention
from app.settings import get_settings

keys_app = typer.Typer(help="API keys of client systems: create, list, revoke.", no_args_is_help=True)
FORCE_CODE = re.compile(r"^[A-Z0-9_-]{2,16}$")


def _aware(value: datetime | None, option: str) -> datetime | None:
    """``value``, in UTC when it names no zone; an error naming ``option`` when UTC cannot hold it
    (9999-12-31T23:59:59-14:00 is past year 9999 there, where every time is stored)."""
    if value is None:
        return None
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    try:
        aware.astimezone(UTC)
    except OverflowError:
        raise exit_error(f"{option} is outside the years 1 to 9999 once converted to UTC", code=2) from None
    return aware


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="The client system, e.g. 'WMP control room CAD'.")],
    role: Annotated[Role, typer.Option(help="What the key may do.")],
    force: Annotated[
        str | None, typer.Option(help="Bind the key to one force's incidents, e.g. WMP.")
    ] = None,
    expires: Annotated[
        datetime | None, typer.Option(help="Expiry (ISO 8601; UTC when no zone is given).")
    ] = None,
) -> None:
    """Create a key. It is printed once, here; only its hash is stored."""
    if force is not None and not FORCE_CODE.fullmatch(force):
        err.print("[bold red]error:[/] --force must be a force code such as WMP")
        raise typer.Exit(2)
    settings = get_settings()
    expires_at = _aware(expires, "--expires")
    try:
        with session_scope(settings=settings) as session:
            row, plaintext = apikeys.create_key(
                session,
                name=name,
                role=role,
                force=force,
                expires_at=expires_at,
                created_by="cli",
                pepper=settings.key_pepper.get_secret_value(),
                now=utcnow(),
            )
            key_id = row.key_id
    except ServiceError as exc:  # e.g. an expiry already past: nothing was stored
        raise exit_error(str(exc)) from None
    err.print(f"Created key {key_id} ({role.value}). Store it now: it cannot be shown again.")
    sys.stdout.write(plaintext + "\n")


@keys_app.command("list")
def keys_list(
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
) -> None:
    """Every key with its role, binding, expiry and revocation (never the secret)."""
    now = utcnow()
    with session_scope() as session:
        rows = [
            {
                "key_id": r.key_id,
                "name": r.name,
                "role": r.role,
                "force": r.force,
                "created_at": r.created_at.isoformat(),
                "expires_at": r.expires_at.isoformat() if r.expires_at else None,
                "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None,
                "last_used_at": r.last_used_at.isoformat() if r.last_used_at else None,
                "usable": apikeys.is_usable(r, now),
            }
            for r in apikeys.list_keys(session)
        ]
    if fmt not in ("table", "json"):
        raise exit_error("--format must be table or json")
    if as_json or fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("key id", "name", "role", "force", "created", "last used", "expires", "state")
    columns = ("key_id", "name", "role", "force", "created_at", "last_used_at", "expires_at")
    for r in rows:
        state = "revoked" if r["revoked_at"] else ("active" if r["usable"] else "expired")
        table.add_row(*(str(r[c] or "-") for c in columns), state)
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key id (from `keys list`).")]) -> None:
    """Revoke a key. Running services stop accepting it within `auth_cache_seconds`."""
    try:
        with session_scope() as session:
            row = apikeys.revoke_key(session, key_id, now=utcnow())
            revoked_at = row.revoked_at
    except apikeys.ApiKeyNotFound as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(1) from None
    out.print(f"Revoked {key_id} at {revoked_at.isoformat() if revoked_at else '?'}")


# How far ahead of now `retention apply --before` may reach (our choice): enough for a script that
# adds a few seconds or a clock a little ahead; a mistyped year is refused.
FUTURE_CUTOFF_GRACE = timedelta(days=1)

retention_app = typer.Typer(help="Erase personal content after the retention period.", no_args_is_help=True)


@retention_app.command("apply")
def retention_apply(
    days: Annotated[
        int | None, typer.Option(min=1, help="Retention period in days (default: SAFESTEPS_RETENTION_DAYS).")
    ] = None,
    before: Annotated[
        datetime | None, typer.Option(help="Explicit cut-off instead of --days (ISO 8601; UTC if no zone).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Count, change nothing.")] = False,
    batch_size: Annotated[
        int | None,
        typer.Option(min=1, help="Decision records per transaction (SAFESTEPS_RETENTION_BATCH_SIZE)."),
    ] = None,
) -> None:
    """Erase names, dates of birth and free text from decisions older than the period.

    Hashes, outcomes, scores and rule-set identity stay; `audit verify` still verifies. Works in
    short batches, each recorded in the erasure log, so submissions keep flowing. Person-history
    rows (pseudonyms) are deleted after their own period, SAFESTEPS_HISTORY_RETENTION_DAYS.
    """
    settings = get_settings()
    now = utcnow()
    cutoff = _aware(before, "--before") or now - timedelta(days=days or settings.retention_days)
    if cutoff > now + FUTURE_CUTOFF_GRACE:  # a mistyped year would erase everything to date, irreversibly
        raise exit_error(
            f"--before {cutoff.isoformat()} is more than a day after now ({now.isoformat()}): retention "
            "erases what is older than the cut-off; to erase everything to date on purpose, give the "
            "current time",
            code=2,
        )
    engine = build_engine(settings.database_url, busy_timeout_ms=settings.busy_timeout_ms)
    try:
        if settings.auto_migrate:
            migrate(engine, timeout=settings.startup_timeout_seconds)
        report = retention.apply_retention(
            engine,
            cutoff=cutoff,
            now=now,
            dry_run=dry_run,
            batch_size=batch_size or settings.retention_batch_size,
            history_cutoff=now - timedelta(days=settings.history_retention_days),
        )
    except DBAPIError:
        # PostgreSQL refuses an erasure that is not the one the chain promised: the record was altered.
        raise exit_error(
            "retention stopped: the database refused an erasure (a record no longer matches its chain; "
            "run `safesteps audit verify`). Batches before it are committed."
        ) from None
    finally:
        engine.dispose()
    summary = {"dry_run": dry_run, **asdict(report), "cutoff": report.cutoff.isoformat()}
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")
