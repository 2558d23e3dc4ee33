from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hook_rule import HookRule


T = TypeVar("T", bound="HookInfo")


@_attrs_define
class HookInfo:
    """
    Attributes:
        blocking (bool): A critical step missing or unknown here blocks the action.
        description (str):
        id (str):
        rules (list[HookRule]):
    """

    blocking: bool
    description: str
    id: str
    rules: list[HookRule]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        description = self.description

        id = self.id

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "description": description,
                "id": id,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hook_rule import HookRule  # noqa: PLC0415

        d = dict(src_dict)
        blocking = d.pop("blocking")

        description = d.pop("description")

        id = d.pop("id")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = HookRule.from_dict(rules_item_data)

            rules.append(rules_item)

        hook_info = cls(
            blocking=blocking,
            description=description,
            id=id,
            rules=rules,
        )

        hook_info.additional_properties = d
        return hook_info

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
