from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.nca_referral_risk_level_type_0 import NcaReferralRiskLevelType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="NcaReferral")


@_attrs_define
class NcaReferral:
    """
    Attributes:
        actioned_at (datetime.datetime | None | Unset): When the force acted on it.
        received_at (datetime.datetime | None | Unset): When the force received it.
        risk_level (NcaReferralRiskLevelType0 | None | Unset): Risk level of the NCA referral.
    """

    actioned_at: datetime.datetime | None | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    risk_level: NcaReferralRiskLevelType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        actioned_at: None | str | Unset
        if isinstance(self.actioned_at, Unset):
            actioned_at = UNSET
        elif isinstance(self.actioned_at, datetime.datetime):
            actioned_at = self.actioned_at.isoformat()
        else:
            actioned_at = self.actioned_at

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        risk_level: None | str | Unset
        if isinstance(self.risk_level, Unset):
            risk_level = UNSET
        elif isinstance(self.risk_level, NcaReferralRiskLevelType0):
            risk_level = self.risk_level.value
        else:
            risk_level = self.risk_level

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if actioned_at is not UNSET:
            field_dict["actioned_at"] = actioned_at
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if risk_level is not UNSET:
            field_dict["risk_level"] = risk_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actioned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actioned_at_type_0 = datetime.datetime.fromisoformat(data)

                return actioned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        actioned_at = _parse_actioned_at(d.pop("actioned_at", UNSET))

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        def _parse_risk_level(data: object) -> NcaReferralRiskLevelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_level_type_0 = NcaReferralRiskLevelType0(data)

                return risk_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NcaReferralRiskLevelType0 | None | Unset, data)

        risk_level = _parse_risk_level(d.pop("risk_level", UNSET))

        nca_referral = cls(
            actioned_at=actioned_at,
            received_at=received_at,
            risk_level=risk_level,
        )

        return nca_referral
