from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appropriate_adult_role_type_0 import AppropriateAdultRoleType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppropriateAdult")


@_attrs_define
class AppropriateAdult:
    """
    Attributes:
        appointed (bool | None | Unset): An appropriate adult was appointed.
        arrived_at (datetime.datetime | None | Unset): When they arrived at custody.
        involved_in_offence (bool | None | Unset): The appropriate adult is a suspect, witness or otherwise involved.
        role (AppropriateAdultRoleType0 | None | Unset): Who the appropriate adult is (a solicitor cannot act).
    """

    appointed: bool | None | Unset = UNSET
    arrived_at: datetime.datetime | None | Unset = UNSET
    involved_in_offence: bool | None | Unset = UNSET
    role: AppropriateAdultRoleType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appointed: bool | None | Unset
        if isinstance(self.appointed, Unset):
            appointed = UNSET
        else:
            appointed = self.appointed

        arrived_at: None | str | Unset
        if isinstance(self.arrived_at, Unset):
            arrived_at = UNSET
        elif isinstance(self.arrived_at, datetime.datetime):
            arrived_at = self.arrived_at.isoformat()
        else:
            arrived_at = self.arrived_at

        involved_in_offence: bool | None | Unset
        if isinstance(self.involved_in_offence, Unset):
            involved_in_offence = UNSET
        else:
            involved_in_offence = self.involved_in_offence

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, AppropriateAdultRoleType0):
            role = self.role.value
        else:
            role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if appointed is not UNSET:
            field_dict["appointed"] = appointed
        if arrived_at is not UNSET:
            field_dict["arrived_at"] = arrived_at
        if involved_in_offence is not UNSET:
            field_dict["involved_in_offence"] = involved_in_offence
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_appointed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        appointed = _parse_appointed(d.pop("appointed", UNSET))

        def _parse_arrived_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrived_at_type_0 = datetime.datetime.fromisoformat(data)

                return arrived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        arrived_at = _parse_arrived_at(d.pop("arrived_at", UNSET))

        def _parse_involved_in_offence(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        involved_in_offence = _parse_involved_in_offence(d.pop("involved_in_offence", UNSET))

        def _parse_role(data: object) -> AppropriateAdultRoleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = AppropriateAdultRoleType0(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppropriateAdultRoleType0 | None | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        appropriate_adult = cls(
            appointed=appointed,
            arrived_at=arrived_at,
            involved_in_offence=involved_in_offence,
            role=role,
        )

        return appropriate_adult
