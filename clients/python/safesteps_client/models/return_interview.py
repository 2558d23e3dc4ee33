from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnInterview")


@_attrs_define
class ReturnInterview:
    """The independent return home interview offered by the local authority after a missing episode.

    Attributes:
        away_from_adult_found_with (bool | None | Unset): It was held away from the adult the child was found with or
            returned by.
        held_at (datetime.datetime | None | Unset): When it was held.
        offered (bool | None | Unset): The local authority offered a return home interview.
    """

    away_from_adult_found_with: bool | None | Unset = UNSET
    held_at: datetime.datetime | None | Unset = UNSET
    offered: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        away_from_adult_found_with: bool | None | Unset
        if isinstance(self.away_from_adult_found_with, Unset):
            away_from_adult_found_with = UNSET
        else:
            away_from_adult_found_with = self.away_from_adult_found_with

        held_at: None | str | Unset
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        offered: bool | None | Unset
        if isinstance(self.offered, Unset):
            offered = UNSET
        else:
            offered = self.offered

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if away_from_adult_found_with is not UNSET:
            field_dict["away_from_adult_found_with"] = away_from_adult_found_with
        if held_at is not UNSET:
            field_dict["held_at"] = held_at
        if offered is not UNSET:
            field_dict["offered"] = offered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_away_from_adult_found_with(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        away_from_adult_found_with = _parse_away_from_adult_found_with(d.pop("away_from_adult_found_with", UNSET))

        def _parse_held_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        held_at = _parse_held_at(d.pop("held_at", UNSET))

        def _parse_offered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        offered = _parse_offered(d.pop("offered", UNSET))

        return_interview = cls(
            away_from_adult_found_with=away_from_adult_found_with,
            held_at=held_at,
            offered=offered,
        )

        return return_interview
