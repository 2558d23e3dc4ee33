from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.intel_check_subject import IntelCheckSubject
from ..models.intel_check_system import IntelCheckSystem
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntelCheck")


@_attrs_define
class IntelCheck:
    """One police-system search made for the incident and whether its result is recorded.

    Attributes:
        subject (IntelCheckSubject): What was searched: the address, a child, an adult or (schema 3) a vehicle seen with
            a child.
        system (IntelCheckSystem): Which police system was searched.
        at (datetime.datetime | None | Unset): When the check was made.
        result_recorded (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    subject: IntelCheckSubject
    system: IntelCheckSystem
    at: datetime.datetime | None | Unset = UNSET
    result_recorded: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject.value

        system = self.system.value

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        result_recorded: bool | None | Unset
        if isinstance(self.result_recorded, Unset):
            result_recorded = UNSET
        else:
            result_recorded = self.result_recorded

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "system": system,
            }
        )
        if at is not UNSET:
            field_dict["at"] = at
        if result_recorded is not UNSET:
            field_dict["result_recorded"] = result_recorded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = IntelCheckSubject(d.pop("subject"))

        system = IntelCheckSystem(d.pop("system"))

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_result_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        result_recorded = _parse_result_recorded(d.pop("result_recorded", UNSET))

        intel_check = cls(
            subject=subject,
            system=system,
            at=at,
            result_recorded=result_recorded,
        )

        return intel_check
