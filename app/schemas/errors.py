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


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """`responses=` for a route: the statuses it can answer with, all in the common shape."""
    return {status: {"model": ErrorBody} for status in statuses}
