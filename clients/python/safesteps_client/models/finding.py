from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.basis import Basis
from ..models.indicator import Indicator
from ..models.outcome import Outcome
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding_detail import FindingDetail
    from ..models.reference import Reference


T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """
    Attributes:
        action (str): What the officer should do now.
        indicator (Indicator): How a client should display a finding (CDS Hooks card indicator).
        message (str): One-line summary, under 140 characters.
        outcome (Outcome):
        references (list[Reference]):
        rule_id (str):
        severity (Severity):
        step_id (str):
        title (str):
        verified (bool): False when a citation is not yet checked against its source.
        basis (Basis | None | Unset): On `missing` findings of rule sets with due moments (semantics 2): `recorded` (the
            data says the step was not done) or `not_recorded` (nothing recorded by the moment it was due). Absent
            otherwise.
        details (list[FindingDetail] | Unset):
        evaluation_error (bool | Unset): The rule could not be evaluated on this input; treated as unknown. Default:
            False.
    """

    action: str
    indicator: Indicator
    message: str
    outcome: Outcome
    references: list[Reference]
    rule_id: str
    severity: Severity
    step_id: str
    title: str
    verified: bool
    basis: Basis | None | Unset = UNSET
    details: list[FindingDetail] | Unset = UNSET
    evaluation_error: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        indicator = self.indicator.value

        message = self.message

        outcome = self.outcome.value

        references = []
        for references_item_data in self.references:
            references_item = references_item_data.to_dict()
            references.append(references_item)

        rule_id = self.rule_id

        severity = self.severity.value

        step_id = self.step_id

        title = self.title

        verified = self.verified

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        elif isinstance(self.basis, Basis):
            basis = self.basis.value
        else:
            basis = self.basis

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        evaluation_error = self.evaluation_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "indicator": indicator,
                "message": message,
                "outcome": outcome,
                "references": references,
                "rule_id": rule_id,
                "severity": severity,
                "step_id": step_id,
                "title": title,
                "verified": verified,
            }
        )
        if basis is not UNSET:
            field_dict["basis"] = basis
        if details is not UNSET:
            field_dict["details"] = details
        if evaluation_error is not UNSET:
            field_dict["evaluation_error"] = evaluation_error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_detail import FindingDetail  # noqa: PLC0415
        from ..models.reference import Reference  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        indicator = Indicator(d.pop("indicator"))

        message = d.pop("message")

        outcome = Outcome(d.pop("outcome"))

        references = []
        _references = d.pop("references")
        for references_item_data in _references:
            references_item = Reference.from_dict(references_item_data)

            references.append(references_item)

        rule_id = d.pop("rule_id")

        severity = Severity(d.pop("severity"))

        step_id = d.pop("step_id")

        title = d.pop("title")

        verified = d.pop("verified")

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

        _details = d.pop("details", UNSET)
        details: list[FindingDetail] | Unset = UNSET
        if _details is not UNSET:
            details = []
            for details_item_data in _details:
                details_item = FindingDetail.from_dict(details_item_data)

                details.append(details_item)

        evaluation_error = d.pop("evaluation_error", UNSET)

        finding = cls(
            action=action,
            indicator=indicator,
            message=message,
            outcome=outcome,
            references=references,
            rule_id=rule_id,
            severity=severity,
            step_id=step_id,
            title=title,
            verified=verified,
            basis=basis,
            details=details,
            evaluation_error=evaluation_error,
        )

        finding.additional_properties = d
        return finding

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
