"""Pure ASGI middleware: request context, access log and request counters (the body-size limit is
the input guard's, ``app.http.input_guard``).

Pure ASGI rather than ``BaseHTTPMiddleware`` keeps the hot path cheap: no extra task, no body
re-streaming, one dict lookup per header.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from contextvars import Token
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.asgi import route_template
from app.http.errors import INTERNAL_ERROR_MESSAGE
from app.http.metrics import observe_request
from app.observability import log_fields, new_request_id, request_id_var
from app.schemas.errors import ErrorBody

access_log = logging.getLogger("safesteps.access")
log = logging.getLogger("safesteps.errors")


REQUEST_ID_HEADER = b"x-request-id"
# Where authentication leaves the caller's identity for the access log (``request.state``).
CLIENT_ID_STATE = "client_id"


class RequestContext:
    """Request id (taken from ``X-Request-ID`` when well-formed) in logs and response; access log;
    the request counters (``app.http.metrics.observe_request``).

    The access line names the route *template* (``/v1/incidents/{incident_ref}``), never the raw
    path or query string, plus status, duration and the authenticated client id. It never reads
    the body. One layer for what every request leaves behind (the id, the line, the counters): one
    wrapper of ``send`` and one ``finally`` rather than a middleware each.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id, token, state = self.begin(scope)
        status = 500
        started = False
        start = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                message = {**message, "headers": response_headers(message.get("headers", ()), request_id)}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            await self.failed(exc, status, started, send_with_id)
        finally:
            self.finish(scope, state, status, time.perf_counter() - start)
            request_id_var.reset(token)

    @classmethod
    def begin(cls, scope: Scope) -> tuple[str, Token[str | None], dict[str, Any]]:
        """The request's id, set for its logs (the token resets it) and in its state."""
        request_id = cls.request_id(scope)
        token = request_id_var.set(request_id)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        return request_id, token, state

    @staticmethod
    async def failed(exc: Exception, status: int, started: bool, send: Send) -> None:
        """An exception from the app, while it is handled: logged, and answered with a 500 that
        carries the request id (here rather than in Starlette's outermost ServerErrorMiddleware),
        unless a response had started: then raised again."""
        log.error("unhandled error", exc_info=(type(exc), exc, exc.__traceback__))
        if status != 500 or started:
            raise exc
        await send_json_error(send, 500, "internal_error", INTERNAL_ERROR_MESSAGE)

    @staticmethod
    def request_id(scope: Scope) -> str:
        """The request's id: its first ``X-Request-ID`` when well-formed, else a fresh one."""
        for name, value in scope["headers"]:
            if name == REQUEST_ID_HEADER:
                return new_request_id(value.decode("latin-1"))
        return new_request_id()

    @staticmethod
    def finish(scope: Scope, state: dict[str, Any], status: int, seconds: float) -> None:
        """What an answered request leaves behind: its counters and its access line."""
        route = route_template(scope)
        method = scope["method"]
        observe_request(method, route, status, seconds)
        fields = {
            "method": method,
            "route": route,
            "status": status,
            "duration_ms": round(seconds * 1000, 3),
            "client_id": state.get(CLIENT_ID_STATE),
        }
        log_fields(access_log, logging.INFO, "request", fields)


_CACHE_CONTROL = b"cache-control"
_NO_STORE = (_CACHE_CONTROL, b"no-store")
_NOSNIFF = (b"x-content-type-options", b"nosniff")


def response_headers(headers: Iterable[tuple[bytes, bytes]], request_id: str) -> list[tuple[bytes, bytes]]:
    """The app's headers (any ``x-request-id`` of its own dropped), then the request id; and, as
    responses carry personal data, never cached by a browser or proxy (``no-store`` unless the app
    set a ``cache-control``) and never sniffed."""
    kept = []
    cached = False
    for header in headers:
        name = header[0].lower()
        if name == REQUEST_ID_HEADER:
            continue
        cached = cached or name == _CACHE_CONTROL
        kept.append(header)
    kept.append((REQUEST_ID_HEADER, request_id.encode()))
    if not cached:
        kept.append(_NO_STORE)
    kept.append(_NOSNIFF)
    return kept


async def send_json_error(
    send: Send, status: int, code: str, message: str, headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """Send a response in the common error shape from middleware (no Response object needed)."""
    await send_error_body(send, status, ErrorBody(error=code, message=message), headers)


async def send_error_body(
    send: Send, status: int, error: ErrorBody, headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """``send_json_error`` for an error body already built (one with field errors, say)."""
    body = error.model_dump_json(exclude_none=True).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
