from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appropriate_adult_conflict_type_0 import AppropriateAdultConflictType0
from ..models.appropriate_adult_role_type_0 import AppropriateAdultRoleType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppropriateAdult")


@_attrs_define
class AppropriateAdult:
    """
    Attributes:
        appointed (bool | None | Unset): An appropriate adult was appointed.
        arrived_at (datetime.datetime | None | Unset): When they arrived at custody.
        conflict (AppropriateAdultConflictType0 | None | Unset): The kind of conflict, where there is one.
        conflict_of_interest (bool | None | Unset): The appropriate adult has a conflict (e.g. a parent of a co-accused,
            a victim's relative).
        involved_in_offence (bool | None | Unset): The appropriate adult is a suspect, witness or otherwise involved.
        relationship_to_child (None | str | Unset): The appropriate adult's relationship to the child (e.g. mother,
            youth offending worker).
        role (AppropriateAdultRoleType0 | None | Unset): Who the appropriate adult is (a solicitor cannot act).
    """

    appointed: bool | None | Unset = UNSET
    arrived_at: datetime.datetime | None | Unset = UNSET
    conflict: AppropriateAdultConflictType0 | None | Unset = UNSET
    conflict_of_interest: bool | None | Unset = UNSET
    involved_in_offence: bool | None | Unset = UNSET
    relationship_to_child: None | str | Unset = UNSET
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

        conflict: None | str | Unset
        if isinstance(self.conflict, Unset):
            conflict = UNSET
        elif isinstance(self.conflict, AppropriateAdultConflictType0):
            conflict = self.conflict.value
        else:
            conflict = self.conflict

        conflict_of_interest: bool | None | Unset
        if isinstance(self.conflict_of_interest, Unset):
            conflict_of_interest = UNSET
        else:
            conflict_of_interest = self.conflict_of_interest

        involved_in_offence: bool | None | Unset
        if isinstance(self.involved_in_offence, Unset):
            involved_in_offence = UNSET
        else:
            involved_in_offence = self.involved_in_offence

        relationship_to_child: None | str | Unset
        if isinstance(self.relationship_to_child, Unset):
            relationship_to_child = UNSET
        else:
            relationship_to_child = self.relationship_to_child

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
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if conflict_of_interest is not UNSET:
            field_dict["conflict_of_interest"] = conflict_of_interest
        if involved_in_offence is not UNSET:
            field_dict["involved_in_offence"] = involved_in_offence
        if relationship_to_child is not UNSET:
            field_dict["relationship_to_child"] = relationship_to_child
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

        def _parse_conflict(data: object) -> AppropriateAdultConflictType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conflict_type_0 = AppropriateAdultConflictType0(data)

                return conflict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppropriateAdultConflictType0 | None | Unset, data)

        conflict = _parse_conflict(d.pop("conflict", UNSET))

        def _parse_conflict_of_interest(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        conflict_of_interest = _parse_conflict_of_interest(d.pop("conflict_of_interest", UNSET))

        def _parse_involved_in_offence(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        involved_in_offence = _parse_involved_in_offence(d.pop("involved_in_offence", UNSET))

        def _parse_relationship_to_child(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship_to_child = _parse_relationship_to_child(d.pop("relationship_to_child", UNSET))

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
            conflict=conflict,
            conflict_of_interest=conflict_of_interest,
            involved_in_offence=involved_in_offence,
            relationship_to_child=relationship_to_child,
            role=role,
        )

        return appropriate_adult
