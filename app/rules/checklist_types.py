"""Building blocks shared by every part of the checklist schema: bounded strings, answers, times."""

from __future__ import annotations

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
Timestamp = AwareDatetime
Answer = Annotated[
    bool | None, Field(description="true = yes/done, false = no/not done, null = not recorded")
]

# Marks a field added by a later schema version; a checklist declaring an older version must not
# set it (see ``Checklist``), so a v1 client never sends facts that a v1 rule set cannot read.
ADDED_IN = "x-added-in-schema-version"


class Facts(BaseModel):
    """Base of every checklist part: strict about field names, lenient about absence."""

    model_config = ConfigDict(extra="forbid", frozen=False)


def since(version: int, description: str, *, list_default: bool = False) -> Any:
    """An optional field (``None``, or an empty list) that exists from schema ``version`` on."""
    extra: dict[str, Any] = {ADDED_IN: version}
    if list_default:
        return Field(default_factory=list, description=description, json_schema_extra=extra)
    return Field(None, description=description, json_schema_extra=extra)


def v2_fields_set(node: object, path: str = "") -> list[str]:
    """Paths of fields set in ``node`` (recursively) that were added after schema version 1."""
    found: list[str] = []
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            where = f"{path}.{name}" if path else name
            extra = info.json_schema_extra
            if isinstance(extra, dict) and extra.get(ADDED_IN, 1) != 1:
                if name in node.model_fields_set and value not in (None, []):
                    found.append(where)
                continue
            found.extend(v2_fields_set(value, where))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found.extend(v2_fields_set(item, f"{path}[{i}]"))
    return found
