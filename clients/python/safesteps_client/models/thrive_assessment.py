from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThriveAssessment")


@_attrs_define
class ThriveAssessment:
    """
    Attributes:
        child_vulnerability_considered (bool | None | Unset): The child's vulnerability is stated explicitly in the
            grading.
        engagement (None | str | Unset): THRIVE: engagement with those involved.
        harm (None | str | Unset): THRIVE: the harm that could result.
        investigation (None | str | Unset): THRIVE: the investigation opportunities.
        risk (None | str | Unset): THRIVE: the risk assessed.
        threat (None | str | Unset): THRIVE: the threat identified.
        vulnerability (None | str | Unset): THRIVE: the vulnerability of those involved.
    """

    child_vulnerability_considered: bool | None | Unset = UNSET
    engagement: None | str | Unset = UNSET
    harm: None | str | Unset = UNSET
    investigation: None | str | Unset = UNSET
    risk: None | str | Unset = UNSET
    threat: None | str | Unset = UNSET
    vulnerability: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        child_vulnerability_considered: bool | None | Unset
        if isinstance(self.child_vulnerability_considered, Unset):
            child_vulnerability_considered = UNSET
        else:
            child_vulnerability_considered = self.child_vulnerability_considered

        engagement: None | str | Unset
        if isinstance(self.engagement, Unset):
            engagement = UNSET
        else:
            engagement = self.engagement

        harm: None | str | Unset
        if isinstance(self.harm, Unset):
            harm = UNSET
        else:
            harm = self.harm

        investigation: None | str | Unset
        if isinstance(self.investigation, Unset):
            investigation = UNSET
        else:
            investigation = self.investigation

        risk: None | str | Unset
        if isinstance(self.risk, Unset):
            risk = UNSET
        else:
            risk = self.risk

        threat: None | str | Unset
        if isinstance(self.threat, Unset):
            threat = UNSET
        else:
            threat = self.threat

        vulnerability: None | str | Unset
        if isinstance(self.vulnerability, Unset):
            vulnerability = UNSET
        else:
            vulnerability = self.vulnerability

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if child_vulnerability_considered is not UNSET:
            field_dict["child_vulnerability_considered"] = child_vulnerability_considered
        if engagement is not UNSET:
            field_dict["engagement"] = engagement
        if harm is not UNSET:
            field_dict["harm"] = harm
        if investigation is not UNSET:
            field_dict["investigation"] = investigation
        if risk is not UNSET:
            field_dict["risk"] = risk
        if threat is not UNSET:
            field_dict["threat"] = threat
        if vulnerability is not UNSET:
            field_dict["vulnerability"] = vulnerability

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_child_vulnerability_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        child_vulnerability_considered = _parse_child_vulnerability_considered(
            d.pop("child_vulnerability_considered", UNSET)
        )

        def _parse_engagement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        engagement = _parse_engagement(d.pop("engagement", UNSET))

        def _parse_harm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        harm = _parse_harm(d.pop("harm", UNSET))

        def _parse_investigation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        investigation = _parse_investigation(d.pop("investigation", UNSET))

        def _parse_risk(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        risk = _parse_risk(d.pop("risk", UNSET))

        def _parse_threat(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        threat = _parse_threat(d.pop("threat", UNSET))

        def _parse_vulnerability(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vulnerability = _parse_vulnerability(d.pop("vulnerability", UNSET))

        thrive_assessment = cls(
            child_vulnerability_considered=child_vulnerability_considered,
            engagement=engagement,
            harm=harm,
            investigation=investigation,
            risk=risk,
            threat=threat,
            vulnerability=vulnerability,
        )

        return thrive_assessment
