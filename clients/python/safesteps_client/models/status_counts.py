from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts:
    """Rule outcomes, with ``missing`` split by basis: ``missing`` is recorded as not done,
    ``not_recorded`` had no record by the moment it was due (semantics-2 rule sets).

        Attributes:
            met (int | Unset):  Default: 0.
            missing (int | Unset):  Default: 0.
            not_applicable (int | Unset):  Default: 0.
            not_recorded (int | Unset):  Default: 0.
            unknown (int | Unset):  Default: 0.
    """

    met: int | Unset = 0
    missing: int | Unset = 0
    not_applicable: int | Unset = 0
    not_recorded: int | Unset = 0
    unknown: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        met = self.met

        missing = self.missing

        not_applicable = self.not_applicable

        not_recorded = self.not_recorded

        unknown = self.unknown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        met = d.pop("met", UNSET)

        missing = d.pop("missing", UNSET)

        not_applicable = d.pop("not_applicable", UNSET)

        not_recorded = d.pop("not_recorded", UNSET)

        unknown = d.pop("unknown", UNSET)

        status_counts = cls(
            met=met,
            missing=missing,
            not_applicable=not_applicable,
            not_recorded=not_recorded,
            unknown=unknown,
        )

        status_counts.additional_properties = d
        return status_counts

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
