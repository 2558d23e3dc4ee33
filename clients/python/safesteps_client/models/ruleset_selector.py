from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RulesetSelector")


@_attrs_define
class RulesetSelector:
    """
    Attributes:
        id (str | Unset):  Default: 'concern-for-a-child'.
        version (None | str | Unset): Exact version; default: the version in force at `as_of`.
    """

    id: str | Unset = "concern-for-a-child"
    version: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        ruleset_selector = cls(
            id=id,
            version=version,
        )

        return ruleset_selector
