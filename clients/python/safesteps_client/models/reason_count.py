from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.override_reason import OverrideReason

T = TypeVar("T", bound="ReasonCount")


@_attrs_define
class ReasonCount:
    """
    Attributes:
        count (int):
        reason_code (OverrideReason): Why an officer overrode a finding. A fixed list so that auditors can count them.
    """

    count: int
    reason_code: OverrideReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        reason_code = self.reason_code.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "reason_code": reason_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        reason_code = OverrideReason(d.pop("reason_code"))

        reason_count = cls(
            count=count,
            reason_code=reason_code,
        )

        reason_count.additional_properties = d
        return reason_count

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
