from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity

if TYPE_CHECKING:
    from ..models.reference import Reference


T = TypeVar("T", bound="HookRule")


@_attrs_define
class HookRule:
    """
    Attributes:
        references (list[Reference]):
        rule_id (str):
        severity (Severity):
        step_id (str):
        title (str):
    """

    references: list[Reference]
    rule_id: str
    severity: Severity
    step_id: str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        references = []
        for references_item_data in self.references:
            references_item = references_item_data.to_dict()
            references.append(references_item)

        rule_id = self.rule_id

        severity = self.severity.value

        step_id = self.step_id

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "references": references,
                "rule_id": rule_id,
                "severity": severity,
                "step_id": step_id,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reference import Reference  # noqa: PLC0415

        d = dict(src_dict)
        references = []
        _references = d.pop("references")
        for references_item_data in _references:
            references_item = Reference.from_dict(references_item_data)

            references.append(references_item)

        rule_id = d.pop("rule_id")

        severity = Severity(d.pop("severity"))

        step_id = d.pop("step_id")

        title = d.pop("title")

        hook_rule = cls(
            references=references,
            rule_id=rule_id,
            severity=severity,
            step_id=step_id,
            title=title,
        )

        hook_rule.additional_properties = d
        return hook_rule

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
