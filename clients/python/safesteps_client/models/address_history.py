from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressHistory")


@_attrs_define
class AddressHistory:
    """The incident's address (``incident.address_ref``).

    Attributes:
        concerns_12m (int): Earlier concern-for-a-child incidents at the address, 12 months.
        concerns_3m (int): Earlier concern-for-a-child incidents at the address, 3 months.
        domestic_12m (int): Earlier domestic-abuse incidents at the address, 12 months.
        linked (bool): The checklist gave an address reference.
        last_incident_at (datetime.date | None | Unset): The date of the most recent earlier incident.
    """

    concerns_12m: int
    concerns_3m: int
    domestic_12m: int
    linked: bool
    last_incident_at: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        concerns_12m = self.concerns_12m

        concerns_3m = self.concerns_3m

        domestic_12m = self.domestic_12m

        linked = self.linked

        last_incident_at: None | str | Unset
        if isinstance(self.last_incident_at, Unset):
            last_incident_at = UNSET
        elif isinstance(self.last_incident_at, datetime.date):
            last_incident_at = self.last_incident_at.isoformat()
        else:
            last_incident_at = self.last_incident_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "concerns_12m": concerns_12m,
                "concerns_3m": concerns_3m,
                "domestic_12m": domestic_12m,
                "linked": linked,
            }
        )
        if last_incident_at is not UNSET:
            field_dict["last_incident_at"] = last_incident_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        concerns_12m = d.pop("concerns_12m")

        concerns_3m = d.pop("concerns_3m")

        domestic_12m = d.pop("domestic_12m")

        linked = d.pop("linked")

        def _parse_last_incident_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_incident_at_type_0 = datetime.date.fromisoformat(data)

                return last_incident_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_incident_at = _parse_last_incident_at(d.pop("last_incident_at", UNSET))

        address_history = cls(
            concerns_12m=concerns_12m,
            concerns_3m=concerns_3m,
            domestic_12m=domestic_12m,
            linked=linked,
            last_incident_at=last_incident_at,
        )

        return address_history
