from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custody_not_transferred_reason_type_0 import CustodyNotTransferredReasonType0
from ..models.custody_sex_type_0 import CustodySexType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appropriate_adult import AppropriateAdult
    from ..models.bail_conditions import BailConditions
    from ..models.custody_interview import CustodyInterview


T = TypeVar("T", bound="Custody")


@_attrs_define
class Custody:
    """A detainee in custody: a child detainee, or a detained parent or carer.

    Attributes:
        apparent_age (int | None | Unset): The detainee's age or apparent age.
        appears_under_18 (bool | None | Unset): The detainee is or appears to be under 18.
        appropriate_adult (AppropriateAdult | None | Unset): The appropriate adult.
        bail (BailConditions | None | Unset): Bail in this case and whether its conditions protect children.
        bail_refused (bool | None | Unset): Bail was refused after charge.
        booked_in_at (datetime.datetime | None | Unset): When the detainee was booked in.
        caring_responsibilities_asked (bool | None | Unset): Booking-in asked about dependants and caring
            responsibilities.
        charged (bool | None | Unset): The detainee was charged.
        charged_at (datetime.datetime | None | Unset): When the detainee was charged.
        child_id (None | str | Unset): Id of the detainee in `children[]` when the detainee is a child of this
            checklist.
        dependants_care_arranged (bool | None | Unset): Care for the dependants is arranged.
        has_dependants (bool | None | Unset): The detainee cares for children.
        interviews (list[CustodyInterview] | None | Unset): Interviews in custody. `null` or absent: not recorded; `[]`:
            recorded as none (before schema version 3, absent means `[]`).
        la_accommodation_requested_at (datetime.datetime | None | Unset): When local authority accommodation was
            requested.
        not_transferred_reason (CustodyNotTransferredReasonType0 | None | Unset): Why no transfer (behaviour and offence
            nature are not impracticability).
        released_at (datetime.datetime | None | Unset): When the detainee left custody.
        s38_7_certificate (bool | None | Unset): The custody officer issued a PACE s38(7) certificate.
        separated_from_adults (bool | None | Unset): The child is kept from associating with adult detainees.
        sex (CustodySexType0 | None | Unset): The detainee's sex.
        transfer_done (bool | None | Unset): The child was moved to local authority accommodation.
        transferred_at (datetime.datetime | None | Unset): When the child was moved.
        treated_as_child (bool | None | Unset): The detainee is treated as a child.
        under_care_of_woman (bool | None | Unset): A girl is under the care of a woman.
        voluntary_interview_considered (bool | None | Unset): A voluntary interview was considered instead of arrest or
            detention.
        welfare_person_notified (bool | None | Unset): The person responsible for the child's welfare was told.
        welfare_person_notified_at (datetime.datetime | None | Unset): When the person responsible for the child's
            welfare was told.
    """

    apparent_age: int | None | Unset = UNSET
    appears_under_18: bool | None | Unset = UNSET
    appropriate_adult: AppropriateAdult | None | Unset = UNSET
    bail: BailConditions | None | Unset = UNSET
    bail_refused: bool | None | Unset = UNSET
    booked_in_at: datetime.datetime | None | Unset = UNSET
    caring_responsibilities_asked: bool | None | Unset = UNSET
    charged: bool | None | Unset = UNSET
    charged_at: datetime.datetime | None | Unset = UNSET
    child_id: None | str | Unset = UNSET
    dependants_care_arranged: bool | None | Unset = UNSET
    has_dependants: bool | None | Unset = UNSET
    interviews: list[CustodyInterview] | None | Unset = UNSET
    la_accommodation_requested_at: datetime.datetime | None | Unset = UNSET
    not_transferred_reason: CustodyNotTransferredReasonType0 | None | Unset = UNSET
    released_at: datetime.datetime | None | Unset = UNSET
    s38_7_certificate: bool | None | Unset = UNSET
    separated_from_adults: bool | None | Unset = UNSET
    sex: CustodySexType0 | None | Unset = UNSET
    transfer_done: bool | None | Unset = UNSET
    transferred_at: datetime.datetime | None | Unset = UNSET
    treated_as_child: bool | None | Unset = UNSET
    under_care_of_woman: bool | None | Unset = UNSET
    voluntary_interview_considered: bool | None | Unset = UNSET
    welfare_person_notified: bool | None | Unset = UNSET
    welfare_person_notified_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.appropriate_adult import AppropriateAdult  # noqa: PLC0415
        from ..models.bail_conditions import BailConditions  # noqa: PLC0415

        apparent_age: int | None | Unset
        if isinstance(self.apparent_age, Unset):
            apparent_age = UNSET
        else:
            apparent_age = self.apparent_age

        appears_under_18: bool | None | Unset
        if isinstance(self.appears_under_18, Unset):
            appears_under_18 = UNSET
        else:
            appears_under_18 = self.appears_under_18

        appropriate_adult: dict[str, Any] | None | Unset
        if isinstance(self.appropriate_adult, Unset):
            appropriate_adult = UNSET
        elif isinstance(self.appropriate_adult, AppropriateAdult):
            appropriate_adult = self.appropriate_adult.to_dict()
        else:
            appropriate_adult = self.appropriate_adult

        bail: dict[str, Any] | None | Unset
        if isinstance(self.bail, Unset):
            bail = UNSET
        elif isinstance(self.bail, BailConditions):
            bail = self.bail.to_dict()
        else:
            bail = self.bail

        bail_refused: bool | None | Unset
        if isinstance(self.bail_refused, Unset):
            bail_refused = UNSET
        else:
            bail_refused = self.bail_refused

        booked_in_at: None | str | Unset
        if isinstance(self.booked_in_at, Unset):
            booked_in_at = UNSET
        elif isinstance(self.booked_in_at, datetime.datetime):
            booked_in_at = self.booked_in_at.isoformat()
        else:
            booked_in_at = self.booked_in_at

        caring_responsibilities_asked: bool | None | Unset
        if isinstance(self.caring_responsibilities_asked, Unset):
            caring_responsibilities_asked = UNSET
        else:
            caring_responsibilities_asked = self.caring_responsibilities_asked

        charged: bool | None | Unset
        if isinstance(self.charged, Unset):
            charged = UNSET
        else:
            charged = self.charged

        charged_at: None | str | Unset
        if isinstance(self.charged_at, Unset):
            charged_at = UNSET
        elif isinstance(self.charged_at, datetime.datetime):
            charged_at = self.charged_at.isoformat()
        else:
            charged_at = self.charged_at

        child_id: None | str | Unset
        if isinstance(self.child_id, Unset):
            child_id = UNSET
        else:
            child_id = self.child_id

        dependants_care_arranged: bool | None | Unset
        if isinstance(self.dependants_care_arranged, Unset):
            dependants_care_arranged = UNSET
        else:
            dependants_care_arranged = self.dependants_care_arranged

        has_dependants: bool | None | Unset
        if isinstance(self.has_dependants, Unset):
            has_dependants = UNSET
        else:
            has_dependants = self.has_dependants

        interviews: list[dict[str, Any]] | None | Unset
        if isinstance(self.interviews, Unset):
            interviews = UNSET
        elif isinstance(self.interviews, list):
            interviews = []
            for interviews_type_0_item_data in self.interviews:
                interviews_type_0_item = interviews_type_0_item_data.to_dict()
                interviews.append(interviews_type_0_item)

        else:
            interviews = self.interviews

        la_accommodation_requested_at: None | str | Unset
        if isinstance(self.la_accommodation_requested_at, Unset):
            la_accommodation_requested_at = UNSET
        elif isinstance(self.la_accommodation_requested_at, datetime.datetime):
            la_accommodation_requested_at = self.la_accommodation_requested_at.isoformat()
        else:
            la_accommodation_requested_at = self.la_accommodation_requested_at

        not_transferred_reason: None | str | Unset
        if isinstance(self.not_transferred_reason, Unset):
            not_transferred_reason = UNSET
        elif isinstance(self.not_transferred_reason, CustodyNotTransferredReasonType0):
            not_transferred_reason = self.not_transferred_reason.value
        else:
            not_transferred_reason = self.not_transferred_reason

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        elif isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        s38_7_certificate: bool | None | Unset
        if isinstance(self.s38_7_certificate, Unset):
            s38_7_certificate = UNSET
        else:
            s38_7_certificate = self.s38_7_certificate

        separated_from_adults: bool | None | Unset
        if isinstance(self.separated_from_adults, Unset):
            separated_from_adults = UNSET
        else:
            separated_from_adults = self.separated_from_adults

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, CustodySexType0):
            sex = self.sex.value
        else:
            sex = self.sex

        transfer_done: bool | None | Unset
        if isinstance(self.transfer_done, Unset):
            transfer_done = UNSET
        else:
            transfer_done = self.transfer_done

        transferred_at: None | str | Unset
        if isinstance(self.transferred_at, Unset):
            transferred_at = UNSET
        elif isinstance(self.transferred_at, datetime.datetime):
            transferred_at = self.transferred_at.isoformat()
        else:
            transferred_at = self.transferred_at

        treated_as_child: bool | None | Unset
        if isinstance(self.treated_as_child, Unset):
            treated_as_child = UNSET
        else:
            treated_as_child = self.treated_as_child

        under_care_of_woman: bool | None | Unset
        if isinstance(self.under_care_of_woman, Unset):
            under_care_of_woman = UNSET
        else:
            under_care_of_woman = self.under_care_of_woman

        voluntary_interview_considered: bool | None | Unset
        if isinstance(self.voluntary_interview_considered, Unset):
            voluntary_interview_considered = UNSET
        else:
            voluntary_interview_considered = self.voluntary_interview_considered

        welfare_person_notified: bool | None | Unset
        if isinstance(self.welfare_person_notified, Unset):
            welfare_person_notified = UNSET
        else:
            welfare_person_notified = self.welfare_person_notified

        welfare_person_notified_at: None | str | Unset
        if isinstance(self.welfare_person_notified_at, Unset):
            welfare_person_notified_at = UNSET
        elif isinstance(self.welfare_person_notified_at, datetime.datetime):
            welfare_person_notified_at = self.welfare_person_notified_at.isoformat()
        else:
            welfare_person_notified_at = self.welfare_person_notified_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if apparent_age is not UNSET:
            field_dict["apparent_age"] = apparent_age
        if appears_under_18 is not UNSET:
            field_dict["appears_under_18"] = appears_under_18
        if appropriate_adult is not UNSET:
            field_dict["appropriate_adult"] = appropriate_adult
        if bail is not UNSET:
            field_dict["bail"] = bail
        if bail_refused is not UNSET:
            field_dict["bail_refused"] = bail_refused
        if booked_in_at is not UNSET:
            field_dict["booked_in_at"] = booked_in_at
        if caring_responsibilities_asked is not UNSET:
            field_dict["caring_responsibilities_asked"] = caring_responsibilities_asked
        if charged is not UNSET:
            field_dict["charged"] = charged
        if charged_at is not UNSET:
            field_dict["charged_at"] = charged_at
        if child_id is not UNSET:
            field_dict["child_id"] = child_id
        if dependants_care_arranged is not UNSET:
            field_dict["dependants_care_arranged"] = dependants_care_arranged
        if has_dependants is not UNSET:
            field_dict["has_dependants"] = has_dependants
        if interviews is not UNSET:
            field_dict["interviews"] = interviews
        if la_accommodation_requested_at is not UNSET:
            field_dict["la_accommodation_requested_at"] = la_accommodation_requested_at
        if not_transferred_reason is not UNSET:
            field_dict["not_transferred_reason"] = not_transferred_reason
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if s38_7_certificate is not UNSET:
            field_dict["s38_7_certificate"] = s38_7_certificate
        if separated_from_adults is not UNSET:
            field_dict["separated_from_adults"] = separated_from_adults
        if sex is not UNSET:
            field_dict["sex"] = sex
        if transfer_done is not UNSET:
            field_dict["transfer_done"] = transfer_done
        if transferred_at is not UNSET:
            field_dict["transferred_at"] = transferred_at
        if treated_as_child is not UNSET:
            field_dict["treated_as_child"] = treated_as_child
        if under_care_of_woman is not UNSET:
            field_dict["under_care_of_woman"] = under_care_of_woman
        if voluntary_interview_considered is not UNSET:
            field_dict["voluntary_interview_considered"] = voluntary_interview_considered
        if welfare_person_notified is not UNSET:
            field_dict["welfare_person_notified"] = welfare_person_notified
        if welfare_person_notified_at is not UNSET:
            field_dict["welfare_person_notified_at"] = welfare_person_notified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appropriate_adult import AppropriateAdult  # noqa: PLC0415
        from ..models.bail_conditions import BailConditions  # noqa: PLC0415
        from ..models.custody_interview import CustodyInterview  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_apparent_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        apparent_age = _parse_apparent_age(d.pop("apparent_age", UNSET))

        def _parse_appears_under_18(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        appears_under_18 = _parse_appears_under_18(d.pop("appears_under_18", UNSET))

        def _parse_appropriate_adult(data: object) -> AppropriateAdult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appropriate_adult_type_0 = AppropriateAdult.from_dict(data)

                return appropriate_adult_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppropriateAdult | None | Unset, data)

        appropriate_adult = _parse_appropriate_adult(d.pop("appropriate_adult", UNSET))

        def _parse_bail(data: object) -> BailConditions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bail_type_0 = BailConditions.from_dict(data)

                return bail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BailConditions | None | Unset, data)

        bail = _parse_bail(d.pop("bail", UNSET))

        def _parse_bail_refused(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        bail_refused = _parse_bail_refused(d.pop("bail_refused", UNSET))

        def _parse_booked_in_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booked_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return booked_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        booked_in_at = _parse_booked_in_at(d.pop("booked_in_at", UNSET))

        def _parse_caring_responsibilities_asked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caring_responsibilities_asked = _parse_caring_responsibilities_asked(
            d.pop("caring_responsibilities_asked", UNSET)
        )

        def _parse_charged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        charged = _parse_charged(d.pop("charged", UNSET))

        def _parse_charged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                charged_at_type_0 = datetime.datetime.fromisoformat(data)

                return charged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        charged_at = _parse_charged_at(d.pop("charged_at", UNSET))

        def _parse_child_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_id = _parse_child_id(d.pop("child_id", UNSET))

        def _parse_dependants_care_arranged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        dependants_care_arranged = _parse_dependants_care_arranged(d.pop("dependants_care_arranged", UNSET))

        def _parse_has_dependants(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_dependants = _parse_has_dependants(d.pop("has_dependants", UNSET))

        def _parse_interviews(data: object) -> list[CustodyInterview] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interviews_type_0 = []
                _interviews_type_0 = data
                for interviews_type_0_item_data in _interviews_type_0:
                    interviews_type_0_item = CustodyInterview.from_dict(interviews_type_0_item_data)

                    interviews_type_0.append(interviews_type_0_item)

                return interviews_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CustodyInterview] | None | Unset, data)

        interviews = _parse_interviews(d.pop("interviews", UNSET))

        def _parse_la_accommodation_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                la_accommodation_requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return la_accommodation_requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        la_accommodation_requested_at = _parse_la_accommodation_requested_at(
            d.pop("la_accommodation_requested_at", UNSET)
        )

        def _parse_not_transferred_reason(data: object) -> CustodyNotTransferredReasonType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_transferred_reason_type_0 = CustodyNotTransferredReasonType0(data)

                return not_transferred_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustodyNotTransferredReasonType0 | None | Unset, data)

        not_transferred_reason = _parse_not_transferred_reason(d.pop("not_transferred_reason", UNSET))

        def _parse_released_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))

        def _parse_s38_7_certificate(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        s38_7_certificate = _parse_s38_7_certificate(d.pop("s38_7_certificate", UNSET))

        def _parse_separated_from_adults(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        separated_from_adults = _parse_separated_from_adults(d.pop("separated_from_adults", UNSET))

        def _parse_sex(data: object) -> CustodySexType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = CustodySexType0(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustodySexType0 | None | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_transfer_done(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        transfer_done = _parse_transfer_done(d.pop("transfer_done", UNSET))

        def _parse_transferred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transferred_at_type_0 = datetime.datetime.fromisoformat(data)

                return transferred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        transferred_at = _parse_transferred_at(d.pop("transferred_at", UNSET))

        def _parse_treated_as_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        treated_as_child = _parse_treated_as_child(d.pop("treated_as_child", UNSET))

        def _parse_under_care_of_woman(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        under_care_of_woman = _parse_under_care_of_woman(d.pop("under_care_of_woman", UNSET))

        def _parse_voluntary_interview_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        voluntary_interview_considered = _parse_voluntary_interview_considered(
            d.pop("voluntary_interview_considered", UNSET)
        )

        def _parse_welfare_person_notified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        welfare_person_notified = _parse_welfare_person_notified(d.pop("welfare_person_notified", UNSET))

        def _parse_welfare_person_notified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                welfare_person_notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return welfare_person_notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        welfare_person_notified_at = _parse_welfare_person_notified_at(d.pop("welfare_person_notified_at", UNSET))

        custody = cls(
            apparent_age=apparent_age,
            appears_under_18=appears_under_18,
            appropriate_adult=appropriate_adult,
            bail=bail,
            bail_refused=bail_refused,
            booked_in_at=booked_in_at,
            caring_responsibilities_asked=caring_responsibilities_asked,
            charged=charged,
            charged_at=charged_at,
            child_id=child_id,
            dependants_care_arranged=dependants_care_arranged,
            has_dependants=has_dependants,
            interviews=interviews,
            la_accommodation_requested_at=la_accommodation_requested_at,
            not_transferred_reason=not_transferred_reason,
            released_at=released_at,
            s38_7_certificate=s38_7_certificate,
            separated_from_adults=separated_from_adults,
            sex=sex,
            transfer_done=transfer_done,
            transferred_at=transferred_at,
            treated_as_child=treated_as_child,
            under_care_of_woman=under_care_of_woman,
            voluntary_interview_considered=voluntary_interview_considered,
            welfare_person_notified=welfare_person_notified,
            welfare_person_notified_at=welfare_person_notified_at,
        )

        return custody
