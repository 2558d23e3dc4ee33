"""Incident revisions as HTTP validators: the ``ETag`` a revision answers with, and ``If-Match``."""

from __future__ import annotations

from app.errors import InvalidPrecondition
from app.schemas.types import MAX_REVISION


def etag(revision: int) -> str:
    return f'"{revision}"'


def parse_if_match(value: str | None) -> int | None:
    """``"3"``, ``W/"3"`` or ``3`` -> 3; no header -> None."""
    if value is None:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    # isdecimal(): ASCII digits and other decimal digits alike, and no longer than a revision can be.
    if not (text.isascii() and text.isdecimal()) or len(text) > 10 or int(text) > MAX_REVISION:
        raise InvalidPrecondition(value)
    return int(text)
