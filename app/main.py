"""The application factory. Nothing connects or loads at import time."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
import anyio.to_thread
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.auth.authenticator import Authenticator
from app.db import build_engine, migrate
from app.http import errors
from app.http.guards import check_routes
from app.http.inline import InlineLane, inline_routes
from app.http.middleware import BodySizeLimit, RequestContext
from app.http.ratelimit import RateLimiter
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
from app.rules.registry import RulesetRegistry
from app.services.bundles import BundleService
from app.services.replay.worker import ReplayWorker
from app.settings import Settings, get_settings
from app.ui import views as ui_views


def operation_id(route: APIRoute) -> str:
    """Stable operationIds: the handler's name, never derived from path or method."""
    return route.name


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Build the database engine (and migrate it when configured); dispose of it on shutdown."""
    settings: Settings = app.state.settings
    engine = build_engine(
        settings.database_url,
        busy_timeout_ms=settings.busy_timeout_ms,
        pool_size=settings.db_pool_size,
    )
    if settings.auto_migrate:
        await run_in_threadpool(migrate, engine)
    if settings.threadpool_size is not None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threadpool_size
    app.state.engine = engine
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
    # Everything built so far lives as long as the service (the compiled rule sets are ~150k
    # objects): frozen, full collections stop rescanning it, which was a ~72 ms pause every ~420
    # requests, the p99 of the evaluate endpoint.
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # what the service built may now be collected (several apps in one process)
        if worker is not None:
            await run_in_threadpool(worker.stop)
        engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    app = FastAPI(
        lifespan=lifespan,
        title="SafeSteps",
        version=__version__,
        summary="Safeguarding-checklist decision support for police responses to concern for a child.",
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    # Compile every rule-set version once; a broken or altered file stops the service here.
    app.state.registry = RulesetRegistry.load(settings.rulesets_dir)
    errors.install(app)
    app.state.bundles = BundleService.from_settings(app.state.registry, settings)
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
    ui_views.install(app)
    check_routes(app)  # deny by default: every route declares its permission or that it is public
    app.state.authenticator = Authenticator(settings)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_second, settings.rate_limit_burst)
    app.state.failure_limiter = RateLimiter(
        settings.auth_failure_rate_per_second, settings.auth_failure_burst
    )
    # add_middleware wraps: the last added runs first. RequestContext sees every response,
    # including a 413 from the body limit.
    # The inline lane (app/http/inline.py) sits inside the body limit and the request context.
    app.add_middleware(InlineLane, routes=inline_routes(app))
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContext)
    return app
