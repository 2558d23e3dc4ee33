"""Input types bounded to what the service can store and compute with, so extreme values are a
422 naming the field, never an overflow deep inside a write (a 500)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime

# Revisions are 32-bit integers in the database (PostgreSQL ``integer``).
MAX_REVISION = 2_147_483_647


def _representable_in_utc(value: datetime) -> datetime:
    """9999-12-31T23:59:59-14:00 is a valid ISO 8601 time but lies past year 9999 in UTC, where
    every stored timestamp is kept: refuse it here rather than overflow on the way to the database."""
    try:
        value.astimezone(UTC)
    except OverflowError:
        raise ValueError("the time is outside the years 1 to 9999 once converted to UTC") from None
    return value


Instant = Annotated[AwareDatetime, AfterValidator(_representable_in_utc)]
"""A time with its zone that is representable in UTC (the offset given is kept)."""


# PostgreSQL refuses NUL in text; an unpaired surrogate cannot be encoded as UTF-8.
UNSAFE_TEXT_TYPE = "string_unsafe_character"
UNSAFE_TEXT_MESSAGE = "NUL characters and unpaired surrogates are not accepted in text."
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def unsafe_location(value: Any, loc: tuple[int | str, ...] = ()) -> tuple[int | str, ...] | None:
    """Where the first string (or object key) a service could not store faithfully is, in parsed
    JSON: a Pydantic-style ``loc`` (an unsafe key gives its object's location)."""
    if isinstance(value, str):
        return loc if unsafe(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            if unsafe(str(key)):
                return loc
            found = unsafe_location(item, (*loc, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = unsafe_location(item, (*loc, index))
            if found is not None:
                return found
    return None
