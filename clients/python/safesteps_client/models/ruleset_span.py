from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RulesetSpan")


@_attrs_define
class RulesetSpan:
    """
    Attributes:
        decisions (int):
        first_day (datetime.date):
        last_day (datetime.date):
        ruleset (str): `id@version`.
    """

    decisions: int
    first_day: datetime.date
    last_day: datetime.date
    ruleset: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decisions = self.decisions

        first_day = self.first_day.isoformat()

        last_day = self.last_day.isoformat()

        ruleset = self.ruleset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decisions": decisions,
                "first_day": first_day,
                "last_day": last_day,
                "ruleset": ruleset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decisions = d.pop("decisions")

        first_day = datetime.date.fromisoformat(d.pop("first_day"))

        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        ruleset = d.pop("ruleset")

        ruleset_span = cls(
            decisions=decisions,
            first_day=first_day,
            last_day=last_day,
            ruleset=ruleset,
        )

        ruleset_span.additional_properties = d
        return ruleset_span

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
