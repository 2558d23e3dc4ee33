from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.image_abuse_outcome_type_0 import ImageAbuseOutcomeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggravating_factors import AggravatingFactors
    from ..models.nca_referral import NcaReferral


T = TypeVar("T", bound="ImageAbuse")


@_attrs_define
class ImageAbuse:
    """A child's sexual images shared or coerced.

    Attributes:
        aggravating_factors (AggravatingFactors | None | Unset): The aggravating-factor checklist.
        closed_at (datetime.datetime | None | Unset): When the image-abuse report was closed.
        coerced (bool | None | Unset): The images were coerced or obtained by grooming.
        distributed (bool | None | Unset): The images were distributed beyond the person they were first sent to.
        nca_referral (NcaReferral | None | Unset): A referral from the NCA.
        other_victims_sought (bool | None | Unset): Enquiries sought other victims.
        outcome (ImageAbuseOutcomeType0 | None | Unset): The investigation outcome.
        owner_assigned_at (datetime.datetime | None | Unset): When a named investigation owner was allocated.
        owner_id (None | str | Unset): Collar number of the investigation owner.
        reported_at (datetime.datetime | None | Unset): When the report was made.
        suspect_child_id (None | str | Unset): Id of a child suspect in `children[]`.
        suspect_identified (bool | None | Unset): A suspect is identified.
        suspect_is_child (bool | None | Unset): The suspect is a child.
        suspect_risk_assessed (bool | None | Unset): The continuing risk from the suspect was assessed.
        victim_csc_referred (bool | None | Unset): The victim was referred to children's social care.
        victim_school_informed (bool | None | Unset): The victim's school was informed (designated safeguarding lead).
        youth_produced (bool | None | Unset): Youth-produced imagery (children only).
    """

    aggravating_factors: AggravatingFactors | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    coerced: bool | None | Unset = UNSET
    distributed: bool | None | Unset = UNSET
    nca_referral: NcaReferral | None | Unset = UNSET
    other_victims_sought: bool | None | Unset = UNSET
    outcome: ImageAbuseOutcomeType0 | None | Unset = UNSET
    owner_assigned_at: datetime.datetime | None | Unset = UNSET
    owner_id: None | str | Unset = UNSET
    reported_at: datetime.datetime | None | Unset = UNSET
    suspect_child_id: None | str | Unset = UNSET
    suspect_identified: bool | None | Unset = UNSET
    suspect_is_child: bool | None | Unset = UNSET
    suspect_risk_assessed: bool | None | Unset = UNSET
    victim_csc_referred: bool | None | Unset = UNSET
    victim_school_informed: bool | None | Unset = UNSET
    youth_produced: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.aggravating_factors import AggravatingFactors  # noqa: PLC0415
        from ..models.nca_referral import NcaReferral  # noqa: PLC0415

        aggravating_factors: dict[str, Any] | None | Unset
        if isinstance(self.aggravating_factors, Unset):
            aggravating_factors = UNSET
        elif isinstance(self.aggravating_factors, AggravatingFactors):
            aggravating_factors = self.aggravating_factors.to_dict()
        else:
            aggravating_factors = self.aggravating_factors

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        coerced: bool | None | Unset
        if isinstance(self.coerced, Unset):
            coerced = UNSET
        else:
            coerced = self.coerced

        distributed: bool | None | Unset
        if isinstance(self.distributed, Unset):
            distributed = UNSET
        else:
            distributed = self.distributed

        nca_referral: dict[str, Any] | None | Unset
        if isinstance(self.nca_referral, Unset):
            nca_referral = UNSET
        elif isinstance(self.nca_referral, NcaReferral):
            nca_referral = self.nca_referral.to_dict()
        else:
            nca_referral = self.nca_referral

        other_victims_sought: bool | None | Unset
        if isinstance(self.other_victims_sought, Unset):
            other_victims_sought = UNSET
        else:
            other_victims_sought = self.other_victims_sought

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, ImageAbuseOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        owner_assigned_at: None | str | Unset
        if isinstance(self.owner_assigned_at, Unset):
            owner_assigned_at = UNSET
        elif isinstance(self.owner_assigned_at, datetime.datetime):
            owner_assigned_at = self.owner_assigned_at.isoformat()
        else:
            owner_assigned_at = self.owner_assigned_at

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        reported_at: None | str | Unset
        if isinstance(self.reported_at, Unset):
            reported_at = UNSET
        elif isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        suspect_child_id: None | str | Unset
        if isinstance(self.suspect_child_id, Unset):
            suspect_child_id = UNSET
        else:
            suspect_child_id = self.suspect_child_id

        suspect_identified: bool | None | Unset
        if isinstance(self.suspect_identified, Unset):
            suspect_identified = UNSET
        else:
            suspect_identified = self.suspect_identified

        suspect_is_child: bool | None | Unset
        if isinstance(self.suspect_is_child, Unset):
            suspect_is_child = UNSET
        else:
            suspect_is_child = self.suspect_is_child

        suspect_risk_assessed: bool | None | Unset
        if isinstance(self.suspect_risk_assessed, Unset):
            suspect_risk_assessed = UNSET
        else:
            suspect_risk_assessed = self.suspect_risk_assessed

        victim_csc_referred: bool | None | Unset
        if isinstance(self.victim_csc_referred, Unset):
            victim_csc_referred = UNSET
        else:
            victim_csc_referred = self.victim_csc_referred

        victim_school_informed: bool | None | Unset
        if isinstance(self.victim_school_informed, Unset):
            victim_school_informed = UNSET
        else:
            victim_school_informed = self.victim_school_informed

        youth_produced: bool | None | Unset
        if isinstance(self.youth_produced, Unset):
            youth_produced = UNSET
        else:
            youth_produced = self.youth_produced

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aggravating_factors is not UNSET:
            field_dict["aggravating_factors"] = aggravating_factors
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if coerced is not UNSET:
            field_dict["coerced"] = coerced
        if distributed is not UNSET:
            field_dict["distributed"] = distributed
        if nca_referral is not UNSET:
            field_dict["nca_referral"] = nca_referral
        if other_victims_sought is not UNSET:
            field_dict["other_victims_sought"] = other_victims_sought
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if owner_assigned_at is not UNSET:
            field_dict["owner_assigned_at"] = owner_assigned_at
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if reported_at is not UNSET:
            field_dict["reported_at"] = reported_at
        if suspect_child_id is not UNSET:
            field_dict["suspect_child_id"] = suspect_child_id
        if suspect_identified is not UNSET:
            field_dict["suspect_identified"] = suspect_identified
        if suspect_is_child is not UNSET:
            field_dict["suspect_is_child"] = suspect_is_child
        if suspect_risk_assessed is not UNSET:
            field_dict["suspect_risk_assessed"] = suspect_risk_assessed
        if victim_csc_referred is not UNSET:
            field_dict["victim_csc_referred"] = victim_csc_referred
        if victim_school_informed is not UNSET:
            field_dict["victim_school_informed"] = victim_school_informed
        if youth_produced is not UNSET:
            field_dict["youth_produced"] = youth_produced

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggravating_factors import AggravatingFactors  # noqa: PLC0415
        from ..models.nca_referral import NcaReferral  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_aggravating_factors(data: object) -> AggravatingFactors | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aggravating_factors_type_0 = AggravatingFactors.from_dict(data)

                return aggravating_factors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AggravatingFactors | None | Unset, data)

        aggravating_factors = _parse_aggravating_factors(d.pop("aggravating_factors", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_coerced(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        coerced = _parse_coerced(d.pop("coerced", UNSET))

        def _parse_distributed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        distributed = _parse_distributed(d.pop("distributed", UNSET))

        def _parse_nca_referral(data: object) -> NcaReferral | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nca_referral_type_0 = NcaReferral.from_dict(data)

                return nca_referral_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NcaReferral | None | Unset, data)

        nca_referral = _parse_nca_referral(d.pop("nca_referral", UNSET))

        def _parse_other_victims_sought(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        other_victims_sought = _parse_other_victims_sought(d.pop("other_victims_sought", UNSET))

        def _parse_outcome(data: object) -> ImageAbuseOutcomeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ImageAbuseOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageAbuseOutcomeType0 | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_owner_assigned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_assigned_at_type_0 = datetime.datetime.fromisoformat(data)

                return owner_assigned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        owner_assigned_at = _parse_owner_assigned_at(d.pop("owner_assigned_at", UNSET))

        def _parse_owner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))

        def _parse_reported_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reported_at = _parse_reported_at(d.pop("reported_at", UNSET))

        def _parse_suspect_child_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suspect_child_id = _parse_suspect_child_id(d.pop("suspect_child_id", UNSET))

        def _parse_suspect_identified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        suspect_identified = _parse_suspect_identified(d.pop("suspect_identified", UNSET))

        def _parse_suspect_is_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        suspect_is_child = _parse_suspect_is_child(d.pop("suspect_is_child", UNSET))

        def _parse_suspect_risk_assessed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        suspect_risk_assessed = _parse_suspect_risk_assessed(d.pop("suspect_risk_assessed", UNSET))

        def _parse_victim_csc_referred(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        victim_csc_referred = _parse_victim_csc_referred(d.pop("victim_csc_referred", UNSET))

        def _parse_victim_school_informed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        victim_school_informed = _parse_victim_school_informed(d.pop("victim_school_informed", UNSET))

        def _parse_youth_produced(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        youth_produced = _parse_youth_produced(d.pop("youth_produced", UNSET))

        image_abuse = cls(
            aggravating_factors=aggravating_factors,
            closed_at=closed_at,
            coerced=coerced,
            distributed=distributed,
            nca_referral=nca_referral,
            other_victims_sought=other_victims_sought,
            outcome=outcome,
            owner_assigned_at=owner_assigned_at,
            owner_id=owner_id,
            reported_at=reported_at,
            suspect_child_id=suspect_child_id,
            suspect_identified=suspect_identified,
            suspect_is_child=suspect_is_child,
            suspect_risk_assessed=suspect_risk_assessed,
            victim_csc_referred=victim_csc_referred,
            victim_school_informed=victim_school_informed,
            youth_produced=youth_produced,
        )

        return image_abuse
