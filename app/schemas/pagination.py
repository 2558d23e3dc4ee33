"""One pagination style for every list endpoint: keyset cursors.

A request sends ``limit`` and, after the first page, the ``cursor`` the previous page returned; a
page is ``items`` plus ``next_cursor`` (null at the end). A cursor is opaque to clients: URL-safe
base64 of a JSON array ``[kind, *key]``, where ``kind`` names the listing it belongs to (and, where a
listing is inside one resource, that resource) and ``key`` is the last item's sort key. A cursor that
does not decode, or that another listing issued, raises ``InvalidCursor`` (a 422 naming
``query.cursor`` that never quotes the cursor back).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

import orjson
from pydantic import BaseModel, Field

from app.errors import InvalidCursor

T = TypeVar("T")
R = TypeVar("R")

CursorValue = str | int | datetime
"""What a sort key is made of."""

_INT64 = (-(2**63), 2**63 - 1)


class Page(BaseModel, Generic[T]):
    """The envelope every list endpoint returns; each listing declares ``class XPage(Page[X])``."""

    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


def encode_cursor(kind: str, *key: CursorValue) -> str:
    raw = orjson.dumps([kind, *(k.isoformat() if isinstance(k, datetime) else k for k in key)])
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, kind: str, *types: type[CursorValue]) -> tuple[Any, ...]:
    """The key ``encode_cursor(kind, ...)`` put in, each value of the type given, or ``InvalidCursor``."""
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii") + b"=" * (-len(cursor) % 4))
        decoded = orjson.loads(raw)
    except (binascii.Error, ValueError, UnicodeError) as exc:
        raise InvalidCursor(cursor) from exc
    if not isinstance(decoded, list) or len(decoded) != len(types) + 1 or decoded[0] != kind:
        raise InvalidCursor(cursor)
    return tuple(_value(value, wanted, cursor) for value, wanted in zip(decoded[1:], types, strict=True))


def _value(value: Any, wanted: type[CursorValue], cursor: str) -> CursorValue:
    if wanted is datetime and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as exc:
            raise InvalidCursor(cursor) from exc
    if wanted is int and type(value) is int and _INT64[0] <= value <= _INT64[1]:  # not bool; a column's range
        return value
    if wanted is str and type(value) is str and "\x00" not in value:  # PostgreSQL text holds no NUL
        return value
    raise InvalidCursor(cursor)


def next_cursor(
    rows: Sequence[R], limit: int, kind: str, key: Callable[[R], tuple[CursorValue, ...]]
) -> str | None:
    """For rows fetched with ``limit + 1``: the cursor after the page's last row, or None at the end."""
    return encode_cursor(kind, *key(rows[limit - 1])) if len(rows) > limit else None
