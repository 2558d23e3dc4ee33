"""Input types bounded to what the service can store and compute with, so extreme values are a
422 naming the field, never an overflow deep inside a write (a 500)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from pydantic_core import PydanticCustomError

from app.rules.checklist_types import Timestamp

# Revisions are 32-bit integers in the database (PostgreSQL ``integer``).
MAX_REVISION = 2_147_483_647


# The checklist's own time type, for every other time a request carries: a time with its zone
# that is representable in UTC (the offset given is kept).
Instant = Timestamp


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


def one_of(
    kind: str, message: str, known: Callable[[], Collection[str]]
) -> Callable[[str | None], str | None]:
    """A validator refusing a value not in ``known()`` (read when it runs) with error type ``kind``
    and ``message``, which never quotes the value: error bodies never echo what the client sent.
    ``{known}`` in the message lists what is accepted. A misspelt filter would otherwise match
    nothing, which reads as nothing having happened."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in (accepted := known()):
            raise PydanticCustomError(kind, message, {"known": ", ".join(sorted(accepted))})
        return value

    return check
