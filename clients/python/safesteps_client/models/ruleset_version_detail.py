from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status

if TYPE_CHECKING:
    from ..models.language_rule import LanguageRule
    from ..models.rule import Rule


T = TypeVar("T", bound="RulesetVersionDetail")


@_attrs_define
class RulesetVersionDetail:
    """
    Attributes:
        changelog (str):
        checklist_schema_version (int):
        effective_from (datetime.date):
        effective_to (datetime.date | None):
        hash_ (str):
        id (str):
        rule_count (int):
        rules (list[LanguageRule | Rule]):
        status (Status):
        title (str):
        version (str):
    """

    changelog: str
    checklist_schema_version: int
    effective_from: datetime.date
    effective_to: datetime.date | None
    hash_: str
    id: str
    rule_count: int
    rules: list[LanguageRule | Rule]
    status: Status
    title: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rule import Rule  # noqa: PLC0415

        changelog = self.changelog

        checklist_schema_version = self.checklist_schema_version

        effective_from = self.effective_from.isoformat()

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        hash_ = self.hash_

        id = self.id

        rule_count = self.rule_count

        rules = []
        for rules_item_data in self.rules:
            rules_item: dict[str, Any]
            if isinstance(rules_item_data, Rule):
                rules_item = rules_item_data.to_dict()
            else:
                rules_item = rules_item_data.to_dict()

            rules.append(rules_item)

        status = self.status.value

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changelog": changelog,
                "checklist_schema_version": checklist_schema_version,
                "effective_from": effective_from,
                "effective_to": effective_to,
                "hash": hash_,
                "id": id,
                "rule_count": rule_count,
                "rules": rules,
                "status": status,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_rule import LanguageRule  # noqa: PLC0415
        from ..models.rule import Rule  # noqa: PLC0415

        d = dict(src_dict)
        changelog = d.pop("changelog")

        checklist_schema_version = d.pop("checklist_schema_version")

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

        id = d.pop("id")

        rule_count = d.pop("rule_count")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:

            def _parse_rules_item(data: object) -> LanguageRule | Rule:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    rules_item_type_0 = Rule.from_dict(data)

                    return rules_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                rules_item_type_1 = LanguageRule.from_dict(data)

                return rules_item_type_1

            rules_item = _parse_rules_item(rules_item_data)

            rules.append(rules_item)

        status = Status(d.pop("status"))

        title = d.pop("title")

        version = d.pop("version")

        ruleset_version_detail = cls(
            changelog=changelog,
            checklist_schema_version=checklist_schema_version,
            effective_from=effective_from,
            effective_to=effective_to,
            hash_=hash_,
            id=id,
            rule_count=rule_count,
            rules=rules,
            status=status,
            title=title,
            version=version,
        )

        ruleset_version_detail.additional_properties = d
        return ruleset_version_detail

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
