"""``safesteps replay`` and ``safesteps demo seed``: thin layers over the replay and demo services."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import Engine
from sqlmodel import Session

from app import heap
from app.commands.console import err, exit_error, out, validation_summary
from app.db import build_engine, migrate, session_scope
from app.rules.errors import RulesError
from app.rules.registry import RulesetRegistry
from app.schemas.replay import ReplayCreate, ReplayJobPublic, ReplayMode, ReplaySelection, StoredResults
from app.services import demo
from app.services.replay import export, jobs
from app.services.replay.runner import run_job
from app.services.replay.worker import ReplayWorker, worker_name
from app.settings import get_settings


@contextmanager
def _database() -> Iterator[tuple[Engine, RulesetRegistry]]:
    settings = get_settings()
    try:
        registry = RulesetRegistry.load(settings.rulesets_dir)
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    engine = build_engine(settings.database_url, busy_timeout_ms=settings.busy_timeout_ms, pool_size=3)
    try:
        if settings.auto_migrate:
            migrate(engine, timeout=settings.startup_timeout_seconds)
        # A long run: full collections would rescan the ~150k objects of the loaded rule sets
        # again and again. Frozen, they are left out (nothing of them becomes garbage); the
        # service's young threshold too (``app.heap``).
        heap.settle()
        yield engine, registry
    finally:
        engine.dispose()


def _progress(console: Console = out) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )


def replay_command(
    as_recorded: Annotated[
        bool, typer.Option("--as-recorded", help="Reproduce each decision with its own rule-set version.")
    ] = False,
    ruleset: Annotated[
        str | None,
        typer.Option(help="Impact: RULESET@VERSION to re-evaluate with, e.g. concern-for-a-child@1.1.0."),
    ] = None,
    from_date: Annotated[
        datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="YYYY-MM-DD, inclusive.")
    ] = None,
    to_date: Annotated[
        datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="YYYY-MM-DD, inclusive.")
    ] = None,
    force: Annotated[str | None, typer.Option(help="Only this force's incidents.")] = None,
    incident: Annotated[
        list[str] | None, typer.Option(help="Only these incident references (repeat).")
    ] = None,
    hook: Annotated[str | None, typer.Option(help="Only decisions made at this hook.")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Write results to .csv or .jsonl.")] = None,
    flagged_only: Annotated[
        bool, typer.Option(help="Write only failures / changed incidents, and decisions not re-made.")
    ] = False,
    all_results: Annotated[
        bool, typer.Option("--all-results", help="Store a result for every decision, not only flagged ones.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000)] = 1000,
    fmt: Annotated[
        str, typer.Option("--format", help="table, or json (the job as the API shows it).")
    ] = "table",
) -> None:
    """Replay stored decisions as recorded, or against another rule-set version (impact)."""
    if fmt not in ("table", "json"):
        raise exit_error("--format must be table or json")
    if as_recorded == (ruleset is not None):
        raise exit_error("give exactly one of --as-recorded or --ruleset RULESET@VERSION")
    if out_file is not None and out_file.suffix not in (".csv", ".jsonl"):
        raise exit_error("--out must end in .csv or .jsonl")
    target = None
    if ruleset is not None:
        ruleset_id, _, version = ruleset.partition("@")
        target = {"id": ruleset_id, "version": version or None}
    try:
        request = ReplayCreate.model_validate(
            {
                "mode": ReplayMode.as_recorded if as_recorded else ReplayMode.impact,
                "ruleset": target,
                "results": "all" if all_results else "flagged",
                "selection": ReplaySelection(
                    from_date=from_date.date() if from_date else None,
                    to_date=to_date.date() if to_date else None,
                    force=force,
                    incident_refs=incident or None,
                    hook=hook,
                ),
            }
        )
    except ValidationError as exc:
        raise exit_error(validation_summary(exc)) from None
    with _database() as (engine, registry):
        # JSON on stdout: the progress bar goes to stderr.
        console = err if fmt == "json" else out
        job = _run(engine, registry, request, batch_size, console)
        if fmt == "json":
            sys.stdout.write(job.model_dump_json(indent=2) + "\n")
        else:
            _print_summary(job)
        if out_file is not None:
            _write(engine, job, out_file, flagged_only, console)
    if job.status != "succeeded":
        raise exit_error(f"replay job {job.id} {job.status}: {job.error or ''}")
    if job.mode is ReplayMode.as_recorded and job.flagged:
        raise exit_error(f"{job.flagged} decision(s) did not reproduce (job {job.id})")


def _run(
    engine: Engine, registry: RulesetRegistry, request: ReplayCreate, batch_size: int, console: Console
) -> ReplayJobPublic:
    worker = worker_name("cli")
    try:
        with session_scope(engine) as session:
            job_id = jobs.create_job(session, registry, request, requested_by=worker).id
    except RulesError as exc:
        raise exit_error(str(exc)) from None
    if jobs.claim(engine, worker, stale_after=timedelta(days=365), job_id=job_id) is None:
        raise exit_error(f"could not claim replay job {job_id}")
    started = datetime.now()
    with _progress(console) as bar:
        task = bar.add_task("replaying", total=None, rate="")

        def progress(done: int, total: int) -> None:
            seconds = (datetime.now() - started).total_seconds()
            rate = f"{done / seconds:,.0f}/s" if seconds > 0 and done else ""
            bar.update(task, completed=done, total=total, rate=rate)

        try:
            run_job(engine, registry, job_id, worker, batch_size=batch_size, progress=progress)
        except KeyboardInterrupt:
            jobs.release(engine, job_id, worker)
            raise exit_error(
                f"interrupted: job {job_id} is queued again and resumes where it stopped"
            ) from None
        except Exception as exc:
            jobs.fail(engine, job_id, worker, f"{type(exc).__name__}: {exc}")
    with Session(engine) as session:
        return jobs.public(session, jobs.get_job(session, job_id))


def _print_summary(job: ReplayJobPublic) -> None:
    s: dict[str, Any] = job.summary
    out.print(f"job {job.id}: [bold]{job.status}[/] ({job.processed} of {job.total} decisions)")
    if job.mode is ReplayMode.as_recorded:
        table = Table(
            "decisions", "reproduced", "failed", "erased (not reproducible)", title="As-recorded replay"
        )
        colour = "red" if s.get("failed") else "green"
        table.add_row(
            str(s.get("decisions", 0)),
            str(s.get("reproduced", 0)),
            f"[{colour}]{s.get('failed', 0)}[/]",
            str(s.get("erased", 0)),
        )
        out.print(table)
        return
    head = Table(
        "incidents", "changed", "newly blocking", "no longer blocking", "erased (not compared)",
        "errors (not compared)", title=f"Impact of {job.ruleset}",
    )  # fmt: skip
    counts = ("decisions", "changed", "newly_blocking", "no_longer_blocking", "erased", "errors")
    head.add_row(*(str(s.get(k, 0)) for k in counts))
    out.print(head)
    kinds = ("appeared", "disappeared", "severity_changed", "outcome_changed")
    for title, key in (("by severity", "by_severity"), ("by step", "by_step")):
        table = Table(title[3:], *kinds, title=f"Finding changes {title}")
        for name, counts in s.get(key, {}).items():
            table.add_row(name, *(str(counts.get(k, 0)) for k in kinds))
        if s.get(key):
            out.print(table)


def _write(engine: Engine, job: ReplayJobPublic, path: Path, flagged_only: bool, console: Console) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            for text in export.csv_lines(engine, job.id, job.mode, flagged_only=flagged_only):
                handle.write(text)
    else:
        with path.open("wb") as binary:
            for data in export.jsonl_lines(engine, job.id, flagged_only=flagged_only):
                binary.write(data)
    if flagged_only or job.results is not StoredResults.all:
        what = "failures" if job.mode is ReplayMode.as_recorded else "changed incidents"
        why = (
            "--flagged-only was given"
            if flagged_only
            else "the job stored flagged results only; add --all-results to store and write every decision"
        )
        console.print(f"wrote {path}: only the {job.flagged} {what} ({why})", highlight=False, soft_wrap=True)
    else:
        console.print(f"wrote {path}: every result ({job.processed})", highlight=False, soft_wrap=True)


def worker_command(
    poll_seconds: Annotated[float, typer.Option(min=0.05, help="Seconds between polls when idle.")] = 1.0,
    stale_seconds: Annotated[
        float, typer.Option(min=1, help="A part whose heartbeat is older than this is taken over.")
    ] = 60.0,
    part_size: Annotated[
        int, typer.Option(min=100, max=1_000_000, help="Decisions per part of the jobs this worker splits.")
    ] = jobs.PART_SIZE,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000)] = 1000,
) -> None:
    """Replay in this process only: claim parts of queued replay jobs (any number of these, on any
    number of machines sharing the database, split a job between them) until interrupted."""
    with _database() as (engine, registry):
        worker = ReplayWorker(
            engine,
            registry,
            poll_seconds=poll_seconds,
            stale_after=timedelta(seconds=stale_seconds),
            batch_size=batch_size,
            part_size=part_size,
        )
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        out.print(f"replay worker {worker.name}: waiting for jobs (Ctrl-C to stop)")
        worker.start()
        try:
            stopped.wait()
        except KeyboardInterrupt:
            pass
        worker.stop(timeout=60)  # the parts it holds go back to the queue at their last batch
        out.print(f"replay worker {worker.name}: stopped")


def seed_command(
    incidents: Annotated[
        int, typer.Option("--incidents", min=1, max=10_000_000, help="How many to add.")
    ] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed and window, same incidents).")] = 20261122,
    until: Annotated[
        datetime | None,
        typer.Option(help="End of the window (default: the start of today, UTC); nothing after it."),
    ] = None,
    days: Annotated[int, typer.Option(min=30, max=3650, help="Length of the window in days.")] = 365,
) -> None:
    """Add synthetic incidents and their decisions (invented people and forces; good and poor practice,
    one force improving after training, one getting worse)."""
    if until is None:
        end = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    else:
        end = until if until.tzinfo else until.replace(tzinfo=UTC)
    with _database() as (engine, registry), _progress() as bar:
        task = bar.add_task("seeding", total=incidents, rate="")
        started = datetime.now()

        def progress(n: int) -> None:
            bar.advance(task, n)
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / max((datetime.now() - started).total_seconds(), 1e-9):,.0f}/s")

        report = demo.seed(
            engine, registry, incidents, seed_value=seed, until=end, days=days, progress=progress
        )
    title = (
        f"Seeded {report.incidents} incidents, {report.decisions} decisions ({report.blocking} incidents "
        f"blocking at their latest decision), {report.first:%Y-%m-%d} to {report.last:%Y-%m-%d}"
    )
    table = Table("rule set or force", "count", title=title)
    for key, count in sorted(report.by_version.items()):
        table.add_row(key, f"{count} decisions")
    for key, count in sorted(report.by_force.items()):
        table.add_row(key, f"{count} incidents")
    out.print(table)
