from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PeriodPoint")


@_attrs_define
class PeriodPoint:
    """
    Attributes:
        start (datetime.date):
        at_blocking_hooks (int | Unset):  Default: 0.
        blocking (int | Unset):  Default: 0.
        decisions (int | Unset):  Default: 0.
        met (int | Unset):  Default: 0.
        missing (int | Unset):  Default: 0.
        not_applicable (int | Unset):  Default: 0.
        not_recorded (int | Unset):  Default: 0.
        unknown (int | Unset):  Default: 0.
    """

    start: datetime.date
    at_blocking_hooks: int | Unset = 0
    blocking: int | Unset = 0
    decisions: int | Unset = 0
    met: int | Unset = 0
    missing: int | Unset = 0
    not_applicable: int | Unset = 0
    not_recorded: int | Unset = 0
    unknown: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        at_blocking_hooks = self.at_blocking_hooks

        blocking = self.blocking

        decisions = self.decisions

        met = self.met

        missing = self.missing

        not_applicable = self.not_applicable

        not_recorded = self.not_recorded

        unknown = self.unknown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
            }
        )
        if at_blocking_hooks is not UNSET:
            field_dict["at_blocking_hooks"] = at_blocking_hooks
        if blocking is not UNSET:
            field_dict["blocking"] = blocking
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if met is not UNSET:
            field_dict["met"] = met
        if missing is not UNSET:
            field_dict["missing"] = missing
        if not_applicable is not UNSET:
            field_dict["not_applicable"] = not_applicable
        if not_recorded is not UNSET:
            field_dict["not_recorded"] = not_recorded
        if unknown is not UNSET:
            field_dict["unknown"] = unknown

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        at_blocking_hooks = d.pop("at_blocking_hooks", UNSET)

        blocking = d.pop("blocking", UNSET)

        decisions = d.pop("decisions", UNSET)

        met = d.pop("met", UNSET)

        missing = d.pop("missing", UNSET)

        not_applicable = d.pop("not_applicable", UNSET)

        not_recorded = d.pop("not_recorded", UNSET)

        unknown = d.pop("unknown", UNSET)

        period_point = cls(
            start=start,
            at_blocking_hooks=at_blocking_hooks,
            blocking=blocking,
            decisions=decisions,
            met=met,
            missing=missing,
            not_applicable=not_applicable,
            not_recorded=not_recorded,
            unknown=unknown,
        )

        period_point.additional_properties = d
        return period_point

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
