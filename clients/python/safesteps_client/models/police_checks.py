from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.police_checks_systems_type_0_item import PoliceChecksSystemsType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="PoliceChecks")


@_attrs_define
class PoliceChecks:
    """Police-system checks on one adult and what they found.

    Attributes:
        bail_or_court_conditions (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        completed_at (datetime.datetime | None | Unset): When the checks were completed.
        done (bool | None | Unset): PNC/PND/local checks were completed.
        missing_person (bool | None | Unset): The adult is recorded as a missing person.
        offences_against_children (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        systems (list[PoliceChecksSystemsType0Item] | None | Unset): The systems searched. `null` or absent: not
            recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        warning_markers (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    bail_or_court_conditions: bool | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    done: bool | None | Unset = UNSET
    missing_person: bool | None | Unset = UNSET
    offences_against_children: bool | None | Unset = UNSET
    systems: list[PoliceChecksSystemsType0Item] | None | Unset = UNSET
    warning_markers: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        bail_or_court_conditions: bool | None | Unset
        if isinstance(self.bail_or_court_conditions, Unset):
            bail_or_court_conditions = UNSET
        else:
            bail_or_court_conditions = self.bail_or_court_conditions

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        done: bool | None | Unset
        if isinstance(self.done, Unset):
            done = UNSET
        else:
            done = self.done

        missing_person: bool | None | Unset
        if isinstance(self.missing_person, Unset):
            missing_person = UNSET
        else:
            missing_person = self.missing_person

        offences_against_children: bool | None | Unset
        if isinstance(self.offences_against_children, Unset):
            offences_against_children = UNSET
        else:
            offences_against_children = self.offences_against_children

        systems: list[str] | None | Unset
        if isinstance(self.systems, Unset):
            systems = UNSET
        elif isinstance(self.systems, list):
            systems = []
            for systems_type_0_item_data in self.systems:
                systems_type_0_item = systems_type_0_item_data.value
                systems.append(systems_type_0_item)

        else:
            systems = self.systems

        warning_markers: bool | None | Unset
        if isinstance(self.warning_markers, Unset):
            warning_markers = UNSET
        else:
            warning_markers = self.warning_markers

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if bail_or_court_conditions is not UNSET:
            field_dict["bail_or_court_conditions"] = bail_or_court_conditions
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if done is not UNSET:
            field_dict["done"] = done
        if missing_person is not UNSET:
            field_dict["missing_person"] = missing_person
        if offences_against_children is not UNSET:
            field_dict["offences_against_children"] = offences_against_children
        if systems is not UNSET:
            field_dict["systems"] = systems
        if warning_markers is not UNSET:
            field_dict["warning_markers"] = warning_markers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bail_or_court_conditions(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        bail_or_court_conditions = _parse_bail_or_court_conditions(d.pop("bail_or_court_conditions", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_done(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        done = _parse_done(d.pop("done", UNSET))

        def _parse_missing_person(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        missing_person = _parse_missing_person(d.pop("missing_person", UNSET))

        def _parse_offences_against_children(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        offences_against_children = _parse_offences_against_children(d.pop("offences_against_children", UNSET))

        def _parse_systems(data: object) -> list[PoliceChecksSystemsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                systems_type_0 = []
                _systems_type_0 = data
                for systems_type_0_item_data in _systems_type_0:
                    systems_type_0_item = PoliceChecksSystemsType0Item(systems_type_0_item_data)

                    systems_type_0.append(systems_type_0_item)

                return systems_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PoliceChecksSystemsType0Item] | None | Unset, data)

        systems = _parse_systems(d.pop("systems", UNSET))

        def _parse_warning_markers(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        warning_markers = _parse_warning_markers(d.pop("warning_markers", UNSET))

        police_checks = cls(
            bail_or_court_conditions=bail_or_court_conditions,
            completed_at=completed_at,
            done=done,
            missing_person=missing_person,
            offences_against_children=offences_against_children,
            systems=systems,
            warning_markers=warning_markers,
        )

        return police_checks
