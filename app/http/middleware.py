"""Pure ASGI middleware: request context and access log, body-size limit.

Pure ASGI rather than ``BaseHTTPMiddleware`` keeps the hot path cheap: no extra task, no body
re-streaming, one dict lookup per header.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.asgi import route_template
from app.http.errors import INTERNAL_ERROR_MESSAGE
from app.observability import new_request_id, request_id_var
from app.schemas.errors import ErrorBody

access_log = logging.getLogger("safesteps.access")
log = logging.getLogger("safesteps.errors")


REQUEST_ID_HEADER = b"x-request-id"
# Where authentication leaves the caller's identity for the access log (``request.state``).
CLIENT_ID_STATE = "client_id"


class RequestContext:
    """Request id (taken from ``X-Request-ID`` when well-formed) in logs and response; access log.

    The access line names the route *template* (``/v1/incidents/{incident_ref}``), never the raw
    path or query string, plus status, duration and the authenticated client id. It never reads
    the body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        supplied = None
        for name, value in scope["headers"]:
            if name == REQUEST_ID_HEADER:
                supplied = value.decode("latin-1")
                break
        request_id = new_request_id(supplied)
        token = request_id_var.set(request_id)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        start = time.perf_counter()

        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                headers = [h for h in message.get("headers", []) if h[0].lower() != REQUEST_ID_HEADER]
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                # Responses carry personal data: never cached by a browser or proxy, never sniffed.
                if not any(h[0].lower() == b"cache-control" for h in headers):
                    headers.append((b"cache-control", b"no-store"))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            # Handled here rather than in Starlette's outermost ServerErrorMiddleware so the error
            # line and the 500 response still carry the request id.
            log.error("unhandled error", exc_info=(type(exc), exc, exc.__traceback__))
            if status != 500 or started:
                raise
            await send_json_error(send_with_id, 500, "internal_error", INTERNAL_ERROR_MESSAGE)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                fields = {
                    "method": scope["method"],
                    "route": route_template(scope),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - start) * 1000, 3),
                    "client_id": state.get(CLIENT_ID_STATE),
                }
                # makeRecord + handle: the same record as .info() without its caller-frame search,
                # which is most of the cost of a log call on every request.
                access_log.handle(
                    access_log.makeRecord(
                        access_log.name, logging.INFO, "", 0, "request", (), None, extra={"fields": fields}
                    )
                )
            request_id_var.reset(token)


class BodySizeLimit:
    """Refuse bodies over ``max_bytes`` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._reject(send)
                return
        received = 0
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Answer now and tell the app the client went away; whatever it does next is dropped.
                    # (Raising here would be swallowed by the framework's body parsing as a 400.)
                    rejected = True
                    await self._reject(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not rejected:
                await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not rejected:
                raise

    async def _reject(self, send: Send) -> None:
        await send_json_error(
            send,
            413,
            "payload_too_large",
            f"The request body exceeds the limit of {self.max_bytes} bytes.",
        )


async def send_json_error(
    send: Send, status: int, code: str, message: str, headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """Send a response in the common error shape from middleware (no Response object needed)."""
    body = ErrorBody(error=code, message=message).model_dump_json(exclude_none=True).encode()
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
