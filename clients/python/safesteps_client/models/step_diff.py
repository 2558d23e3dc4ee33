from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rule_change import RuleChange
    from ..models.rule_ref import RuleRef


T = TypeVar("T", bound="StepDiff")


@_attrs_define
class StepDiff:
    """
    Attributes:
        step_id (str):
        added (list[RuleRef] | Unset):
        changed (list[RuleChange] | Unset):
        removed (list[RuleRef] | Unset):
    """

    step_id: str
    added: list[RuleRef] | Unset = UNSET
    changed: list[RuleChange] | Unset = UNSET
    removed: list[RuleRef] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step_id = self.step_id

        added: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.added, Unset):
            added = []
            for added_item_data in self.added:
                added_item = added_item_data.to_dict()
                added.append(added_item)

        changed: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changed, Unset):
            changed = []
            for changed_item_data in self.changed:
                changed_item = changed_item_data.to_dict()
                changed.append(changed_item)

        removed: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.removed, Unset):
            removed = []
            for removed_item_data in self.removed:
                removed_item = removed_item_data.to_dict()
                removed.append(removed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step_id": step_id,
            }
        )
        if added is not UNSET:
            field_dict["added"] = added
        if changed is not UNSET:
            field_dict["changed"] = changed
        if removed is not UNSET:
            field_dict["removed"] = removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_change import RuleChange  # noqa: PLC0415
        from ..models.rule_ref import RuleRef  # noqa: PLC0415

        d = dict(src_dict)
        step_id = d.pop("step_id")

        _added = d.pop("added", UNSET)
        added: list[RuleRef] | Unset = UNSET
        if _added is not UNSET:
            added = []
            for added_item_data in _added:
                added_item = RuleRef.from_dict(added_item_data)

                added.append(added_item)

        _changed = d.pop("changed", UNSET)
        changed: list[RuleChange] | Unset = UNSET
        if _changed is not UNSET:
            changed = []
            for changed_item_data in _changed:
                changed_item = RuleChange.from_dict(changed_item_data)

                changed.append(changed_item)

        _removed = d.pop("removed", UNSET)
        removed: list[RuleRef] | Unset = UNSET
        if _removed is not UNSET:
            removed = []
            for removed_item_data in _removed:
                removed_item = RuleRef.from_dict(removed_item_data)

                removed.append(removed_item)

        step_diff = cls(
            step_id=step_id,
            added=added,
            changed=changed,
            removed=removed,
        )

        step_diff.additional_properties = d
        return step_diff

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
