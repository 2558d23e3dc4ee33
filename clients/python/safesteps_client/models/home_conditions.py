from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HomeConditions")


@_attrs_define
class HomeConditions:
    """
    Attributes:
        basic_needs_met (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        hazards (None | str | Unset): Hazards observed in the home.
        notes (None | str | Unset): Other observations of the home.
        recorded (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    basic_needs_met: bool | None | Unset = UNSET
    hazards: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    recorded: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        basic_needs_met: bool | None | Unset
        if isinstance(self.basic_needs_met, Unset):
            basic_needs_met = UNSET
        else:
            basic_needs_met = self.basic_needs_met

        hazards: None | str | Unset
        if isinstance(self.hazards, Unset):
            hazards = UNSET
        else:
            hazards = self.hazards

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        recorded: bool | None | Unset
        if isinstance(self.recorded, Unset):
            recorded = UNSET
        else:
            recorded = self.recorded

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if basic_needs_met is not UNSET:
            field_dict["basic_needs_met"] = basic_needs_met
        if hazards is not UNSET:
            field_dict["hazards"] = hazards
        if notes is not UNSET:
            field_dict["notes"] = notes
        if recorded is not UNSET:
            field_dict["recorded"] = recorded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_basic_needs_met(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        basic_needs_met = _parse_basic_needs_met(d.pop("basic_needs_met", UNSET))

        def _parse_hazards(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hazards = _parse_hazards(d.pop("hazards", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recorded = _parse_recorded(d.pop("recorded", UNSET))

        home_conditions = cls(
            basic_needs_met=basic_needs_met,
            hazards=hazards,
            notes=notes,
            recorded=recorded,
        )

        return home_conditions
