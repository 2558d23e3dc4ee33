"""``safesteps serve``: uvicorn with the app factory, and the metrics plumbing several workers need.

With more than one worker, each is a process of its own: Prometheus' multiprocess mode needs a
directory, named by ``PROMETHEUS_MULTIPROC_DIR`` before the workers start, where each writes its
samples. ``serve`` makes a fresh one (or empties the one the operator named) and removes what it
made on exit. With ``SAFESTEPS_METRICS_PORT`` this process also serves ``/metrics`` for all the
workers on that port (plain HTTP, meant for a port only the monitoring network reaches)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from app import metrics
from app.commands.console import exit_error
from app.db import build_engine
from app.rules.errors import RulesError
from app.rules.registry import RulesetRegistry
from app.services.stats import DatabaseCollector
from app.settings import get_settings


def serve_command(
    host: Annotated[str, typer.Option(help="Address to bind (0.0.0.0 in a container).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="API port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """Run the HTTP service."""
    import uvicorn

    settings = get_settings()
    try:  # refuse to start, with a clear message, if a published rule set was altered
        RulesetRegistry.load(settings.rulesets_dir)
    except RulesError as exc:
        raise exit_error(str(exc)) from None

    made = _multiprocess_dir(workers)
    try:
        if settings.metrics_port is not None:
            engine = build_engine(
                settings.database_url, busy_timeout_ms=settings.busy_timeout_ms, pool_size=1
            )
            registry = metrics.scrape_registry(
                [DatabaseCollector(engine)], multiprocess=metrics.MULTIPROC_ENV in os.environ
            )
            metrics.start_server(settings.metrics_port, host, registry)
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            access_log=False,
            # The app decides whom to believe (SAFESTEPS_TRUSTED_PROXIES), not uvicorn's default.
            proxy_headers=False,
            # Slow clients and oversized heads (app.http.server).
            http="app.http.server:DeadlineH11Protocol",
            h11_max_incomplete_event_size=settings.max_header_bytes,
        )
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)


def _multiprocess_dir(workers: int) -> Path | None:
    """Prepare the multiprocess directory; return it if this process made it (to remove it)."""
    named = os.environ.get(metrics.MULTIPROC_ENV)
    if named:
        metrics.prepare_multiprocess_dir(Path(named))
        return None
    if workers == 1:
        return None  # one process: samples stay in memory
    made = Path(tempfile.mkdtemp(prefix="safesteps-metrics-"))
    os.environ[metrics.MULTIPROC_ENV] = str(made)
    return made
