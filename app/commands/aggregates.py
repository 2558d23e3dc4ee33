"""``safesteps audit aggregates``: prove the auditors' aggregates match the decision log, or rebuild them."""

from __future__ import annotations

from typing import Annotated

import typer

from app.commands.console import err, exit_error, out
from app.db import begin_write, session_scope
from app.rules.registry import RulesetRegistry
from app.services import aggregates
from app.settings import get_settings


def aggregates_command(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Derive every aggregate again from the log, then check.")
    ] = False,
) -> None:
    """Derive the aggregates from the decision log and compare them with the stored ones (exit 1 when
    they differ); with --rebuild, replace them first."""
    registry = RulesetRegistry.load(get_settings().rulesets_dir)
    if rebuild:
        with session_scope() as session:
            read = aggregates.rebuild(begin_write(session), registry)
        out.print(f"rebuilt the aggregates of {read} decision records")
    with session_scope() as session:
        report = aggregates.check(session.connection(), registry)
    if not report.ok:
        for line in report.examples:
            err.print(line, highlight=False, markup=False)
        raise exit_error(
            f"aggregates differ from the decision log ({report.records} records): "
            + ", ".join(f"{table}: {n} rows" for table, n in report.mismatches.items())
            + "; run `safesteps audit aggregates --rebuild`"
        )
    out.print(f"[green]ok[/] aggregates match the decision log ({report.records} records)")
