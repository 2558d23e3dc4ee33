"""/metrics and the HTTP request counters (see ``app.metrics`` for what is counted and how several
worker processes add up).

``observe_request`` counts every request by method, route *template* and status, with its
duration, and the 429 refusals; the request context (``app.http.middleware.RequestContext``) calls
it for every request, and it reads nothing but the scope and the status.
The ``/metrics`` route answers per ``metrics_access``: open, a bearer token, or 404; with
``metrics_port`` set it is served on that port by ``safesteps serve`` instead (see ``app.cli``).
"""

from __future__ import annotations

import hmac
from functools import lru_cache
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app import metrics
from app.schemas.errors import ErrorBody
from app.services.stats import DatabaseCollector
from app.settings import Settings

UNMATCHED = "unmatched"  # no route: one label for every unknown path, never the path itself


def observe_request(method: str, route: str | None, status: int, seconds: float) -> None:
    """Count one answered request (``route``: its template, None when no route matched)."""
    requests, latency, limited = _series(method, route or UNMATCHED, status)
    requests.inc()
    latency.observe(seconds)
    if limited is not None:
        limited.inc()


@lru_cache(maxsize=1024)
def _series(method: str, route: str, status: int) -> tuple[Any, Any, Any]:
    """A request's three series (the 429 counter's only for a 429: a child is a series on
    ``/metrics``), in one memoised lookup rather than a status formatted and two lookups a request.
    Bounded as ``metrics.children`` is."""
    limited = metrics.RATE_LIMITED.labels(route) if status == 429 else None
    requests = metrics.HTTP_REQUESTS_BY(method, route, str(status))
    return requests, metrics.HTTP_LATENCY_BY(method, route), limited


def _refused(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(ErrorBody(error=code, message=message).model_dump(exclude_none=True), status, headers)


def install(app: FastAPI, settings: Settings) -> None:
    """/metrics on the API port unless it is off or on its own port (the request counters are
    kept by the request context)."""
    if settings.metrics_access == "off" or settings.metrics_port is not None:
        return
    token = settings.metrics_token.get_secret_value().encode() if settings.metrics_token else None

    async def metrics_endpoint(request: Request) -> Response:
        if settings.metrics_access == "token":
            supplied = request.headers.get("authorization", "").removeprefix("Bearer ").encode()
            if token is None or not hmac.compare_digest(supplied, token):
                return _refused(
                    401,
                    "unauthorized",
                    "/metrics needs the scraper's bearer token.",
                    {"WWW-Authenticate": "Bearer"},
                )
        body = metrics.render([DatabaseCollector(request.app.state.engine)])
        return Response(body, media_type=metrics.CONTENT_TYPE)

    app.add_route("/metrics", metrics_endpoint, methods=["GET"], include_in_schema=False)
