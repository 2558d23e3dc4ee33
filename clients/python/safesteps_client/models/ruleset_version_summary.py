from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status

T = TypeVar("T", bound="RulesetVersionSummary")


@_attrs_define
class RulesetVersionSummary:
    """
    Attributes:
        changelog (str):
        effective_from (datetime.date):
        effective_to (datetime.date | None):
        hash_ (str):
        rule_count (int):
        status (Status):
        version (str):
    """

    changelog: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    hash_: str
    rule_count: int
    status: Status
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changelog = self.changelog

        effective_from = self.effective_from.isoformat()

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        hash_ = self.hash_

        rule_count = self.rule_count

        status = self.status.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changelog": changelog,
                "effective_from": effective_from,
                "effective_to": effective_to,
                "hash": hash_,
                "rule_count": rule_count,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        changelog = d.pop("changelog")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_effective_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_to = _parse_effective_to(d.pop("effective_to"))

        hash_ = d.pop("hash")

        rule_count = d.pop("rule_count")

        status = Status(d.pop("status"))

        version = d.pop("version")

        ruleset_version_summary = cls(
            changelog=changelog,
            effective_from=effective_from,
            effective_to=effective_to,
            hash_=hash_,
            rule_count=rule_count,
            status=status,
            version=version,
        )

        ruleset_version_summary.additional_properties = d
        return ruleset_version_summary

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
