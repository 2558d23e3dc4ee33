"""The fused lane: the inline lane's requests served in one frame, past the middleware stack.

Every request of the service passes Starlette's server-error middleware, FastAPI's exception
telemetry, compression, the request context, the input guard and the inline lane, each a frame of
its own and (most) a wrapper of ``send``: for an evaluate, a few tens of microseconds of ~500 that
do nothing but pass things on. ``fuse`` (called by ``Service.build_middleware_stack``) puts one
layer in front of that stack, built from the stack's own layers; a ``POST`` to an inline route's
path (``InlineLane.match``) goes through it in this order, each step the layer's own code:

- compression: ``Compression.responder``, its ``send_with_compression`` the last step of ``send``;
- the request context: the request id (``RequestContext.request_id``), the headers it adds, the
  500 for an exception raised before the response started, the counters and the access line
  (``RequestContext.finish``); its ``send`` wrapper and compression's are one function here;
- the ``ProxyHeadersMiddleware`` when the service has trusted proxies (the same instance's
  settings, in front of the rest);
- the input guard: ``InputGuard.refused`` and ``whole_body``;
- the inline lane: ``InlineLane.offer``, with the request routed as the lane routes it; what the
  lane sends on to FastAPI's plain path goes to the layers below the lane, as it does in the stack.

Everything else (another method or path, a scope with a root path or FastAPI's own telemetry)
goes to the stack unchanged, and so does every request when the stack is not the one this layer
knows (tracing on, say: ``TracingMiddleware`` sits between compression and the request context).
Exceptions: the request context answers them as in the stack; one it re-raises (the response had
started) goes to uvicorn, as the server-error middleware re-raises it. (Only when an app raised
between its response's start and its body, which compression holds back, would that middleware
have sent a 500 first; the lane's responses send both in one go.) ``tests/http/test_fused.py``
holds every answer (status, headers, body), access line and counter equal to the stack's.
"""

from __future__ import annotations

import copy
import time
from typing import Any, cast

from fastapi.telemetry._asgi import ExceptionTelemetryMiddleware
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.http.asgi import replay_first
from app.http.compression import Compression, LeanIdentityResponder
from app.http.inline import InlineLane
from app.http.input_guard import InputGuard
from app.http.middleware import RequestContext, response_headers
from app.observability import request_id_var

_TELEMETRY = "fastapi.telemetry"  # in the scope when FastAPI's own telemetry is on
_JSON_TYPE = (b"content-type", b"application/json")
_START_KEYS = {"type", "status", "headers"}
_BODY_KEYS = {"type", "body"}
_VARY = (b"vary", b"Accept-Encoding")  # ``_add_vary`` on headers that have none


def _plain_json(message: Message) -> bool:
    """A 200 start with exactly a ``Response``'s own two headers for a JSON body (the lane's
    decisions): nothing in it that compression, ``response_headers`` or ``_add_vary`` would read
    differently from the path they take for such a start (no ``vary``, ``x-request-id``,
    ``cache-control``, ``content-encoding``; status not 206)."""
    headers = message["headers"]
    return (
        message["status"] == 200
        and message.keys() == _START_KEYS
        and type(headers) is list
        and len(headers) == 2
        and headers[0][0] == b"content-length"
        and headers[1] == _JSON_TYPE
    )


def fuse(stack: ASGIApp) -> ASGIApp:
    """``stack`` with the fused lane in front, or ``stack`` itself when its layers down to the
    inline lane are not the ones the fused lane does the work of."""
    layers: list[Any] = []
    node: Any = stack
    while node is not None and not isinstance(node, InlineLane):
        layers.append(node)
        node = getattr(node, "app", None)
    if node is None:
        return stack
    kinds = [type(layer) for layer in layers]
    proxy = None
    if ProxyHeadersMiddleware in kinds:
        proxy = layers.pop(kinds.index(ProxyHeadersMiddleware))
        kinds.remove(ProxyHeadersMiddleware)
    known = [ServerErrorMiddleware, ExceptionTelemetryMiddleware, Compression, RequestContext, InputGuard]
    if kinds != known:
        return stack
    _, _, compression, context, guard = layers
    if any(node.match(path) is not None for path in guard.per_item):
        return stack  # a body streamed on to the app: not one the lane reads whole
    return FusedLane(stack, compression, context, guard, node, proxy)


class FusedLane:
    """Pure ASGI: the inline lane's requests in one frame (see the module docstring)."""

    def __init__(
        self,
        stack: ASGIApp,
        compression: Compression,
        context: RequestContext,
        guard: InputGuard,
        lane: InlineLane,
        proxy: ProxyHeadersMiddleware | None,
    ) -> None:
        self.stack, self.compression, self.context = stack, compression, context
        self.guard, self.lane = guard, lane
        self.serve: ASGIApp = self._serve
        # Whether compression passes a JSON body through for a client that takes no gzip (its own
        # test, on its own normalised exclusions), adding only its ``vary`` past the minimum size.
        media_types = {"application/json", "application/*"}
        self.json_passes = media_types.isdisjoint(
            LeanIdentityResponder(
                stack, compression.minimum_size, exclude_content_types=compression.exclude_content_types
            ).exclude_content_types
        )
        if proxy is not None:  # the proxy's own settings, in front of the fused work
            proxied = copy.copy(proxy)
            proxied.app = self._serve  # type: ignore[assignment]
            self.serve = cast(ASGIApp, proxied)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and not scope.get("root_path")
            and _TELEMETRY not in scope
            and self.lane.match(scope["path"]) is not None
        ):
            await self.serve(scope, receive, send)
            return
        await self.stack(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        responder = self.compression.responder(scope)
        responder.send = send
        compressed = responder.send_with_compression
        request_id, token, state = self.context.begin(scope)
        status = 500
        started = False
        start = time.perf_counter()
        # The lane's usual answer (see ``_plain_json``), when compression would pass it through.
        held: list[tuple[bytes, bytes]] | None = None
        lean = self.json_passes and type(responder) is LeanIdentityResponder

        async def send_with_id(message: Message) -> None:  # the request context's, then compression's
            nonlocal status, started, held
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                if lean and _plain_json(message):
                    held = message["headers"]  # compression holds the start until the body comes
                    return
                message = {**message, "headers": response_headers(message.get("headers", ()), request_id)}
            elif held is not None:
                headers = response_headers(held, request_id)
                held = None
                if message["type"] == "http.response.body" and message.keys() == _BODY_KEYS:
                    # What compression sends for a one-part body it passes through.
                    if len(message["body"]) >= self.compression.minimum_size:
                        headers.append(_VARY)
                    await send({"type": "http.response.start", "status": 200, "headers": headers})
                    await send(message)
                    return
                await compressed({"type": "http.response.start", "status": 200, "headers": headers})
            await compressed(message)

        try:
            await self._guarded(scope, receive, send_with_id)
        except Exception as exc:
            await self.context.failed(exc, status, started, send_with_id)
        finally:
            self.context.finish(scope, state, status, time.perf_counter() - start)
            request_id_var.reset(token)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The input guard, then the inline lane."""
        guard, lane = self.guard, self.lane
        if await guard.refused(scope, send):
            return
        first = await guard.whole_body(scope, receive, send, lane)
        if first is None:
            return
        if first["type"] != "http.request":  # the client went away: as the lane is told it
            await lane(scope, replay_first(first, receive), send)
            return
        matched = lane.match(scope["path"])
        assert matched is not None  # the path matched on the way in
        route, path_params = matched
        scope["route"], scope["endpoint"], scope["path_params"] = route, route.endpoint, path_params
        request = Request(scope, receive, send)
        request._body = body = first["body"]  # read, as ``Request.body`` keeps it
        await lane.offer(request, route, body, send)
