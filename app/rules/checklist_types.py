"""Building blocks shared by every part of the checklist schema: bounded strings, answers, times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

MAX_PEOPLE = 30
MAX_ITEMS = 50

ShortText = Annotated[str, Field(max_length=200)]
FreeText = Annotated[str, Field(max_length=5000)]
Ref = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")]
FORCE_CODE_LENGTH = 16
# A police force's code, e.g. ``WMP``: the one type for a checklist's force, a key's binding and a
# replay's force filter (the columns that store it are ``FORCE_CODE_LENGTH`` long).
ForceCode = Annotated[str, Field(min_length=2, max_length=FORCE_CODE_LENGTH, pattern=r"^[A-Z0-9_-]+$")]

# A time with its zone within the years 1 to 9999 once converted to UTC, where every time is
# compared and stored (the offset given is kept): 9999-12-31T23:59:59-14:00 is valid ISO 8601 but
# past year 9999 in UTC, so it is a 422 naming the field, never an overflow deep inside an
# evaluation or a write. pydantic-core checks the bounds (a Python validator cost ~1 µs a time,
# ~45 µs a checklist of the benchmark corpus); the JSON schema is unchanged.
Timestamp = Annotated[
    AwareDatetime, Field(ge=datetime.min.replace(tzinfo=UTC), le=datetime.max.replace(tzinfo=UTC))
]

Answer = Annotated[
    bool | None, Field(description="true = yes/done, false = no/not done, null = not recorded")
]

# Markers read by the one schema walker (``app/rules/shape.py``):
# a field added by a later schema version; a checklist declaring an older version must not set it
# (see ``Checklist``), so a v1 client never sends facts that a v1 rule set cannot read;
ADDED_IN = "x-added-in-schema-version"
# enumeration values added after their field, as ``{value: version}``;
VALUES_ADDED_IN = "x-values-added-in-schema-version"
# a list where, from this schema version on, ``null`` means "not recorded" and ``[]`` "none"
# (before it, an absent list is ``[]``).
NULL_LIST_FROM = "x-null-list-from-schema-version"

# The schema version from which lists distinguish "not recorded" (null) from "none" ([]).
LISTS_NULLABLE_FROM = 3
LIST_NOTE = (
    " `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`)."
)


class Facts(BaseModel):
    """Base of every checklist part: strict about field names, lenient about absence."""

    model_config = ConfigDict(extra="forbid", frozen=False)


def since(
    version: int, description: str, *, values: dict[str, int] | None = None, examples: list[Any] | None = None
) -> Any:
    """An optional field (``None`` when absent) that exists from schema ``version`` on.

    ``values``: enumeration values of the field added after ``version`` (``{"vehicle": 3}``).
    """
    extra: dict[str, Any] = {ADDED_IN: version}
    if values:
        extra[VALUES_ADDED_IN] = dict(values)
    return Field(None, description=description, json_schema_extra=extra, examples=examples)


def records(
    description: str,
    *,
    version: int = 1,
    values: dict[str, int] | None = None,
    examples: list[Any] | None = None,
) -> Any:
    """An optional list: from schema version 3, ``null`` = not recorded and ``[]`` = none.

    ``version``: the schema version that added the list. Older checklists read an absent list as
    ``[]``, as they always did (``Checklist`` fills it), so their stored form does not change.
    """
    extra: dict[str, Any] = {ADDED_IN: version, NULL_LIST_FROM: LISTS_NULLABLE_FROM}
    if values:
        extra[VALUES_ADDED_IN] = dict(values)
    return Field(None, description=description + LIST_NOTE, json_schema_extra=extra, examples=examples)


def values_since(description: str, values: dict[str, int], **kwargs: Any) -> Any:
    """A field whose enumeration gained ``values`` after the field was added (``{value: version}``)."""
    return Field(description=description, json_schema_extra={VALUES_ADDED_IN: dict(values)}, **kwargs)
