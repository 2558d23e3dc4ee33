from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Due")


@_attrs_define
class Due:
    """Semantics 2: the moment by which a rule's record must exist (see the module docstring).

    Attributes:
        by (None | str | Unset): A ZEN expression giving an ISO 8601 time (or null): from `context.as_of` at or after
            it, an absent record is missing.
        hooks (list[str] | Unset): At these hooks (a subset of the rule's) an absent record is missing.
    """

    by: None | str | Unset = UNSET
    hooks: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        by: None | str | Unset
        if isinstance(self.by, Unset):
            by = UNSET
        else:
            by = self.by

        hooks: list[str] | Unset = UNSET
        if not isinstance(self.hooks, Unset):
            hooks = self.hooks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if by is not UNSET:
            field_dict["by"] = by
        if hooks is not UNSET:
            field_dict["hooks"] = hooks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        by = _parse_by(d.pop("by", UNSET))

        hooks = cast(list[str], d.pop("hooks", UNSET))

        due = cls(
            by=by,
            hooks=hooks,
        )

        return due
