from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_method_type_0 import ReferralMethodType0
from ..models.referral_outcome_type_0 import ReferralOutcomeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="Referral")


@_attrs_define
class Referral:
    """
    Attributes:
        at (datetime.datetime | None | Unset): When the referral was made.
        csc_decision_at (datetime.datetime | None | Unset): When children's social care acknowledged the referral and
            decided next steps.
        escalated_at (datetime.datetime | None | Unset): When police chased or escalated a referral not acknowledged in
            time.
        family_assurance_relied_on (bool | None | Unset): Police relied on a family member's assurance (that the child
            is safe, or that the concern was already shared) instead of referring or checking themselves.
        made (bool | None | Unset): Referral or notification made to children's social care.
        method (None | ReferralMethodType0 | Unset): How the referral was made.
        other_agency_involved (bool | None | Unset): Another agency is already involved (a referral is still required).
        outcome (None | ReferralOutcomeType0 | Unset): What children's social care decided on the referral, once known.
        recipient (None | str | Unset): Who received the referral (team or role, not a name).
        reference (None | str | Unset): Children's social care reference number.
    """

    at: datetime.datetime | None | Unset = UNSET
    csc_decision_at: datetime.datetime | None | Unset = UNSET
    escalated_at: datetime.datetime | None | Unset = UNSET
    family_assurance_relied_on: bool | None | Unset = UNSET
    made: bool | None | Unset = UNSET
    method: None | ReferralMethodType0 | Unset = UNSET
    other_agency_involved: bool | None | Unset = UNSET
    outcome: None | ReferralOutcomeType0 | Unset = UNSET
    recipient: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        csc_decision_at: None | str | Unset
        if isinstance(self.csc_decision_at, Unset):
            csc_decision_at = UNSET
        elif isinstance(self.csc_decision_at, datetime.datetime):
            csc_decision_at = self.csc_decision_at.isoformat()
        else:
            csc_decision_at = self.csc_decision_at

        escalated_at: None | str | Unset
        if isinstance(self.escalated_at, Unset):
            escalated_at = UNSET
        elif isinstance(self.escalated_at, datetime.datetime):
            escalated_at = self.escalated_at.isoformat()
        else:
            escalated_at = self.escalated_at

        family_assurance_relied_on: bool | None | Unset
        if isinstance(self.family_assurance_relied_on, Unset):
            family_assurance_relied_on = UNSET
        else:
            family_assurance_relied_on = self.family_assurance_relied_on

        made: bool | None | Unset
        if isinstance(self.made, Unset):
            made = UNSET
        else:
            made = self.made

        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, ReferralMethodType0):
            method = self.method.value
        else:
            method = self.method

        other_agency_involved: bool | None | Unset
        if isinstance(self.other_agency_involved, Unset):
            other_agency_involved = UNSET
        else:
            other_agency_involved = self.other_agency_involved

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, ReferralOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        recipient: None | str | Unset
        if isinstance(self.recipient, Unset):
            recipient = UNSET
        else:
            recipient = self.recipient

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if csc_decision_at is not UNSET:
            field_dict["csc_decision_at"] = csc_decision_at
        if escalated_at is not UNSET:
            field_dict["escalated_at"] = escalated_at
        if family_assurance_relied_on is not UNSET:
            field_dict["family_assurance_relied_on"] = family_assurance_relied_on
        if made is not UNSET:
            field_dict["made"] = made
        if method is not UNSET:
            field_dict["method"] = method
        if other_agency_involved is not UNSET:
            field_dict["other_agency_involved"] = other_agency_involved
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        def _parse_csc_decision_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                csc_decision_at_type_0 = datetime.datetime.fromisoformat(data)

                return csc_decision_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        csc_decision_at = _parse_csc_decision_at(d.pop("csc_decision_at", UNSET))

        def _parse_escalated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_at_type_0 = datetime.datetime.fromisoformat(data)

                return escalated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        escalated_at = _parse_escalated_at(d.pop("escalated_at", UNSET))

        def _parse_family_assurance_relied_on(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        family_assurance_relied_on = _parse_family_assurance_relied_on(d.pop("family_assurance_relied_on", UNSET))

        def _parse_made(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        made = _parse_made(d.pop("made", UNSET))

        def _parse_method(data: object) -> None | ReferralMethodType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = ReferralMethodType0(data)

                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralMethodType0 | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

        def _parse_other_agency_involved(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        other_agency_involved = _parse_other_agency_involved(d.pop("other_agency_involved", UNSET))

        def _parse_outcome(data: object) -> None | ReferralOutcomeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ReferralOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralOutcomeType0 | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_recipient(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient = _parse_recipient(d.pop("recipient", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        referral = cls(
            at=at,
            csc_decision_at=csc_decision_at,
            escalated_at=escalated_at,
            family_assurance_relied_on=family_assurance_relied_on,
            made=made,
            method=method,
            other_agency_involved=other_agency_involved,
            outcome=outcome,
            recipient=recipient,
            reference=reference,
        )

        return referral
