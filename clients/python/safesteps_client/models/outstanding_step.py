from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.basis import Basis
from ..models.outcome import Outcome
from ..models.severity import Severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutstandingStep")


@_attrs_define
class OutstandingStep:
    """
    Attributes:
        action (str):
        message (str):
        outcome (Outcome):
        rule_id (str):
        severity (Severity):
        step_id (str):
        title (str):
        basis (Basis | None | Unset): On missing steps of rule sets with due moments: `recorded` or `not_recorded`.
    """

    action: str
    message: str
    outcome: Outcome
    rule_id: str
    severity: Severity
    step_id: str
    title: str
    basis: Basis | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        message = self.message

        outcome = self.outcome.value

        rule_id = self.rule_id

        severity = self.severity.value

        step_id = self.step_id

        title = self.title

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, Basis):
            basis = self.basis.value
        else:
            basis = self.basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "message": message,
                "outcome": outcome,
                "rule_id": rule_id,
                "severity": severity,
                "step_id": step_id,
                "title": title,
            }
        )
        if basis is not UNSET:
            field_dict["basis"] = basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        message = d.pop("message")

        outcome = Outcome(d.pop("outcome"))

        rule_id = d.pop("rule_id")

        severity = Severity(d.pop("severity"))

        step_id = d.pop("step_id")

        title = d.pop("title")

        def _parse_basis(data: object) -> Basis | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                basis_type_0 = Basis(data)

                return basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Basis | None | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        outstanding_step = cls(
            action=action,
            message=message,
            outcome=outcome,
            rule_id=rule_id,
            severity=severity,
            step_id=step_id,
            title=title,
            basis=basis,
        )

        outstanding_step.additional_properties = d
        return outstanding_step

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
