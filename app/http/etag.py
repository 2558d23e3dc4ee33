"""Incident revisions as HTTP validators: the ``ETag`` a revision answers with, and ``If-Match``."""

from __future__ import annotations

from app.errors import InvalidPrecondition


def etag(revision: int) -> str:
    return f'"{revision}"'


def parse_if_match(value: str | None) -> int | None:
    """``"3"``, ``W/"3"`` or ``3`` -> 3; no header -> None."""
    if value is None:
        return None
    text = value.strip().removeprefix("W/").strip('"')
    if not text.isdigit():
        raise InvalidPrecondition(value)
    return int(text)
