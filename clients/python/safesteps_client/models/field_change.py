from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_category import ChangeCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldChange")


@_attrs_define
class FieldChange:
    """
    Attributes:
        after (Any):
        before (Any):
        category (ChangeCategory):
        field (str):
        added (list[Any] | Unset): For list fields (hooks, references): items only in the `to` version.
        removed (list[Any] | Unset): For list fields: items only in the `from` version.
    """

    after: Any
    before: Any
    category: ChangeCategory
    field: str
    added: list[Any] | Unset = UNSET
    removed: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after = self.after

        before = self.before

        category = self.category.value

        field = self.field

        added: list[Any] | Unset = UNSET
        if not isinstance(self.added, Unset):
            added = self.added

        removed: list[Any] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = self.removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "category": category,
                "field": field,
            }
        )
        if added is not UNSET:
            field_dict["added"] = added
        if removed is not UNSET:
            field_dict["removed"] = removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after = d.pop("after")

        before = d.pop("before")

        category = ChangeCategory(d.pop("category"))

        field = d.pop("field")

        added = cast(list[Any], d.pop("added", UNSET))

        removed = cast(list[Any], d.pop("removed", UNSET))

        field_change = cls(
            after=after,
            before=before,
            category=category,
            field=field,
            added=added,
            removed=removed,
        )

        field_change.additional_properties = d
        return field_change

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
