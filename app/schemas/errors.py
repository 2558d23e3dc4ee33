"""The one error body every endpoint returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FieldError(BaseModel):
    path: str = Field(description="Where in the request, e.g. `body.checklist.children[0].seen`.")
    message: str
    type: str = Field(description="Machine-readable kind of problem, e.g. `bool_parsing`.")


class ErrorBody(BaseModel):
    error: str = Field(description="Stable machine-readable error code, e.g. `validation_error`.")
    message: str = Field(description="What went wrong, for a person.")
    fields: list[FieldError] | None = Field(None, description="Per-field problems (validation).")
    detail: dict[str, Any] | None = Field(
        None, description="Machine-readable specifics, e.g. `current_revision` for a stale write."
    )


# What any route with a JSON body can answer besides its own statuses: not JSON (400), too large
# (413), not sent as JSON (415), not its schema (422).
JSON_BODY = (400, 413, 415, 422)


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """`responses=` for a route: the statuses it can answer with, all in the common shape."""
    return {status: {"model": ErrorBody} for status in sorted(set(statuses))}
