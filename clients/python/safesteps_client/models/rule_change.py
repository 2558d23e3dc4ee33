from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_category import ChangeCategory

if TYPE_CHECKING:
    from ..models.field_change import FieldChange


T = TypeVar("T", bound="RuleChange")


@_attrs_define
class RuleChange:
    """
    Attributes:
        categories (list[ChangeCategory]): What kinds of thing changed.
        changes (list[FieldChange]):
        rule_id (str):
        title (str): The rule's title in the `to` version.
    """

    categories: list[ChangeCategory]
    changes: list[FieldChange]
    rule_id: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        rule_id = self.rule_id

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "changes": changes,
                "rule_id": rule_id,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change import FieldChange  # noqa: PLC0415

        d = dict(src_dict)
        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = ChangeCategory(categories_item_data)

            categories.append(categories_item)

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = FieldChange.from_dict(changes_item_data)

            changes.append(changes_item)

        rule_id = d.pop("rule_id")

        title = d.pop("title")

        rule_change = cls(
            categories=categories,
            changes=changes,
            rule_id=rule_id,
            title=title,
        )

        rule_change.additional_properties = d
        return rule_change

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
