from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hook_info import HookInfo


T = TypeVar("T", bound="HookCatalogue")


@_attrs_define
class HookCatalogue:
    """
    Attributes:
        hooks (list[HookInfo]):
        ruleset (str): `id@version` of the rule set whose rules are listed.
    """

    hooks: list[HookInfo]
    ruleset: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hooks = []
        for hooks_item_data in self.hooks:
            hooks_item = hooks_item_data.to_dict()
            hooks.append(hooks_item)

        ruleset = self.ruleset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hooks": hooks,
                "ruleset": ruleset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hook_info import HookInfo  # noqa: PLC0415

        d = dict(src_dict)
        hooks = []
        _hooks = d.pop("hooks")
        for hooks_item_data in _hooks:
            hooks_item = HookInfo.from_dict(hooks_item_data)

            hooks.append(hooks_item)

        ruleset = d.pop("ruleset")

        hook_catalogue = cls(
            hooks=hooks,
            ruleset=ruleset,
        )

        hook_catalogue.additional_properties = d
        return hook_catalogue

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
