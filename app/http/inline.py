"""The inline lane: inline routes answered on the event loop, past FastAPI's request handling.

For the hot paths: ``POST /v1/evaluate`` and ``POST /v1/incidents/{incident_ref}/checklists``.
Beyond the work itself, FastAPI's plain path costs a request a pass of dependency injection
(about 70 us for the credential check, which itself takes 2 us), for a sync handler a thread-pool
hop (115-300 us, mostly kernel time), and FastAPI's own request machinery (another ~65 us on this
machine over a bare Starlette route doing the same work; the body parsed by ``json`` and then
validated from Python objects). Here:

- ``InlineRoute`` is an ordinary ``APIRoute`` (the same body model, parameters, ``Authorize``
  guard, response model and responses: the OpenAPI document and ``check_routes`` see nothing new,
  and its plain FastAPI handler still serves every request the lane does not take). At
  construction it checks that the route can be answered without injection: one JSON body model;
  path, query and header parameters (none from cookies); exactly one ``Authorize`` guard whose only
  dependency is its bearer credential, declared on the route or taken as the ``Principal``; and
  otherwise only dependencies that read application state (``STATE_READERS``). ``inline_post``
  declares one on a router whose route class is another.
- ``InlineLane`` is pure ASGI middleware just inside the request context and body limit (so the
  request id, the access log and the 413 still apply). For ``POST`` to a path an inline route
  matches (its template, as the router matches it) it reads the body and, when it was sent as
  ``application/json`` (or ``+json``) and no dependency override is installed: the body model
  validates it straight from the bytes (``model_validate_json``), each parameter is read as
  FastAPI reads it and validated by its own field (``Param``), the route's own guard is called as
  FastAPI would call it (its ``HTTPBearer`` first; for the one common form, a single
  ``Authorization: Bearer <token>`` header, the token is read from the raw headers once and the
  guard's ``check`` called with it: ``exact_bearer``), then the endpoint inline (awaited when async)
  with the body, the parameters, the principal and the app-state values. An exception is answered
  by the app's own exception handlers, looked up as Starlette's exception middleware looks them up.
  (The lane matches an inline route's path template alone: no route before it may match its paths,
  which the tests hold for the paths around it.)
- Anything else (another method, path, content type; an empty, malformed or invalid body or
  parameter; a request the endpoint's ``routed_when`` predicate sends on, decided before the guard
  so the plain path authenticates it once) goes on to FastAPI with the body replayed, untouched:
  every error status and body, and their order (malformed JSON before the credential, the
  credential before validation), are FastAPI's own.

Only for endpoints whose work on the loop is CPU-bound and short: evaluation is bounded by the
checklist schema (every list and string has a maximum length, the body ``max_body_bytes``), a few
hundred microseconds, and never touches the database (a submission's write is the group writer's
thread's; evaluate sends a request whose rule set reads history to the plain path, the thread
pool); a credential that is not in the authenticator's cache is still checked in the thread pool
by the guard. ``tests/routers/test_inline_lane.py`` holds every answer (status, headers, body) of
both routes equal to the plain path's.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from re import Pattern
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi._compat import ModelField, field_annotation_is_sequence
from fastapi.dependencies.utils import _get_param_aliases, _get_param_model, get_typed_return_annotation
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.convertors import Convertor
from starlette.requests import ClientDisconnect
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.http.asgi import replay_first
from app.http.deps import get_history_reader, get_pseudonymiser, get_registry, get_writer, history_reader
from app.http.guards import Authorize, api_routes, exact_bearer

# Dependencies that only read application state, and how to read it without injection.
STATE_READERS: dict[Callable[..., Any], Callable[[Request], Any]] = {
    get_registry: lambda request: request.app.state.registry,
    get_writer: lambda request: request.app.state.writer,
    get_pseudonymiser: lambda request: request.app.state.pseudonymiser,
    get_history_reader: history_reader,
}
ROUTED_WHEN = "inline_routed_when"
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def routed_when(
    predicate: Callable[[Request, Any], bool],
) -> Callable[[Endpoint], Endpoint]:
    """Mark an inline endpoint: requests for which ``predicate(request, body)`` holds go to the
    plain path (the thread pool) instead, e.g. those that must read the database. It runs before
    the guard (the plain path authenticates the request) and must raise nothing."""

    def mark(endpoint: Endpoint) -> Endpoint:
        setattr(endpoint, ROUTED_WHEN, predicate)
        return endpoint

    return mark


def inline_post(router: APIRouter, path: str, **declared: Any) -> Callable[[Endpoint], Endpoint]:
    """``@router.post(path, **declared)`` as an ``InlineRoute``, on a router whose own route class
    is another (the same route otherwise: the OpenAPI document does not change)."""

    def add(endpoint: Endpoint) -> Endpoint:
        router.add_api_route(path, endpoint, methods=["POST"], route_class_override=InlineRoute, **declared)
        return endpoint

    return add


class InlineRoute(APIRoute):
    """A route the inline lane may answer (see the module docstring); FastAPI serves the rest."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inline_body = self._body()
        self.inline_principal, self.inline_guard, self.inline_credential = self._guard()
        self.inline_readers = self._readers()
        self.inline_params = self._params()
        self.inline_awaited = inspect.iscoroutinefunction(self.endpoint)
        returned = get_typed_return_annotation(self.endpoint)
        if not (isinstance(returned, type) and issubclass(returned, Response)):
            raise TypeError(f"{self.path}: an inline endpoint returns a Response (nothing to serialise)")
        self.routed_when: Callable[[Request, Any], bool] | None = getattr(self.endpoint, ROUTED_WHEN, None)

    async def answer(self, request: Request, body: bytes) -> Response | None:
        """The response, or None when FastAPI's plain handler must answer instead."""
        if request.app.dependency_overrides or not _is_json(_content_type(request.scope["headers"])):
            return None
        name, model = self.inline_body
        try:
            value = model.model_validate_json(body)
        except ValidationError:
            return None  # FastAPI reports it, in its own words and order
        values: dict[str, Any] = {name: value}
        for params, source in self.inline_params:
            received = source(request)
            for param in params:
                if not param.read(received, values):
                    return None  # likewise
        if self.routed_when is not None and self.routed_when(request, value):
            return None  # e.g. a rule set that reads history: the database, in the thread pool
        token = exact_bearer(request.scope["headers"])
        if token is None:  # any other form, or none: read as FastAPI reads it
            principal = await self.inline_guard(request, await self.inline_credential(request))
        else:
            principal = await self.inline_guard.check(request, token)
        if self.inline_principal is not None:
            values[self.inline_principal] = principal
        for reader, read in self.inline_readers:
            values[reader] = read(request)
        response: Response = self.endpoint(**values)
        if self.inline_awaited:
            response = await response  # type: ignore[misc]
        return response

    def _body(self) -> tuple[str, type[BaseModel]]:
        params = self.dependant.body_params
        model = params[0].field_info.annotation if len(params) == 1 else None
        if self._embed_body_fields or not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise TypeError(f"{self.path}: an inline route takes exactly one JSON body model")
        return params[0].name, model

    def _guard(self) -> tuple[str | None, Authorize, HTTPBearer]:
        guards = [d for d in self.dependant.dependencies if isinstance(d.call, Authorize)]
        if len(guards) != 1:
            raise TypeError(f"{self.path}: an inline route declares exactly one Authorize guard")
        [guard] = guards
        if type(guard.call).__call__ is not Authorize.__call__:
            raise TypeError(f"{self.path}: an inline route's guard keeps Authorize's own __call__")
        subs = guard.dependencies
        if len(subs) != 1 or not isinstance(subs[0].call, HTTPBearer):
            raise TypeError(f"{self.path}: the guard's only dependency must be its bearer credential")
        return guard.name, guard.call, subs[0].call  # type: ignore[return-value]

    def _readers(self) -> list[tuple[str, Callable[[Request], Any]]]:
        readers = []
        for dep in self.dependant.dependencies:
            if isinstance(dep.call, Authorize):
                continue  # the guard
            read = STATE_READERS.get(dep.call) if dep.call is not None else None
            if read is None or dep.name is None or dep.dependencies:
                what = dep.name or "a dependency of the route"
                raise TypeError(f"{self.path}: {what} is not a dependency an inline route can read")
            readers.append((dep.name, read))
        return readers

    def _params(self) -> list[tuple[list[Param], Callable[[Request], Mapping[str, Any]]]]:
        dependant = self.dependant
        if dependant.cookie_params:
            raise TypeError(f"{self.path}: an inline route reads path, query and header parameters only")
        sources: list[tuple[list[ModelField], Callable[[Request], Mapping[str, Any]]]] = [
            (dependant.path_params, _path_params),
            (dependant.query_params, _query_params),
            (dependant.header_params, _headers),
        ]
        return [([Param.of(self.path, f) for f in fields], source) for fields, source in sources if fields]


@dataclass(frozen=True, slots=True)
class Param:
    """A scalar path, query or header parameter, read as FastAPI's ``request_params_to_args`` reads
    it: the value of the first of its request keys the request has (``_get_param_aliases``), else
    its default, validated by the field itself; what FastAPI works out per request, worked out once
    (21 us a submission on this machine, against 1 us). A value it cannot take is FastAPI's to
    report."""

    name: str
    keys: tuple[str, ...]
    field: ModelField
    required: bool
    default: Any

    @classmethod
    def of(cls, path: str, field: ModelField) -> Param:
        required = field.field_info.is_required()
        default = None if required else field.default
        if (
            _get_param_model(field) is not None
            or field_annotation_is_sequence(field.field_info.annotation)
            or field.field_info.validate_default
            or type(default) not in (type(None), str, int, float, bool)  # FastAPI copies a default
        ):
            raise TypeError(f"{path}: {field.name} is not a parameter an inline route can read")
        keys = tuple(key for _, key in _get_param_aliases(field))
        return cls(field.name, keys, field, required, default)

    def read(self, received: Mapping[str, Any], values: dict[str, Any]) -> bool:
        """Put the parameter's value into ``values``; False when it is missing or not valid."""
        raw = next((received[key] for key in self.keys if key in received), None)
        if raw is None:
            values[self.name] = self.default
            return not self.required
        values[self.name], errors = self.field.validate(raw, values)
        return not errors


def _path_params(request: Request) -> Mapping[str, Any]:
    return request.path_params


def _query_params(request: Request) -> Mapping[str, Any]:
    return request.query_params


def _headers(request: Request) -> Mapping[str, Any]:
    return request.headers


def inline_routes(app: FastAPI) -> dict[str, InlineRoute]:
    """The app's inline routes by path template (through included routers)."""
    found = {}
    for context in api_routes(app):
        route = context.original_route
        if isinstance(route, InlineRoute) and context.path is not None:
            if route.methods != {"POST"}:
                raise TypeError(f"{context.path}: an inline route answers POST only")
            if list(context.dependencies) != route.dependencies:
                raise TypeError(f"{context.path}: an inline route is included without dependencies")
            found[context.path] = route
    return found


class InlineLane:
    """Pure ASGI: ``POST`` to an inline route's path is offered to the route first."""

    def __init__(self, app: ASGIApp, routes: dict[str, InlineRoute]) -> None:
        self.app = app
        self.exact: dict[str, InlineRoute] = {}
        self.templated: list[tuple[Pattern[str], dict[str, Convertor[Any]], InlineRoute]] = []
        for path, route in routes.items():
            regex, _, convertors = compile_path(path)
            if convertors:
                self.templated.append((regex, convertors, route))
            else:
                self.exact[path] = route

    def match(self, path: str) -> tuple[InlineRoute, dict[str, Any]] | None:
        """The inline route for ``path`` and its path parameters, as the router finds them."""
        route = self.exact.get(path)
        if route is not None:
            return route, {}
        for regex, convertors, templated in self.templated:
            found = regex.match(path)
            if found is not None:
                return templated, {k: convertors[k].convert(v) for k, v in found.groupdict().items()}
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        matched = None
        if scope["type"] == "http" and scope["method"] == "POST" and not scope.get("root_path"):
            matched = self.match(scope["path"])
        if matched is None:
            await self.app(scope, receive, send)
            return
        route, path_params = matched
        # As the router sets them.
        scope["route"], scope["endpoint"], scope["path_params"] = route, route.endpoint, path_params
        request = Request(scope, receive, send)
        try:
            body = await request.body()
        except ClientDisconnect:
            return  # gone, or refused by the body limit, which has answered already
        await self.offer(request, route, body, send)

    async def offer(self, request: Request, route: InlineRoute, body: bytes, send: Send) -> None:
        """``body`` (read whole) offered to ``route``, then answered by it or by FastAPI's plain
        path; ``request``'s scope routed to it as the router routes it."""
        try:
            response = await route.answer(request, body)
        except Exception as exc:
            handler = _handler(request.app.exception_handlers, exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        scope, receive = request.scope, request.receive
        if response is None:
            await self.app(
                scope, replay_first({"type": "http.request", "body": body, "more_body": False}, receive), send
            )
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


def _content_type(headers: list[tuple[bytes, bytes]]) -> str | None:
    """``request.headers.get("content-type")`` from the raw headers (without building ``Headers``)."""
    for key, value in headers:
        if key == b"content-type":
            return value.decode("latin-1")
    return None


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
