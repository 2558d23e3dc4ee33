from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.bail_conditions_conditions_type_0_item import BailConditionsConditionsType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="BailConditions")


@_attrs_define
class BailConditions:
    """Bail after arrest or charge in this case, and whether its conditions protect children.

    Attributes:
        bailed (bool | None | Unset): The detainee was released on bail in this case.
        children_considered (bool | None | Unset): The children at risk were considered when the bail decision was made.
        conditions (list[BailConditionsConditionsType0Item] | None | Unset): The conditions set. `null` or absent: not
            recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        conditions_set (bool | None | Unset): Bail conditions were set.
        protect_children (bool | None | Unset): The conditions protect the children at risk from the detainee (false:
            they do not cover them).
    """

    bailed: bool | None | Unset = UNSET
    children_considered: bool | None | Unset = UNSET
    conditions: list[BailConditionsConditionsType0Item] | None | Unset = UNSET
    conditions_set: bool | None | Unset = UNSET
    protect_children: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bailed: bool | None | Unset
        if isinstance(self.bailed, Unset):
            bailed = UNSET
        else:
            bailed = self.bailed

        children_considered: bool | None | Unset
        if isinstance(self.children_considered, Unset):
            children_considered = UNSET
        else:
            children_considered = self.children_considered

        conditions: list[str] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, list):
            conditions = []
            for conditions_type_0_item_data in self.conditions:
                conditions_type_0_item = conditions_type_0_item_data.value
                conditions.append(conditions_type_0_item)

        else:
            conditions = self.conditions

        conditions_set: bool | None | Unset
        if isinstance(self.conditions_set, Unset):
            conditions_set = UNSET
        else:
            conditions_set = self.conditions_set

        protect_children: bool | None | Unset
        if isinstance(self.protect_children, Unset):
            protect_children = UNSET
        else:
            protect_children = self.protect_children

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bailed is not UNSET:
            field_dict["bailed"] = bailed
        if children_considered is not UNSET:
            field_dict["children_considered"] = children_considered
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if conditions_set is not UNSET:
            field_dict["conditions_set"] = conditions_set
        if protect_children is not UNSET:
            field_dict["protect_children"] = protect_children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bailed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        bailed = _parse_bailed(d.pop("bailed", UNSET))

        def _parse_children_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_considered = _parse_children_considered(d.pop("children_considered", UNSET))

        def _parse_conditions(data: object) -> list[BailConditionsConditionsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                conditions_type_0 = []
                _conditions_type_0 = data
                for conditions_type_0_item_data in _conditions_type_0:
                    conditions_type_0_item = BailConditionsConditionsType0Item(conditions_type_0_item_data)

                    conditions_type_0.append(conditions_type_0_item)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BailConditionsConditionsType0Item] | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_conditions_set(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        conditions_set = _parse_conditions_set(d.pop("conditions_set", UNSET))

        def _parse_protect_children(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        protect_children = _parse_protect_children(d.pop("protect_children", UNSET))

        bail_conditions = cls(
            bailed=bailed,
            children_considered=children_considered,
            conditions=conditions,
            conditions_set=conditions_set,
            protect_children=protect_children,
        )

        return bail_conditions
