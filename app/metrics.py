"""Prometheus metrics: what SafeSteps counts, and how a scrape reads them from every worker.

Several worker processes (``safesteps serve --workers N``) each count their own requests; a scrape
lands on one of them. So, as Prometheus' client library provides, when ``PROMETHEUS_MULTIPROC_DIR``
names a directory *before this module is first imported*, every process writes its samples to
memory-mapped files there and a scrape adds up the files of all processes (gauges as the mode given
with each). ``safesteps serve`` sets the variable (a fresh directory) for its workers; without it,
one process keeps its samples in memory, as in tests.

Labels are bounded: route templates (never raw paths), hooks and outcomes from the vocabulary,
statuses. Nothing about a checklist's content is ever a label.

Decision-log length and replay jobs are read from the database at scrape time
(``app.services.stats``), so they are right whichever process answers; everything here is counted
where it happens.
"""

from __future__ import annotations

import os
import platform
import shutil
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import Engine, event

from app import __version__
from app.rules.decision import Decision
from app.rules.registry import RulesetRegistry

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST
# Decided once, when prometheus_client created its value class (at first import).
MULTIPROCESS = bool(os.environ.get(MULTIPROC_ENV))

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUESTS = Counter(
    "safesteps_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "safesteps_http_request_duration_seconds",
    "Time from receiving a request to the end of its response, by method and route template.",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
RATE_LIMITED = Counter(
    "safesteps_rate_limited",
    "Requests refused with 429 (rate limit or failed-authentication limit), by route template.",
    ["route"],
)
EVALUATIONS = Counter(
    "safesteps_evaluations",
    "Evaluations by source (evaluate: stateless; submission: stored), hook and whether they blocked. "
    'Blocking decisions: safesteps_evaluations_total{blocking="true"}.',
    ["source", "hook", "blocking"],
)
RULE_OUTCOMES = Counter(
    "safesteps_rule_outcomes",
    "Rule outcomes of those evaluations (met, missing, unknown, not_applicable), by source and hook.",
    ["source", "hook", "outcome"],
)


def children(metric: Any) -> Callable[..., Any]:
    """``metric.labels`` memoised: the hot path's counters by label values without ``labels()``'s
    validation, lock and lookup on every request (~1 us a call; nothing here ever removes a child,
    so a cached child is the one ``labels()`` returns). Bounded: label values a client can vary
    (the method) cannot grow it without limit."""
    return lru_cache(maxsize=1024)(metric.labels)


HTTP_REQUESTS_BY = children(HTTP_REQUESTS)
HTTP_LATENCY_BY = children(HTTP_LATENCY)
EVALUATIONS_BY = children(EVALUATIONS)
RULE_OUTCOMES_BY = children(RULE_OUTCOMES)

DECISION_APPEND_LATENCY = Histogram(
    "safesteps_decision_log_append_duration_seconds",
    "Time to append a batch of decision records to the hash chain (chain-head lock included).",
    buckets=LATENCY_BUCKETS,
)
DECISION_RECORDS_APPENDED = Counter(
    "safesteps_decision_log_appended_records", "Decision records appended to the hash chain."
)
DEVICE_DECISIONS = Counter(
    "safesteps_device_decisions",
    "Offline device decisions sent with stored submissions, by whether they agreed with the server's.",
    ["agreed"],
)
DB_POOL_IN_USE = Gauge(
    "safesteps_db_pool_connections_in_use",
    "Database connections checked out of the pools, all live processes together.",
    multiprocess_mode="livesum",
)
DB_POOL_SIZE = Gauge(
    "safesteps_db_pool_size",
    "Connections the pools keep (their size), all live processes together; overflow can exceed it.",
    multiprocess_mode="livesum",
)
WORKERS = Gauge(
    "safesteps_worker_processes", "Live worker processes serving the API.", multiprocess_mode="livesum"
)
BUILD_INFO = Gauge(
    "safesteps_build_info",
    "The release, engine and Python version of the serving processes (value 1).",
    ["version", "engine_version", "python"],
    multiprocess_mode="max",
)
RULESET_INFO = Gauge(
    "safesteps_ruleset_info",
    "Each loaded rule-set version with its content hash and status (value 1).",
    ["ruleset", "version", "hash", "status"],
    multiprocess_mode="max",
)


def instrument_pool(engine: Engine, size: int) -> None:
    """Count this engine's checked-out connections (SQLAlchemy pool events, in this process)."""
    DB_POOL_SIZE.inc(size)
    event.listen(engine, "checkout", lambda *_: DB_POOL_IN_USE.inc())
    event.listen(engine, "checkin", lambda *_: DB_POOL_IN_USE.dec())


def process_started(registry: RulesetRegistry, engine_version: str) -> None:
    """Called once per serving process: build information and the loaded rule sets."""
    WORKERS.set(1)
    BUILD_INFO.labels(__version__, engine_version, platform.python_version()).set(1)
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            document = ruleset.document
            RULESET_INFO.labels(ruleset_id, document.version, ruleset.hash, document.status.value).set(1)


def process_stopping(pool_size: int) -> None:
    """Called when a serving process shuts down: its live gauges stop counting."""
    WORKERS.set(0)
    DB_POOL_SIZE.dec(pool_size)
    if MULTIPROCESS:
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]


def observe_decision(decision: Decision, source: str) -> None:
    """Count one evaluation and its rule outcomes (a few counter increments: the hot path's cost)."""
    hook = decision.hook or "all"
    EVALUATIONS_BY(source, hook, "true" if decision.blocking else "false").inc()
    # Summed over the severities field by field (a tuple and a dict per severity cost more than the
    # increments); an outcome none had is not touched, so its child is never made.
    met = missing = unknown = not_applicable = 0
    for counts in decision.counts.values():
        met += counts.met
        missing += counts.missing
        unknown += counts.unknown
        not_applicable += counts.not_applicable
    if met:
        RULE_OUTCOMES_BY(source, hook, "met").inc(met)
    if missing:
        RULE_OUTCOMES_BY(source, hook, "missing").inc(missing)
    if unknown:
        RULE_OUTCOMES_BY(source, hook, "unknown").inc(unknown)
    if not_applicable:
        RULE_OUTCOMES_BY(source, hook, "not_applicable").inc(not_applicable)


def scrape_registry(
    collectors: Iterable[Collector] = (), *, multiprocess: bool = MULTIPROCESS
) -> CollectorRegistry:
    """A registry holding every process's metrics (or this one's) and ``collectors`` (read at
    each scrape)."""
    registry = CollectorRegistry()
    if multiprocess:
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(_InProcess())
    for collector in collectors:
        registry.register(collector)
    return registry


def render(collectors: Iterable[Collector] = ()) -> bytes:
    """The text exposition of every process's metrics, plus ``collectors`` read at scrape time."""
    return generate_latest(scrape_registry(collectors))


def start_server(port: int, host: str, registry: CollectorRegistry) -> None:
    """Serve ``registry`` on ``host:port`` from a daemon thread of this process."""
    start_http_server(port, addr=host, registry=registry)


class _InProcess(Collector):
    """This process's samples (the default registry's), inside a registry of the scrape's own."""

    def collect(self) -> Iterable[Metric]:
        yield from REGISTRY.collect()


def prepare_multiprocess_dir(path: Path) -> None:
    """Make ``path`` an empty directory for a fresh set of worker processes (old files would be
    added to the new processes' counts)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
