from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity

T = TypeVar("T", bound="RuleRef")


@_attrs_define
class RuleRef:
    """
    Attributes:
        hooks (list[str]):
        rule_id (str):
        severity (Severity):
        title (str):
    """

    hooks: list[str]
    rule_id: str
    severity: Severity
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hooks = self.hooks

        rule_id = self.rule_id

        severity = self.severity.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hooks": hooks,
                "rule_id": rule_id,
                "severity": severity,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hooks = cast(list[str], d.pop("hooks"))

        rule_id = d.pop("rule_id")

        severity = Severity(d.pop("severity"))

        title = d.pop("title")

        rule_ref = cls(
            hooks=hooks,
            rule_id=rule_id,
            severity=severity,
            title=title,
        )

        rule_ref.additional_properties = d
        return rule_ref

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
