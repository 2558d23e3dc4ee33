"""The application factory. Nothing connects or loads at import time."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
import anyio.to_thread
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app import __version__, heap, metrics, observability
from app.auth.authenticator import Authenticator
from app.db import GroupWriter, build_engine, migrate
from app.http import docs, errors, openapi
from app.http import metrics as http_metrics
from app.http.compression import Compression
from app.http.fused import fuse
from app.http.guards import check_routes, document_errors
from app.http.inline import InlineLane, inline_routes
from app.http.input_guard import InputGuard
from app.http.middleware import RequestContext
from app.http.ratelimit import RateLimiter
from app.http.tracing import TracingMiddleware, tracer_provider
from app.observability import configure_logging
from app.routers import (
    access,
    aggregates,
    bundles,
    decisions,
    evaluate,
    health,
    incidents,
    keys,
    replays,
    rulesets,
)
from app.rules.engine import ENGINE_VERSION
from app.rules.registry import RulesetRegistry
from app.services.bundles import BundleService
from app.services.checkpoint import PeriodicCheckpoints, load_private_key
from app.services.history import Pseudonymiser, Reader
from app.services.replay.worker import ReplayWorker
from app.settings import Settings, get_settings
from app.supervision import watch_supervisor
from app.ui import views as ui_views


class Service(FastAPI):
    """FastAPI, with the fused lane (``app.http.fused``) in front of the middleware stack: the
    inline lane's requests in one frame. ``fuse_lane = False`` serves them through the stack."""

    fuse_lane = True

    def build_middleware_stack(self) -> ASGIApp:
        stack = super().build_middleware_stack()
        return fuse(stack) if self.fuse_lane else stack


def operation_id(route: APIRoute) -> str:
    """Stable operationIds: the handler's name, never derived from path or method."""
    return route.name


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Build the database engine (and migrate it when configured); dispose of it on shutdown."""
    settings: Settings = app.state.settings
    watch_supervisor()
    engine = build_engine(
        settings.database_url,
        busy_timeout_ms=settings.busy_timeout_ms,
        pool_size=settings.db_pool_size,
    )
    if settings.auto_migrate:
        await run_in_threadpool(functools.partial(migrate, engine, timeout=settings.startup_timeout_seconds))
    if settings.threadpool_size is not None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threadpool_size
    app.state.engine = engine
    app.state.history_reader = Reader(engine, app.state.pseudonymiser)
    # Group commit for single submissions (app.db.GroupWriter): one writer thread, one commit for
    # the submissions that queued while the previous one ran.
    app.state.writer = writer = GroupWriter(engine, max_wait=settings.group_commit_wait_ms / 1000)
    writer.start()
    metrics.instrument_pool(engine, settings.db_pool_size)
    metrics.process_started(app.state.registry, ENGINE_VERSION)
    # Units of work finish (commit, release the SQLite writer lock) on threads of their own: if
    # they queued behind handlers that wait for that lock, the service would deadlock under load.
    app.state.finish_limiter = anyio.CapacityLimiter(settings.db_pool_size)
    worker = None
    if settings.replay_worker:
        worker = ReplayWorker(
            engine,
            app.state.registry,
            poll_seconds=settings.replay_poll_seconds,
            stale_after=timedelta(seconds=settings.replay_stale_seconds),
        )
        worker.start()
    checkpoints = None
    if settings.checkpoint_interval_seconds and settings.checkpoint_signing_key and settings.checkpoint_dir:
        checkpoints = PeriodicCheckpoints(
            engine,
            load_private_key(settings.checkpoint_signing_key.get_secret_value()),
            settings.checkpoint_dir,
            settings.checkpoint_interval_seconds,
        )
        checkpoints.start()
    # Everything built so far lives as long as the service: frozen, and the young generation's
    # threshold raised so that requests in flight do not keep tripping it (``app.heap``).
    thresholds = heap.settle()
    # The access lines of the requests finished in one loop iteration written together
    # (``observability.HeldLines``); all written before anything else is logged, and at shutdown.
    held = observability.hold_lines()
    try:
        yield
    finally:
        observability.release(held)
        heap.release(thresholds)  # what the service built may now be collected (several apps in one process)
        if checkpoints is not None:
            await run_in_threadpool(checkpoints.stop)
        if worker is not None:
            await run_in_threadpool(worker.stop)
        await run_in_threadpool(writer.stop)
        engine.dispose()
        metrics.process_stopping(settings.db_pool_size)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    public_docs = settings.api_docs == "public"
    app = Service(
        lifespan=lifespan,
        title="SafeSteps",
        version=__version__,
        summary="Safeguarding-checklist decision support for police responses to concern for a child.",
        generate_unique_id_function=operation_id,
        docs_url=None,  # app.http.docs serves /docs and /redoc without a CDN (when public_docs)
        redoc_url=None,
        openapi_url="/openapi.json" if public_docs else None,
        # FastAPI's own OpenTelemetry spans, metrics and logs (on whenever a global provider is set):
        # off. They record raw paths and exception messages (a validation error quotes the input,
        # which may be a child's name); the service traces itself (app.http.tracing) and logs
        # without messages (app.observability). Off, FastAPI also skips a provider lookup a request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    # Compile every rule-set version once; a broken or altered file stops the service here.
    app.state.registry = RulesetRegistry.load(settings.rulesets_dir)
    errors.install(app)
    app.state.bundles = BundleService.from_settings(app.state.registry, settings)
    app.state.pseudonymiser = Pseudonymiser.of(settings)
    for module in (
        health,
        evaluate,
        rulesets,
        bundles,
        incidents,
        decisions,
        aggregates,
        replays,
        keys,
        access,
    ):
        app.include_router(module.router)
    if public_docs:
        docs.install(app)
    openapi.install(app, app.state.registry)
    ui_views.install(app)
    check_routes(app)  # deny by default: every route declares its permission or that it is public
    document_errors(app)
    app.state.authenticator = Authenticator(settings)
    storage = settings.rate_limit_storage_url
    app.state.rate_limiter = RateLimiter(
        settings.rate_limit_per_second, settings.rate_limit_burst, storage_url=storage, namespace="client"
    )
    app.state.failure_limiter = RateLimiter(
        settings.auth_failure_rate_per_second,
        settings.auth_failure_burst,
        storage_url=storage,
        namespace="failed",
    )
    # add_middleware wraps: the last added runs first. RequestContext sees every response,
    # including a 413 from the body limit, and counts it (app.http.metrics).
    # The inline lane (app/http/inline.py) sits inside the input guard (with the body limit) and the
    # request context, so the evaluate it answers gets the same refusals as every other route.
    app.add_middleware(InlineLane, routes=inline_routes(app))
    # The body-size limit, then the header limits and text that cannot be stored; it reads at most
    # max_body_bytes. Batch items are checked one by one (by the service).
    app.add_middleware(
        InputGuard,
        max_body_bytes=settings.max_body_bytes,
        per_item=frozenset({"/v1/checklists:batch"}),
        max_headers=settings.max_headers,
        max_header_bytes=settings.max_header_bytes,
    )
    http_metrics.install(app, settings)  # the /metrics route
    app.add_middleware(RequestContext)
    if settings.trusted_proxies:
        # X-Forwarded-For names the client only when the connection comes from one of these: anyone
        # else could set the audited address and dodge the failed-login limit.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_list)
    if settings.tracing:  # outside RequestContext, so that its access log line has the trace id
        app.add_middleware(TracingMiddleware, tracer=tracer_provider().get_tracer("safesteps"))
    # Outermost: bodies of 1 KiB or more are compressed for clients that accept gzip (MDTs on mobile
    # data; the hooks document is over 100 KB). Level 6: nearly level 9's size for JSON, at far less CPU.
    app.add_middleware(Compression, minimum_size=1024, compresslevel=6)  # Starlette's GZip, leaner
    return app
