"""Route guards: every route declares who may call it, or that it is public.

- ``Depends(Authorize("incident:read"))``: a valid credential whose role holds the permission;
  the handler may take the ``Principal``. 401 without a valid credential, 403 without the
  permission, 429 past the client's rate limit; all in the common error shape.
- ``audited("incident:read", action="incident.read", target="incident_ref")``: the same, and the
  access is recorded in ``access_event`` with the status answered (for reads of incidents and
  decisions, and exports; it is ``Depends(Audited(...), scope="function")``).
- ``Depends(anonymous)``: no credential (health probes only).

``check_routes`` runs in ``create_app``: a route that declares none of these stops the service,
so a new endpoint cannot be left open by forgetting.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Annotated, NoReturn

from fastapi import Depends, FastAPI, Request, params
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import HTTPException
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.auth.authenticator import Authenticator, AuthFailed
from app.auth.oidc import KeysUnavailable, NoRole
from app.auth.roles import Permission, Principal
from app.db import access_record_scope
from app.http.errors import render
from app.http.middleware import CLIENT_ID_STATE
from app.http.session import SessionDep
from app.schemas.errors import ErrorBody, error_responses
from app.services.access import record_access

log = logging.getLogger("safesteps.auth")
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="An API key (`ss_...`) or an access token from the force's identity provider.",
)
# Every guarded router declares these (``APIRouter(responses=AUTH_ERRORS)``).
AUTH_ERRORS = error_responses(401, 403, 429)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def audited(
    permission: Permission, *, action: str, target: str | tuple[str, ...] | None = None
) -> params.Depends:
    """``Depends(Audited(...))`` with the teardown before the response is sent (it writes the record)."""
    depends: params.Depends = Depends(Audited(permission, action=action, target=target), scope="function")
    return depends


async def anonymous() -> None:
    """Marks a route that needs no credential (async: no threadpool hop for a probe)."""


class Authorize:
    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    async def __call__(self, request: Request, credentials: Credentials) -> Principal:
        # async so the usual case (a cached key or token) costs no threadpool hop; anything that
        # needs the database or a signature check still runs in the threadpool.
        return await self.check(request, _credential(request, credentials))

    async def check(self, request: Request, token: str) -> Principal:
        """``__call__`` past the credential's reading: for a caller that has read the token itself
        (the inline lane, from the one ``Authorization: Bearer <token>`` header)."""
        authenticator: Authenticator = request.app.state.authenticator
        try:  # ``_auth_errors``, without a context manager's generator on every request
            principal = authenticator.cached(token)
            if principal is None:
                principal = await run_in_threadpool(
                    authenticator.authenticate, token, request.app.state.engine
                )
        except (AuthFailed, KeysUnavailable, NoRole) as exc:
            _auth_error(request, exc)
        self.admit(request, principal)
        if not principal.may(self.permission):
            raise self.forbidden()
        return principal

    def forbidden(self) -> HTTPException:
        return HTTPException(403, f"This credential's role does not allow {self.permission}.")

    def authenticate(self, request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
        """The caller, within its rate limit (401 or 429 otherwise). Blocking: for sync callers."""
        token = _credential(request, credentials)
        with _auth_errors(request):
            principal: Principal = request.app.state.authenticator.authenticate(
                token, request.app.state.engine
            )
        return self.admit(request, principal)

    def admit(self, request: Request, principal: Principal) -> Principal:
        """Name the caller for the access log and take a token from its bucket (429 when empty)."""
        # ``request.state``'s own dict, written as its setattr writes it (without building a ``State``).
        state = request.scope.setdefault("state", {})
        state[CLIENT_ID_STATE] = principal.id
        state["principal"] = principal  # for state readers (the inline lane injects nothing)
        refused = request.app.state.rate_limiter.acquire(principal.id)
        if refused is not None:
            raise HTTPException(429, "Too many requests; slow down.", headers=refused.headers())
        return principal


def _credential(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str:
    # Two Authorization headers: which one a proxy, a log or this service reads is anyone's guess.
    if len(request.headers.getlist("authorization")) > 1:
        _refuse(request, "Send exactly one Authorization header.")
    if credentials is None:
        _refuse(request, "A credential is required (Authorization: Bearer ...).")
    return credentials.credentials


def exact_bearer(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The token of the one ``Authorization: Bearer <token>`` header among raw ASGI ``headers``,
    exactly as ``bearer`` and ``_credential`` would read it; None for any other form (none or
    several such headers, another scheme or spelling, no token, surrounding spaces), which the
    caller leaves to them."""
    found = None
    for key, value in headers:
        if key == b"authorization":
            if found is not None:
                return None
            found = value
    if found is None or not found.startswith(b"Bearer "):
        return None
    token = found[7:].decode("latin-1")
    return token if token and token == token.strip() else None


@contextmanager
def _auth_errors(request: Request) -> Iterator[None]:
    try:
        yield
    except (AuthFailed, KeysUnavailable, NoRole) as exc:
        _auth_error(request, exc)


def _auth_error(request: Request, exc: AuthFailed | KeysUnavailable | NoRole) -> NoReturn:
    """The answer to a credential that failed: 401 (429 past the failure limit), 503 or 403."""
    if isinstance(exc, AuthFailed):
        # For security monitoring: the reason (a fixed phrase, never the credential) and the address.
        log.warning(
            "authentication refused",
            extra={
                "fields": {"reason": str(exc), "client_ip": request.client.host if request.client else None}
            },
        )
        _refuse(request, "The credential is not valid, has expired or has been revoked.")
    if isinstance(exc, KeysUnavailable):
        raise HTTPException(503, "The identity provider's keys cannot be fetched; try again.") from None
    raise HTTPException(403, "The token carries no SafeSteps role.") from None


def _refuse(request: Request, message: str) -> NoReturn:
    # Failed attempts are limited per address too: they cost a database lookup each.
    client = request.client.host if request.client else "unknown"
    refused = request.app.state.failure_limiter.acquire(f"ip:{client}")
    if refused is not None:
        raise HTTPException(429, "Too many failed attempts; slow down.", headers=refused.headers())
    raise HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


# Every action an access record can name: each ``Audited`` guard declares one (the API's and the
# pages'), as its route is defined. What ``GET /v1/audit/access?action=`` can filter by.
ACTIONS: set[str] = set()


class Audited(Authorize):
    """``Authorize``, then record the access with the status it got (append-only ``access_event``).

    For reads. The record is written in its own short write transaction after the handler ran and
    before the response is sent (the dependency's teardown runs first): if it cannot be written the
    client gets an error, so nothing is disclosed unrecorded. The read itself stays a plain read
    (on SQLite it does not hold the writer lock while it streams, say, the whole chain). Should a
    route that writes ever be audited, the record joins its unit of work instead.
    """

    def __init__(
        self, permission: Permission, *, action: str, target: str | tuple[str, ...] | None = None
    ) -> None:
        super().__init__(permission)
        self.action = action
        ACTIONS.add(action)
        # The path parameters naming what was read (several: joined with "/", e.g. "WMP-1/C1").
        self.target = (target,) if isinstance(target, str) else target

    def __call__(  # type: ignore[override]
        self, request: Request, credentials: Credentials, session: SessionDep
    ) -> Iterator[Principal]:
        principal = self.authenticate(request, credentials)
        if not principal.may(self.permission):
            self._record(request, session, principal, 403, failed=True)
            raise self.forbidden()
        try:
            yield principal
        except Exception as exc:
            self._record(request, session, principal, _status_of(exc), failed=True)
            raise
        status = self.answered(request)
        self._record(request, session, principal, status, failed=status >= 400)

    def answered(self, request: Request) -> int:
        """The status of a request whose handler returned (the route's own success status)."""
        return _ok(request.scope.get("route"))

    def _target(self, request: Request) -> str | None:
        values = [request.path_params.get(name) for name in self.target or ()]
        if not values or any(value is None for value in values):
            return None
        return "/".join(str(value) for value in values)[:128]

    def _record(
        self, request: Request, session: Session, principal: Principal, status: int, *, failed: bool
    ) -> None:
        with access_record_scope(session, failed=failed) as into:
            record_access(
                into,
                principal,
                action=self.action,
                target=self._target(request),
                status=status,
                client_ip=request.client.host if request.client else None,
                request_id=getattr(request.state, "request_id", None),
            )


def _ok(route: object) -> int:
    status = getattr(route, "status_code", None)
    return status if isinstance(status, int) else 200


def _status_of(exc: Exception) -> int:
    return render(exc, log_it=False).status


def api_routes(app: FastAPI) -> list[RouteContext]:
    """Every API route of the app, through included routers (FastAPI no longer flattens them)."""
    return [rc for rc in iter_route_contexts(app.routes) if isinstance(rc.original_route, APIRoute)]


def route_guard(route: RouteContext) -> Authorize | None:
    """The ``Authorize`` a route declares, ``None`` for an anonymous route; raises if it declares neither."""

    def walk(dependant: Dependant) -> Iterator[object]:
        for sub in dependant.dependencies:
            yield sub.call
            yield from walk(sub)

    calls = list(walk(route.dependant))
    guards = [c for c in calls if isinstance(c, Authorize)]
    if len(guards) == 1:
        return guards[0]
    if not guards and anonymous in calls:
        return None
    raise RuntimeError(
        f"route {route.name} ({route.path}) must declare exactly one Authorize(...) or Depends(anonymous)"
    )


def check_routes(app: FastAPI) -> None:
    """Deny by default: refuse to build an app with a route that declares no access rule."""
    for route in api_routes(app):
        route_guard(route)


def document_errors(app: FastAPI) -> None:
    """Declare on every operation the error statuses the app can answer it with, besides those the
    route lists itself (its own 404, 409, 412...): 422 anywhere (a parameter, or text that cannot be
    stored: ``app.http.input_guard``), 400 and 413 where there is a body (malformed JSON, too large),
    503 where a credential or the database is involved (busy, or the identity provider unreachable),
    431 anywhere (too many headers)."""
    for context in api_routes(app):
        route = context.original_route
        assert isinstance(route, APIRoute)
        statuses = [422, 431]
        if route.body_field is not None:
            statuses += [400, 413]
        if route_guard(context) is not None:
            statuses.append(503)
        # On the route itself and on its effective context (the router's responses merged in). As
        # OpenAPI content, not a ``model``: FastAPI builds response models when a route is made.
        for responses in (route.responses, context.responses):
            for status in statuses:
                responses.setdefault(status, _error_content(status))


def _error_content(status: int) -> dict[str, object]:
    schema = {"$ref": f"#/components/schemas/{ErrorBody.__name__}"}
    return {"description": HTTPStatus(status).phrase, "content": {"application/json": {"schema": schema}}}
