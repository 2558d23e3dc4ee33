from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrategyDiscussion")


@_attrs_define
class StrategyDiscussion:
    """Children Act 1989 s47: a strategy discussion with children's social care.

    Attributes:
        decisions_recorded (bool | None | Unset): The decisions reached are recorded.
        held_at (datetime.datetime | None | Unset): When the discussion took place.
        police_attended (bool | None | Unset): Police took part in the discussion.
        requested_at (datetime.datetime | None | Unset): When police requested the discussion.
        significant_harm_suspected (bool | None | Unset): There is reasonable cause to suspect the child suffers
            significant harm.
    """

    decisions_recorded: bool | None | Unset = UNSET
    held_at: datetime.datetime | None | Unset = UNSET
    police_attended: bool | None | Unset = UNSET
    requested_at: datetime.datetime | None | Unset = UNSET
    significant_harm_suspected: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decisions_recorded: bool | None | Unset
        if isinstance(self.decisions_recorded, Unset):
            decisions_recorded = UNSET
        else:
            decisions_recorded = self.decisions_recorded

        held_at: None | str | Unset
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        police_attended: bool | None | Unset
        if isinstance(self.police_attended, Unset):
            police_attended = UNSET
        else:
            police_attended = self.police_attended

        requested_at: None | str | Unset
        if isinstance(self.requested_at, Unset):
            requested_at = UNSET
        elif isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        significant_harm_suspected: bool | None | Unset
        if isinstance(self.significant_harm_suspected, Unset):
            significant_harm_suspected = UNSET
        else:
            significant_harm_suspected = self.significant_harm_suspected

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if decisions_recorded is not UNSET:
            field_dict["decisions_recorded"] = decisions_recorded
        if held_at is not UNSET:
            field_dict["held_at"] = held_at
        if police_attended is not UNSET:
            field_dict["police_attended"] = police_attended
        if requested_at is not UNSET:
            field_dict["requested_at"] = requested_at
        if significant_harm_suspected is not UNSET:
            field_dict["significant_harm_suspected"] = significant_harm_suspected

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_decisions_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        decisions_recorded = _parse_decisions_recorded(d.pop("decisions_recorded", UNSET))

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

        def _parse_police_attended(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        police_attended = _parse_police_attended(d.pop("police_attended", UNSET))

        def _parse_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        requested_at = _parse_requested_at(d.pop("requested_at", UNSET))

        def _parse_significant_harm_suspected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        significant_harm_suspected = _parse_significant_harm_suspected(d.pop("significant_harm_suspected", UNSET))

        strategy_discussion = cls(
            decisions_recorded=decisions_recorded,
            held_at=held_at,
            police_attended=police_attended,
            requested_at=requested_at,
            significant_harm_suspected=significant_harm_suspected,
        )

        return strategy_discussion
