from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeviceAgreement")


@_attrs_define
class DeviceAgreement:
    """Whether the device's offline decision agreed with the server's engine on the same inputs: the
    checklist submitted, at the device's hook, rule-set version and ``as_of`` (the server evaluates
    again at them when they differ from the submission's evaluation of record).

        Attributes:
            agreed (bool): Same outcome for every rule, same blocking, same score.
            differences (list[str]): What differed: `blocking`, `score`, `ruleset`, or a rule id with both outcomes.
            engine_version (str): The device's evaluator, as it reported it.
    """

    agreed: bool
    differences: list[str]
    engine_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreed = self.agreed

        differences = self.differences

        engine_version = self.engine_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreed": agreed,
                "differences": differences,
                "engine_version": engine_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreed = d.pop("agreed")

        differences = cast(list[str], d.pop("differences"))

        engine_version = d.pop("engine_version")

        device_agreement = cls(
            agreed=agreed,
            differences=differences,
            engine_version=engine_version,
        )

        device_agreement.additional_properties = d
        return device_agreement

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
