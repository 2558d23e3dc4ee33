"""The real floor of the HTTP benchmark: the least a web service can do to answer an evaluation.

One async Starlette route under the same uvicorn settings: read the body, validate it with the
same request model (``EvaluateRequest``), call the engine's public entry point and return the
decision's JSON. No authentication, middleware, dependency injection or database; the service's
garbage-collector conventions after start-up (``app.heap.settle``: the objects built while loading
the rule sets frozen, the same young-generation threshold).
Served by ``benchmarks.http_bench`` with ``uvicorn benchmarks.floor_app:create_floor_app --factory``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app import heap
from app.rules.decision import decision_json
from app.rules.engine import Facts, decide
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import EvaluateRequest

_JSON = "application/json"


def create_floor_app() -> Starlette:
    registry = RulesetRegistry.load()

    async def evaluate_route(request: Request) -> Response:
        try:
            body = EvaluateRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            return Response(exc.json(), status_code=422, media_type=_JSON)
        facts, today = Facts.of(body.checklist), datetime.now(UTC).date()  # the service's date, as the app
        decision = decide(
            registry, facts, body.hook, as_of=body.as_of, ruleset=body.ruleset.ref(), today=today
        )
        return Response(decision_json(decision), media_type=_JSON)

    async def healthz(request: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=_JSON)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        heap.settle()
        yield

    routes = [Route("/v1/evaluate", evaluate_route, methods=["POST"]), Route("/healthz", healthz)]
    return Starlette(routes=routes, lifespan=lifespan)
