"""One table from errors to HTTP, looked up along the exception's MRO, and one function rendering it.

``render(exc)`` gives the status, the common error body and the headers of any exception; the
exception handlers, the batch endpoint (per item) and the access audit (the status it records) all
use it, so an error answers the same wherever it surfaces. Domain errors (``app.errors``,
``app.rules.errors``) know nothing of HTTP; this table is where they get a status.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.db import retryable
from app.errors import (
    AmbiguousIncident,
    DatabaseBusy,
    DecisionNotFound,
    IdempotencyConflict,
    IncidentNotFound,
    IncidentReferenceMismatch,
    InvalidCursor,
    InvalidFeedback,
    InvalidItem,
    InvalidKeyRequest,
    InvalidPrecondition,
    NotReady,
    OutsideForce,
    PersonNotFound,
    ReplayJobNotFound,
    StaleRevision,
)
from app.http.etag import etag
from app.observability import error_type
from app.rules.errors import RulesetNotFound, UnknownHook
from app.schemas.errors import ErrorBody, FieldError
from app.services.apikeys import ApiKeyNotFound
from app.services.bundles import BundleSigningUnavailable

log = logging.getLogger("safesteps.errors")
INTERNAL_ERROR_MESSAGE = "An unexpected error occurred; it has been logged."


@dataclass(frozen=True, slots=True)
class Rendered:
    """An error as the client gets it."""

    status: int
    body: ErrorBody
    headers: dict[str, str] | None = None

    def response(self) -> JSONResponse:
        return JSONResponse(self.body.model_dump(exclude_none=True), self.status, self.headers)


Renderer = Callable[[Any, str], Rendered]
INTERNAL = Rendered(500, ErrorBody(error="internal_error", message=INTERNAL_ERROR_MESSAGE))
BUSY = Rendered(
    503,
    ErrorBody(error="database_busy", message="The database is busy; retry the request."),
    {"Retry-After": "1"},
)
# Seconds a client (or a load balancer) should wait when the database does not answer at all.
UNAVAILABLE_RETRY_AFTER = "5"
UNAVAILABLE = Rendered(
    503,
    ErrorBody(error="database_unavailable", message="The database is not answering; retry shortly."),
    {"Retry-After": UNAVAILABLE_RETRY_AFTER},
)


def domain(
    status: int,
    code: str,
    headers: Callable[[Any], dict[str, str] | None] | None = None,
    *,
    message: str | None = None,
) -> Renderer:
    """A domain error: its message, and the request field it names (if any) as the one field.

    ``message``: the fixed text clients get when the error's own message quotes their input (a
    reference, an id, a header): error bodies never echo what the client sent. The informative
    message stays on the exception, for the command line and the logs' tracebacks."""

    def render(exc: Exception, _: str) -> Rendered:
        text = message or str(exc)
        field = getattr(exc, "field", None)
        fields = [FieldError(path=field, message=text, type=code)] if field else None
        body = ErrorBody(error=code, message=text, fields=fields, detail=getattr(exc, "detail", None))
        return Rendered(status, body, headers(exc) if headers else None)

    return render


def field_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _fields(errors: Sequence[Any], prefix: str = "") -> list[FieldError]:
    # Never echo the rejected input back: it may hold personal data from a checklist. That includes
    # the name of an unknown field, which is the client's text too.
    return [FieldError(path=prefix + field_path(_loc(e)), message=e["msg"], type=e["type"]) for e in errors]


def _loc(error: Any) -> list[int | str]:
    loc = list(error["loc"])
    if error["type"] == "extra_forbidden" and loc:
        loc[-1] = "<unknown field>"
    return loc


def _malformed(problem: str) -> Rendered:
    """400 ``malformed_json``, with what is wrong and where (a position in the body, never its text)."""
    field = FieldError(path="body", message=problem, type="json_invalid")
    body = ErrorBody(error="malformed_json", message="The request body is not valid JSON.", fields=[field])
    return Rendered(400, body)


NOT_JSON = Rendered(
    415,
    ErrorBody(
        error="unsupported_media_type",
        message="The request body must be JSON, sent with Content-Type: application/json.",
        fields=[
            FieldError(
                path="header.content-type",
                message="missing, or not a JSON media type",
                type="unsupported_media_type",
            )
        ],
    ),
)


def _request_invalid(exc: RequestValidationError, _: str) -> Rendered:
    errors = exc.errors()
    # FastAPI leaves a body it did not read as JSON (no JSON Content-Type: curl's -d sends a form's)
    # as bytes, which the body model then refuses as "not a dictionary": say what is really wrong.
    if any(tuple(e["loc"]) == ("body",) and isinstance(e.get("input"), bytes) for e in errors):
        return NOT_JSON
    for e in errors:
        if e["type"] == "json_invalid":
            # FastAPI's loc is ("body", character position); ctx.error is the decoder's description.
            position = e["loc"][-1] if len(e["loc"]) > 1 else None
            problem = str((e.get("ctx") or {}).get("error") or e["msg"]).removesuffix(" at")
            return _malformed(problem if position is None else f"{problem} at character {position}")
    message = "The request does not match the schema."
    return Rendered(422, ErrorBody(error="validation_error", message=message, fields=_fields(errors)))


def check_order(first: str, start: Any, last: str, end: Any, *, default: str | None = None) -> None:
    """Refuse a query range given the wrong way round (``end`` before ``start``; either may be
    None: no bound): 422 ``validation_error`` on ``query.<last>``, as a schema violation would be.
    ``first`` and ``last`` name the query parameters; ``default``: what ``last`` is when not given."""
    if start is None or end is None or not end < start:
        return
    named = f"{last} ({default} when not given)" if default else last
    ctx = {"first": first, "last": last}
    error = {
        "type": "range_reversed",
        "loc": ("query", last),
        "msg": f"{named} is before {first}",
        "ctx": ctx,
    }
    raise RequestValidationError([error])


def _item_invalid(exc: InvalidItem, prefix: str) -> Rendered:
    message = "The item does not match the schema."
    return Rendered(
        422, ErrorBody(error="validation_error", message=message, fields=_fields(exc.errors, prefix))
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "unavailable",
}


def _http(exc: StarletteHTTPException, _: str) -> Rendered:
    cause = exc.__cause__
    if exc.status_code == 400 and isinstance(cause, UnicodeDecodeError):
        # FastAPI's JSON body parse of bytes that are not text: its "error parsing the body" says less.
        return _malformed(f"Not UTF-8 text: an invalid byte at byte {cause.start}")
    body = ErrorBody(error=_HTTP_CODES.get(exc.status_code, "http_error"), message=str(exc.detail))
    return Rendered(exc.status_code, body, dict(exc.headers) if exc.headers else None)


def _operational(exc: OperationalError | PoolTimeout, _: str) -> Rendered:
    """Busy (retry at once) or unreachable (retry shortly): never a bare 500 for a database that is
    down, restarting or out of connections. The log names the component and the driver's error
    type, never its message (which can quote a statement's parameters)."""
    if isinstance(exc, OperationalError) and retryable(exc):
        return BUSY
    log.warning("database unavailable", extra={"fields": {"component": "database", "error": error_type(exc)}})
    return UNAVAILABLE


def _not_ready(exc: NotReady, _: str) -> Rendered:
    body = ErrorBody(error="not_ready", message=str(exc), detail=exc.detail)
    return Rendered(503, body, {"Retry-After": UNAVAILABLE_RETRY_AFTER})


# Looked up along the exception's MRO: the most specific class listed wins.
ERRORS: dict[type[Exception], Renderer] = {
    RulesetNotFound: domain(
        404, "ruleset_not_found", message="No such rule set or version, or none in force at that time."
    ),
    UnknownHook: domain(422, "unknown_hook", message="Not a hook of the vocabulary (see GET /v1/hooks)."),
    ApiKeyNotFound: domain(404, "api_key_not_found", message="No such API key."),
    IncidentNotFound: domain(404, "incident_not_found", message="Incident not found."),
    DecisionNotFound: domain(404, "decision_not_found", message="Decision not found."),
    PersonNotFound: domain(
        404, "person_not_found", message="No linked person with this local id on the incident."
    ),
    IncidentReferenceMismatch: domain(
        422,
        "incident_reference_mismatch",
        message="The checklist's incident reference is not the reference in the path.",
    ),
    InvalidFeedback: domain(422, "invalid_feedback"),
    InvalidCursor: domain(422, "invalid_cursor"),
    InvalidPrecondition: domain(
        400, "invalid_if_match", message='If-Match must be an incident revision ETag such as "3".'
    ),
    StaleRevision: domain(412, "stale_revision", lambda e: {"ETag": etag(e.current)} if e.current else None),
    IdempotencyConflict: domain(409, "idempotency_key_reused"),
    DatabaseBusy: lambda _, __: BUSY,
    OutsideForce: domain(403, "outside_force"),
    InvalidKeyRequest: domain(422, "invalid_key_request"),
    AmbiguousIncident: domain(409, "ambiguous_incident_ref"),
    ReplayJobNotFound: domain(404, "replay_job_not_found", message="Replay job not found."),
    BundleSigningUnavailable: domain(503, "bundle_signing_unavailable"),
    RequestValidationError: _request_invalid,
    InvalidItem: _item_invalid,
    StarletteHTTPException: _http,
    OperationalError: _operational,
    PoolTimeout: _operational,
    NotReady: _not_ready,
}


def render(exc: BaseException, prefix: str = "", *, log_it: bool = True) -> Rendered:
    """Status, body and headers for ``exc``; ``prefix`` goes before the paths of an item's fields
    (a batch item). Unknown errors are 500s, logged (unless ``log_it`` is false) with the trace."""
    rendered = next((ERRORS[c](exc, prefix) for c in type(exc).__mro__ if c in ERRORS), INTERNAL)
    if log_it and rendered is INTERNAL:
        log.error("unhandled error", exc_info=(type(exc), exc, exc.__traceback__))
    elif log_it and isinstance(exc, RequestValidationError) and rendered.status == 422:
        log.info("validation error", extra={"fields": {"errors": [_loggable(e) for e in exc.errors()]}})
    return rendered


def _loggable(error: Any) -> dict[str, str]:
    """Path and error type only: the message can quote the input (a name, a date of birth), and the
    name of an unknown field is the client's text too, so it is replaced."""
    return {"path": field_path(_loc(error)), "type": error["type"]}


async def _on_error(_: Request, exc: Exception) -> JSONResponse:
    return render(exc).response()


def install(app: FastAPI) -> None:
    for kind in (*ERRORS, Exception):
        app.add_exception_handler(kind, _on_error)
