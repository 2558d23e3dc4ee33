"""The inline lane: the evaluate endpoint answered on the event loop, past FastAPI's request handling.

For the evaluate hot path. Beyond the work itself, FastAPI's plain path costs a request a pass of
dependency injection (about 70 us for the credential check, which itself takes 2 us), for a sync
handler a thread-pool hop (115-300 us, mostly kernel time), and FastAPI's own request machinery
(another ~65 us on this machine over a bare Starlette route doing the same work). Here:

- ``InlineRoute`` is an ordinary ``APIRoute`` (the same body model, ``Depends(Authorize(...))``,
  response model and responses: the OpenAPI document and ``check_routes`` see nothing new, and
  its plain FastAPI handler still serves every request the lane does not take). At construction
  it checks that the route can be answered without injection: one JSON body model, exactly one
  ``Authorize`` guard whose only dependency is its bearer credential, and otherwise only
  dependencies that read application state (``STATE_READERS``).
- ``InlineLane`` is pure ASGI middleware just inside the request context and body limit (so the
  request id, the access log and the 413 still apply). For ``POST`` to an inline route's exact
  path it reads the body and, when it was sent as ``application/json`` (or ``+json``), the body
  model validates it straight from the bytes (``model_validate_json``) and no dependency override
  is installed, calls the route's own guard as FastAPI would (its ``HTTPBearer`` first), then the
  endpoint inline with the body and the app-state values. An exception is answered by the app's
  own exception handlers, looked up as Starlette's exception middleware looks them up.
- Anything else (another method, path, content type; an empty, malformed or invalid body) goes on
  to FastAPI with the body replayed, untouched: every error status and body, and their order
  (malformed JSON before the credential, the credential before validation), are FastAPI's own.

Only for endpoints that are CPU-bound and short: the evaluate endpoint's work is bounded by the
checklist schema (every list and string has a maximum length, the body ``max_body_bytes``), a few
hundred microseconds, and never touches the database; a credential that is not in the
authenticator's cache is still checked in the thread pool by the guard. ``tests/routers/
test_inline_lane.py`` holds every answer (status, headers, body) equal to the plain path's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.deps import get_history_reader, get_registry, history_reader
from app.http.guards import Authorize, api_routes

# Dependencies that only read application state, and how to read it without injection.
STATE_READERS: dict[Callable[..., Any], Callable[[Request], Any]] = {
    get_registry: lambda request: request.app.state.registry,
    get_history_reader: history_reader,
}
ROUTED_WHEN = "inline_routed_when"


def routed_when(
    predicate: Callable[[Request, Any], bool],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark an inline endpoint: requests for which ``predicate(request, body)`` holds go to the
    plain path (the thread pool) instead, e.g. those that must read the database."""

    def mark(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        setattr(endpoint, ROUTED_WHEN, predicate)
        return endpoint

    return mark


class InlineRoute(APIRoute):
    """A route the inline lane may answer (see the module docstring); FastAPI serves the rest."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inline_body = self._body()
        self.inline_guard = self._guard()
        self.inline_readers = self._readers()
        self.routed_when: Callable[[Request, Any], bool] | None = getattr(self.endpoint, ROUTED_WHEN, None)

    async def answer(self, request: Request, body: bytes) -> Response | None:
        """The response, or None when FastAPI's plain handler must answer instead."""
        if request.app.dependency_overrides or not _is_json(request.headers.get("content-type")):
            return None
        name, model = self.inline_body
        try:
            value = model.model_validate_json(body)
        except ValidationError:
            return None  # FastAPI reports it, in its own words and order
        guard, credential = self.inline_guard
        await guard(request, await credential(request))
        if self.routed_when is not None and self.routed_when(request, value):
            return None  # e.g. a rule set that reads history: the database, in the thread pool
        response: Response = self.endpoint(
            **{name: value}, **{n: read(request) for n, read in self.inline_readers}
        )
        return response

    def _body(self) -> tuple[str, type[BaseModel]]:
        params = self.dependant.body_params
        model = params[0].field_info.annotation if len(params) == 1 else None
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise TypeError(f"{self.path}: an inline route takes exactly one JSON body model")
        return params[0].name, model

    def _guard(self) -> tuple[Authorize, HTTPBearer]:
        declared = [d.dependency for d in self.dependencies]
        route_level = [d for d in self.dependant.dependencies if d.name is None]
        if len(declared) != 1 or not isinstance(declared[0], Authorize) or len(route_level) != 1:
            raise TypeError(f"{self.path}: an inline route declares exactly one Authorize guard")
        subs = route_level[0].dependencies
        if len(subs) != 1 or not isinstance(subs[0].call, HTTPBearer):
            raise TypeError(f"{self.path}: the guard's only dependency must be its bearer credential")
        return declared[0], subs[0].call

    def _readers(self) -> list[tuple[str, Callable[[Request], Any]]]:
        if self.dependant.path_params or self.dependant.query_params or self.dependant.header_params:
            raise TypeError(f"{self.path}: an inline route takes its body and app state only")
        readers = []
        for dep in self.dependant.dependencies:
            if dep.name is None:
                continue  # the guard
            read = STATE_READERS.get(dep.call) if dep.call is not None else None
            if read is None or dep.dependencies:
                raise TypeError(f"{self.path}: {dep.name} is not a dependency an inline route can read")
            readers.append((dep.name, read))
        return readers


def inline_routes(app: FastAPI) -> dict[str, InlineRoute]:
    """The app's inline routes by path (through included routers)."""
    found = {}
    for context in api_routes(app):
        route = context.original_route
        if isinstance(route, InlineRoute) and context.path is not None:
            if route.methods != {"POST"}:
                raise TypeError(f"{context.path}: an inline route answers POST only")
            found[context.path] = route
    return found


class InlineLane:
    """Pure ASGI: ``POST`` to an inline route's path is offered to the route first."""

    def __init__(self, app: ASGIApp, routes: dict[str, InlineRoute]) -> None:
        self.app, self.routes = app, routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = None
        if scope["type"] == "http" and scope["method"] == "POST" and not scope.get("root_path"):
            route = self.routes.get(scope["path"])
        if route is None:
            await self.app(scope, receive, send)
            return
        scope["route"], scope["endpoint"] = route, route.endpoint  # as the router sets them
        request = Request(scope, receive, send)
        try:
            body = await request.body()
        except ClientDisconnect:
            return  # gone, or refused by the body limit, which has answered already
        try:
            response = await route.answer(request, body)
        except Exception as exc:
            handler = _handler(request.app.exception_handlers, exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        if response is None:
            await self.app(scope, _replay(body, receive), send)
            return
        await response(scope, receive, send)


def _handler(handlers: dict[Any, Callable[..., Any]], exc: Exception) -> Callable[..., Any] | None:
    """The handler Starlette's exception middleware would pick (500 and ``Exception`` belong to the
    outermost server-error middleware, which the request context answers before)."""
    for kind in type(exc).__mro__:
        if kind is Exception:
            return None
        if kind in handlers:
            return handlers[kind]
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def _is_json(content_type: str | None) -> bool:
    """A JSON content type, as FastAPI's plain handler decides it (``application/json`` or
    ``application/...+json``, any parameters). Plain string tests; for a value whose reading could
    differ (no slash, odd spacing), false: the plain handler then decides."""
    if not content_type:
        return False
    if content_type == "application/json":
        return True
    maintype, slash, subtype = content_type.partition(";")[0].strip().lower().partition("/")
    return bool(slash) and maintype == "application" and (subtype == "json" or subtype.endswith("+json"))
