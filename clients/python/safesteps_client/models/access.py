from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.access_power_type_0 import AccessPowerType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="Access")


@_attrs_define
class Access:
    """
    Attributes:
        power (AccessPowerType0 | None | Unset): The power considered or used to gain access.
        rationale (None | str | Unset): Why that power was, or was not, used.
        refused (bool | None | Unset): Access to a child was refused.
    """

    power: AccessPowerType0 | None | Unset = UNSET
    rationale: None | str | Unset = UNSET
    refused: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        power: None | str | Unset
        if isinstance(self.power, Unset):
            power = UNSET
        elif isinstance(self.power, AccessPowerType0):
            power = self.power.value
        else:
            power = self.power

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        refused: bool | None | Unset
        if isinstance(self.refused, Unset):
            refused = UNSET
        else:
            refused = self.refused

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if power is not UNSET:
            field_dict["power"] = power
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if refused is not UNSET:
            field_dict["refused"] = refused

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_power(data: object) -> AccessPowerType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                power_type_0 = AccessPowerType0(data)

                return power_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccessPowerType0 | None | Unset, data)

        power = _parse_power(d.pop("power", UNSET))

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_refused(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        refused = _parse_refused(d.pop("refused", UNSET))

        access = cls(
            power=power,
            rationale=rationale,
            refused=refused,
        )

        return access
