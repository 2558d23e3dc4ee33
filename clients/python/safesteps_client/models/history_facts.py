from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_history import AddressHistory
    from ..models.person_history import PersonHistory


T = TypeVar("T", bound="HistoryFacts")


@_attrs_define
class HistoryFacts:
    """``context.history``: present only when the rule set reads history (``history: 1``).

    Attributes:
        computed_at (datetime.datetime): The `as_of` the counts were taken at.
        address (AddressHistory | None | Unset):
        adults (list[PersonHistory] | Unset):
        children (list[PersonHistory] | Unset):
        format_ (Literal[1] | Unset):  Default: 1.
    """

    computed_at: datetime.datetime
    address: AddressHistory | None | Unset = UNSET
    adults: list[PersonHistory] | Unset = UNSET
    children: list[PersonHistory] | Unset = UNSET
    format_: Literal[1] | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_history import AddressHistory  # noqa: PLC0415

        computed_at = self.computed_at.isoformat()

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressHistory):
            address = self.address.to_dict()
        else:
            address = self.address

        adults: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adults, Unset):
            adults = []
            for adults_item_data in self.adults:
                adults_item = adults_item_data.to_dict()
                adults.append(adults_item)

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        format_ = self.format_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "computed_at": computed_at,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if adults is not UNSET:
            field_dict["adults"] = adults
        if children is not UNSET:
            field_dict["children"] = children
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_history import AddressHistory  # noqa: PLC0415
        from ..models.person_history import PersonHistory  # noqa: PLC0415

        d = dict(src_dict)
        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        def _parse_address(data: object) -> AddressHistory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressHistory.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressHistory | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        _adults = d.pop("adults", UNSET)
        adults: list[PersonHistory] | Unset = UNSET
        if _adults is not UNSET:
            adults = []
            for adults_item_data in _adults:
                adults_item = PersonHistory.from_dict(adults_item_data)

                adults.append(adults_item)

        _children = d.pop("children", UNSET)
        children: list[PersonHistory] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = PersonHistory.from_dict(children_item_data)

                children.append(children_item)

        format_ = cast(Literal[1] | Unset, d.pop("format", UNSET))
        if format_ != 1 and not isinstance(format_, Unset):
            raise ValueError(f"format must match const 1, got '{format_}'")

        history_facts = cls(
            computed_at=computed_at,
            address=address,
            adults=adults,
            children=children,
            format_=format_,
        )

        return history_facts
