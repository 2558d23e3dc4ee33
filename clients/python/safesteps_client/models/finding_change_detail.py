from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.finding_change_detail_kind import FindingChangeDetailKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FindingChangeDetail")


@_attrs_define
class FindingChangeDetail:
    """
    Attributes:
        kind (FindingChangeDetailKind):
        outcome_after (None | str):
        outcome_before (None | str):
        rule_id (str):
        severity_after (None | str):
        severity_before (None | str):
        step_id (str):
        basis_after (None | str | Unset):
        basis_before (None | str | Unset): Semantics 2: `recorded` or `not_recorded` (missing).
    """

    kind: FindingChangeDetailKind
    outcome_after: None | str
    outcome_before: None | str
    rule_id: str
    severity_after: None | str
    severity_before: None | str
    step_id: str
    basis_after: None | str | Unset = UNSET
    basis_before: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        outcome_after: None | str
        outcome_after = self.outcome_after

        outcome_before: None | str
        outcome_before = self.outcome_before

        rule_id = self.rule_id

        severity_after: None | str
        severity_after = self.severity_after

        severity_before: None | str
        severity_before = self.severity_before

        step_id = self.step_id

        basis_after: None | str | Unset
        if isinstance(self.basis_after, Unset):
            basis_after = UNSET
        else:
            basis_after = self.basis_after

        basis_before: None | str | Unset
        if isinstance(self.basis_before, Unset):
            basis_before = UNSET
        else:
            basis_before = self.basis_before

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "outcome_after": outcome_after,
                "outcome_before": outcome_before,
                "rule_id": rule_id,
                "severity_after": severity_after,
                "severity_before": severity_before,
                "step_id": step_id,
            }
        )
        if basis_after is not UNSET:
            field_dict["basis_after"] = basis_after
        if basis_before is not UNSET:
            field_dict["basis_before"] = basis_before

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FindingChangeDetailKind(d.pop("kind"))

        def _parse_outcome_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_after = _parse_outcome_after(d.pop("outcome_after"))

        def _parse_outcome_before(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_before = _parse_outcome_before(d.pop("outcome_before"))

        rule_id = d.pop("rule_id")

        def _parse_severity_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        severity_after = _parse_severity_after(d.pop("severity_after"))

        def _parse_severity_before(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        severity_before = _parse_severity_before(d.pop("severity_before"))

        step_id = d.pop("step_id")

        def _parse_basis_after(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basis_after = _parse_basis_after(d.pop("basis_after", UNSET))

        def _parse_basis_before(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basis_before = _parse_basis_before(d.pop("basis_before", UNSET))

        finding_change_detail = cls(
            kind=kind,
            outcome_after=outcome_after,
            outcome_before=outcome_before,
            rule_id=rule_id,
            severity_after=severity_after,
            severity_before=severity_before,
            step_id=step_id,
            basis_after=basis_after,
            basis_before=basis_before,
        )

        finding_change_detail.additional_properties = d
        return finding_change_detail

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
