from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReplayJobPublicSummary")


@_attrs_define
class ReplayJobPublicSummary:
    """As recorded: decisions, reproduced, failed, erased. Impact: decisions, changed, newly_blocking, no_longer_blocking,
    erased, errors, and change counts by step and by severity. `erased`: decisions whose personal content retention
    erased, so they are not re-made (as recorded: not reproducible, not failures; impact: not compared). `errors`
    (impact): decisions that could not be re-evaluated or whose stored result could not be read, each reported as an
    `error` result and not compared.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        replay_job_public_summary = cls()

        replay_job_public_summary.additional_properties = d
        return replay_job_public_summary

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
