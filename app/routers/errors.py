"""One table from domain errors to HTTP, and handlers that give every error the same body."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import (
    DatabaseBusy,
    DecisionNotFound,
    IdempotencyConflict,
    IncidentNotFound,
    IncidentReferenceMismatch,
    InvalidCursor,
    InvalidFeedback,
    InvalidPrecondition,
    OutsideForce,
    ReplayJobNotFound,
    ServiceError,
    StaleRevision,
)
from app.rules.errors import RulesetNotFound, UnknownHook
from app.schemas.errors import ErrorBody, FieldError
from app.services.apikeys import ApiKeyNotFound

log = logging.getLogger("safesteps.errors")

# Domain error -> (status, error code). Order matters only for subclasses listed before bases.
DOMAIN_ERRORS: dict[type[Exception], tuple[int, str]] = {
    RulesetNotFound: (404, "ruleset_not_found"),
    UnknownHook: (422, "unknown_hook"),
    ApiKeyNotFound: (404, "api_key_not_found"),
    IncidentNotFound: (404, "incident_not_found"),
    DecisionNotFound: (404, "decision_not_found"),
    IncidentReferenceMismatch: (422, "incident_reference_mismatch"),
    InvalidFeedback: (422, "invalid_feedback"),
    InvalidCursor: (422, "invalid_cursor"),
    InvalidPrecondition: (400, "invalid_if_match"),
    StaleRevision: (412, "stale_revision"),
    IdempotencyConflict: (409, "idempotency_key_reused"),
    DatabaseBusy: (503, "database_busy"),
    OutsideForce: (403, "outside_force"),
    ReplayJobNotFound: (404, "replay_job_not_found"),
}

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


def error_response(
    status: int,
    code: str,
    message: str,
    fields: list[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(error=code, message=message, fields=fields)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=dict(headers or {}))


def field_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _validation_fields(errors: Sequence[Any]) -> list[FieldError]:
    # Never echo the rejected input back: it may hold personal data from a checklist.
    return [FieldError(path=field_path(e["loc"]), message=e["msg"], type=e["type"]) for e in errors]


def _loggable(error: Any) -> dict[str, str]:
    """Path and error type only: the message can quote the input (a name, a date of birth), and the
    name of an unknown field is the client's text too, so it is replaced."""
    loc = list(error["loc"])
    if error["type"] == "extra_forbidden" and loc:
        loc[-1] = "<unknown field>"
    return {"path": field_path(loc), "type": error["type"]}


async def _on_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e["type"] == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "The request body is not valid JSON.")
    fields = _validation_fields(errors)
    log.info("validation error", extra={"fields": {"errors": [_loggable(e) for e in errors]}})
    return error_response(422, "validation_error", "The request does not match the schema.", fields)


async def _on_http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


# Deadlock, serialization failure, lock not available: the transaction was rolled back; retry.
_RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}


def retryable(exc: Exception) -> bool:
    """A database error that says "try again", not "this is broken"."""
    if not isinstance(exc, OperationalError):
        return False
    return getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES or "database is locked" in str(
        exc.orig
    )


def describe(exc: Exception, prefix: str = "") -> tuple[int, ErrorBody]:
    """Status and body for an error, e.g. for one item of a batch. Unknown errors are 500s."""
    if retryable(exc) or isinstance(exc, DatabaseBusy):
        return 503, ErrorBody(error="database_busy", message="The database is busy; retry the request.")
    if isinstance(exc, ValidationError):
        problems = [
            FieldError(path=prefix + field_path(e["loc"]), message=e["msg"], type=e["type"])
            for e in exc.errors()
        ]
        return 422, ErrorBody(
            error="validation_error", message="The item does not match the schema.", fields=problems
        )
    for kind, (status, code) in DOMAIN_ERRORS.items():
        if isinstance(exc, kind):
            field = getattr(exc, "field", None)
            fields = [FieldError(path=field, message=str(exc), type=code)] if field else None
            detail = exc.detail if isinstance(exc, ServiceError) else None
            return status, ErrorBody(error=code, message=str(exc), fields=fields, detail=detail)
    log.error("unhandled error", exc_info=(type(exc), exc, exc.__traceback__))
    return 500, ErrorBody(error="internal_error", message="An unexpected error occurred; it has been logged.")


async def _on_domain(_: Request, exc: Exception) -> JSONResponse:
    status, body = describe(exc)
    headers = {"ETag": f'"{exc.current}"'} if isinstance(exc, StaleRevision) and exc.current else None
    headers = {**(headers or {}), "Retry-After": "1"} if isinstance(exc, DatabaseBusy) else headers
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


async def _on_operational(request: Request, exc: Exception) -> JSONResponse:
    if retryable(exc):
        return await _on_domain(request, DatabaseBusy())
    return await _on_unexpected(request, exc)


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error", exc_info=(type(exc), exc, exc.__traceback__))
    return error_response(500, "internal_error", "An unexpected error occurred; it has been logged.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http)  # type: ignore[arg-type]
    for kind in DOMAIN_ERRORS:
        app.add_exception_handler(kind, _on_domain)
    app.add_exception_handler(OperationalError, _on_operational)
    app.add_exception_handler(Exception, _on_unexpected)
