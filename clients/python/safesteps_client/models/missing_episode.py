from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.missing_episode_exploitation_indicators_type_0_item import MissingEpisodeExploitationIndicatorsType0Item
from ..models.missing_episode_recorded_as_type_0 import MissingEpisodeRecordedAsType0
from ..models.missing_episode_risk_grade_type_0 import MissingEpisodeRiskGradeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cross_force import CrossForce
    from ..models.exploitation_intel import ExploitationIntel
    from ..models.intel_check import IntelCheck
    from ..models.location_enquiry import LocationEnquiry
    from ..models.missing_grade_change import MissingGradeChange
    from ..models.prevention_interview import PreventionInterview
    from ..models.return_interview import ReturnInterview
    from ..models.risk_information import RiskInformation


T = TypeVar("T", bound="MissingEpisode")


@_attrs_define
class MissingEpisode:
    """A missing-person report about a child, its risk reviews and the return.

    Attributes:
        believed_in_other_force (bool | None | Unset): The child is believed to be in another force's area.
        child_id (None | str | Unset): Id of the missing child in `children[]` (needed when several children are
            missing).
        closed_at (datetime.datetime | None | Unset): When the missing-person report was closed.
        cross_force (CrossForce | None | Unset): The receiving force's ownership.
        exploitation_considered (bool | None | Unset): Exploitation was explicitly considered in the risk assessment.
        exploitation_indicators (list[MissingEpisodeExploitationIndicatorsType0Item] | None | Unset): Exploitation
            indicators or markers present; [] means none found.
        exploitation_intel (ExploitationIntel | None | Unset): Exploitation disclosures and the action taken.
        found_with_adult (bool | None | Unset): The child was found with, or brought back by, an adult (not a parent or
            carer).
        grade_history (list[MissingGradeChange] | None | Unset): Every risk-grade change, oldest first. `null` or
            absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        intel_checks (list[IntelCheck] | None | Unset): Police-system checks made during the episode (on adults,
            vehicles, addresses). `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent
            means `[]`).
        la_notified (bool | None | Unset): The local authority was notified of the return.
        la_notified_at (datetime.datetime | None | Unset): When the local authority was notified so it can offer a
            return home interview.
        location_enquiries (list[LocationEnquiry] | None | Unset): Location enquiries (vehicle, phone, associates,
            addresses). `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        location_intel_actioned_at (datetime.datetime | None | Unset): When that intelligence was acted on.
        location_intel_received_at (datetime.datetime | None | Unset): When intelligence about where the child may be
            was received.
        looked_after_child (bool | None | Unset): The child is looked after (in care).
        older_adult_with_child (bool | None | Unset): The child was seen with, or is believed to be with, an older
            adult.
        panel_referral (bool | None | Unset): The child was referred to the missing or exploitation panel.
        prevention_interview (None | PreventionInterview | Unset): The prevention interview on return.
        recorded_as (MissingEpisodeRecordedAsType0 | None | Unset): How the episode is recorded (`not_recorded`: no
            report was created).
        repeat_missing (bool | None | Unset): The child has gone missing repeatedly (force definition).
        reported_at (datetime.datetime | None | Unset): When the report was taken.
        return_interview (None | ReturnInterview | Unset): The local authority's independent return home interview.
        returned_at (datetime.datetime | None | Unset): When the child was found or returned.
        risk_grade (MissingEpisodeRiskGradeType0 | None | Unset): The current risk grade.
        risk_information (list[RiskInformation] | None | Unset): Each item of risk information with its source and time.
            `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        seen_with_older_adult_or_vehicle (bool | None | Unset): The child was seen leaving with an older adult or
            getting into a vehicle.
        social_care_involved (bool | None | Unset): Children's social care was involved in the risk assessment.
        supervisor_review_at (datetime.datetime | None | Unset): Latest supervisor review.
        trigger_plan_exists (bool | None | Unset): A trigger plan exists or was created.
        trigger_plan_ref (None | str | Unset): Reference of the child's trigger plan.
        vehicle_with_child (bool | None | Unset): The child was seen getting into, or travelling in, a vehicle.
    """

    believed_in_other_force: bool | None | Unset = UNSET
    child_id: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    cross_force: CrossForce | None | Unset = UNSET
    exploitation_considered: bool | None | Unset = UNSET
    exploitation_indicators: list[MissingEpisodeExploitationIndicatorsType0Item] | None | Unset = UNSET
    exploitation_intel: ExploitationIntel | None | Unset = UNSET
    found_with_adult: bool | None | Unset = UNSET
    grade_history: list[MissingGradeChange] | None | Unset = UNSET
    intel_checks: list[IntelCheck] | None | Unset = UNSET
    la_notified: bool | None | Unset = UNSET
    la_notified_at: datetime.datetime | None | Unset = UNSET
    location_enquiries: list[LocationEnquiry] | None | Unset = UNSET
    location_intel_actioned_at: datetime.datetime | None | Unset = UNSET
    location_intel_received_at: datetime.datetime | None | Unset = UNSET
    looked_after_child: bool | None | Unset = UNSET
    older_adult_with_child: bool | None | Unset = UNSET
    panel_referral: bool | None | Unset = UNSET
    prevention_interview: None | PreventionInterview | Unset = UNSET
    recorded_as: MissingEpisodeRecordedAsType0 | None | Unset = UNSET
    repeat_missing: bool | None | Unset = UNSET
    reported_at: datetime.datetime | None | Unset = UNSET
    return_interview: None | ReturnInterview | Unset = UNSET
    returned_at: datetime.datetime | None | Unset = UNSET
    risk_grade: MissingEpisodeRiskGradeType0 | None | Unset = UNSET
    risk_information: list[RiskInformation] | None | Unset = UNSET
    seen_with_older_adult_or_vehicle: bool | None | Unset = UNSET
    social_care_involved: bool | None | Unset = UNSET
    supervisor_review_at: datetime.datetime | None | Unset = UNSET
    trigger_plan_exists: bool | None | Unset = UNSET
    trigger_plan_ref: None | str | Unset = UNSET
    vehicle_with_child: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.cross_force import CrossForce  # noqa: PLC0415
        from ..models.exploitation_intel import ExploitationIntel  # noqa: PLC0415
        from ..models.prevention_interview import PreventionInterview  # noqa: PLC0415
        from ..models.return_interview import ReturnInterview  # noqa: PLC0415

        believed_in_other_force: bool | None | Unset
        if isinstance(self.believed_in_other_force, Unset):
            believed_in_other_force = UNSET
        else:
            believed_in_other_force = self.believed_in_other_force

        child_id: None | str | Unset
        if isinstance(self.child_id, Unset):
            child_id = UNSET
        else:
            child_id = self.child_id

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        cross_force: dict[str, Any] | None | Unset
        if isinstance(self.cross_force, Unset):
            cross_force = UNSET
        elif isinstance(self.cross_force, CrossForce):
            cross_force = self.cross_force.to_dict()
        else:
            cross_force = self.cross_force

        exploitation_considered: bool | None | Unset
        if isinstance(self.exploitation_considered, Unset):
            exploitation_considered = UNSET
        else:
            exploitation_considered = self.exploitation_considered

        exploitation_indicators: list[str] | None | Unset
        if isinstance(self.exploitation_indicators, Unset):
            exploitation_indicators = UNSET
        elif isinstance(self.exploitation_indicators, list):
            exploitation_indicators = []
            for exploitation_indicators_type_0_item_data in self.exploitation_indicators:
                exploitation_indicators_type_0_item = exploitation_indicators_type_0_item_data.value
                exploitation_indicators.append(exploitation_indicators_type_0_item)

        else:
            exploitation_indicators = self.exploitation_indicators

        exploitation_intel: dict[str, Any] | None | Unset
        if isinstance(self.exploitation_intel, Unset):
            exploitation_intel = UNSET
        elif isinstance(self.exploitation_intel, ExploitationIntel):
            exploitation_intel = self.exploitation_intel.to_dict()
        else:
            exploitation_intel = self.exploitation_intel

        found_with_adult: bool | None | Unset
        if isinstance(self.found_with_adult, Unset):
            found_with_adult = UNSET
        else:
            found_with_adult = self.found_with_adult

        grade_history: list[dict[str, Any]] | None | Unset
        if isinstance(self.grade_history, Unset):
            grade_history = UNSET
        elif isinstance(self.grade_history, list):
            grade_history = []
            for grade_history_type_0_item_data in self.grade_history:
                grade_history_type_0_item = grade_history_type_0_item_data.to_dict()
                grade_history.append(grade_history_type_0_item)

        else:
            grade_history = self.grade_history

        intel_checks: list[dict[str, Any]] | None | Unset
        if isinstance(self.intel_checks, Unset):
            intel_checks = UNSET
        elif isinstance(self.intel_checks, list):
            intel_checks = []
            for intel_checks_type_0_item_data in self.intel_checks:
                intel_checks_type_0_item = intel_checks_type_0_item_data.to_dict()
                intel_checks.append(intel_checks_type_0_item)

        else:
            intel_checks = self.intel_checks

        la_notified: bool | None | Unset
        if isinstance(self.la_notified, Unset):
            la_notified = UNSET
        else:
            la_notified = self.la_notified

        la_notified_at: None | str | Unset
        if isinstance(self.la_notified_at, Unset):
            la_notified_at = UNSET
        elif isinstance(self.la_notified_at, datetime.datetime):
            la_notified_at = self.la_notified_at.isoformat()
        else:
            la_notified_at = self.la_notified_at

        location_enquiries: list[dict[str, Any]] | None | Unset
        if isinstance(self.location_enquiries, Unset):
            location_enquiries = UNSET
        elif isinstance(self.location_enquiries, list):
            location_enquiries = []
            for location_enquiries_type_0_item_data in self.location_enquiries:
                location_enquiries_type_0_item = location_enquiries_type_0_item_data.to_dict()
                location_enquiries.append(location_enquiries_type_0_item)

        else:
            location_enquiries = self.location_enquiries

        location_intel_actioned_at: None | str | Unset
        if isinstance(self.location_intel_actioned_at, Unset):
            location_intel_actioned_at = UNSET
        elif isinstance(self.location_intel_actioned_at, datetime.datetime):
            location_intel_actioned_at = self.location_intel_actioned_at.isoformat()
        else:
            location_intel_actioned_at = self.location_intel_actioned_at

        location_intel_received_at: None | str | Unset
        if isinstance(self.location_intel_received_at, Unset):
            location_intel_received_at = UNSET
        elif isinstance(self.location_intel_received_at, datetime.datetime):
            location_intel_received_at = self.location_intel_received_at.isoformat()
        else:
            location_intel_received_at = self.location_intel_received_at

        looked_after_child: bool | None | Unset
        if isinstance(self.looked_after_child, Unset):
            looked_after_child = UNSET
        else:
            looked_after_child = self.looked_after_child

        older_adult_with_child: bool | None | Unset
        if isinstance(self.older_adult_with_child, Unset):
            older_adult_with_child = UNSET
        else:
            older_adult_with_child = self.older_adult_with_child

        panel_referral: bool | None | Unset
        if isinstance(self.panel_referral, Unset):
            panel_referral = UNSET
        else:
            panel_referral = self.panel_referral

        prevention_interview: dict[str, Any] | None | Unset
        if isinstance(self.prevention_interview, Unset):
            prevention_interview = UNSET
        elif isinstance(self.prevention_interview, PreventionInterview):
            prevention_interview = self.prevention_interview.to_dict()
        else:
            prevention_interview = self.prevention_interview

        recorded_as: None | str | Unset
        if isinstance(self.recorded_as, Unset):
            recorded_as = UNSET
        elif isinstance(self.recorded_as, MissingEpisodeRecordedAsType0):
            recorded_as = self.recorded_as.value
        else:
            recorded_as = self.recorded_as

        repeat_missing: bool | None | Unset
        if isinstance(self.repeat_missing, Unset):
            repeat_missing = UNSET
        else:
            repeat_missing = self.repeat_missing

        reported_at: None | str | Unset
        if isinstance(self.reported_at, Unset):
            reported_at = UNSET
        elif isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        return_interview: dict[str, Any] | None | Unset
        if isinstance(self.return_interview, Unset):
            return_interview = UNSET
        elif isinstance(self.return_interview, ReturnInterview):
            return_interview = self.return_interview.to_dict()
        else:
            return_interview = self.return_interview

        returned_at: None | str | Unset
        if isinstance(self.returned_at, Unset):
            returned_at = UNSET
        elif isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        risk_grade: None | str | Unset
        if isinstance(self.risk_grade, Unset):
            risk_grade = UNSET
        elif isinstance(self.risk_grade, MissingEpisodeRiskGradeType0):
            risk_grade = self.risk_grade.value
        else:
            risk_grade = self.risk_grade

        risk_information: list[dict[str, Any]] | None | Unset
        if isinstance(self.risk_information, Unset):
            risk_information = UNSET
        elif isinstance(self.risk_information, list):
            risk_information = []
            for risk_information_type_0_item_data in self.risk_information:
                risk_information_type_0_item = risk_information_type_0_item_data.to_dict()
                risk_information.append(risk_information_type_0_item)

        else:
            risk_information = self.risk_information

        seen_with_older_adult_or_vehicle: bool | None | Unset
        if isinstance(self.seen_with_older_adult_or_vehicle, Unset):
            seen_with_older_adult_or_vehicle = UNSET
        else:
            seen_with_older_adult_or_vehicle = self.seen_with_older_adult_or_vehicle

        social_care_involved: bool | None | Unset
        if isinstance(self.social_care_involved, Unset):
            social_care_involved = UNSET
        else:
            social_care_involved = self.social_care_involved

        supervisor_review_at: None | str | Unset
        if isinstance(self.supervisor_review_at, Unset):
            supervisor_review_at = UNSET
        elif isinstance(self.supervisor_review_at, datetime.datetime):
            supervisor_review_at = self.supervisor_review_at.isoformat()
        else:
            supervisor_review_at = self.supervisor_review_at

        trigger_plan_exists: bool | None | Unset
        if isinstance(self.trigger_plan_exists, Unset):
            trigger_plan_exists = UNSET
        else:
            trigger_plan_exists = self.trigger_plan_exists

        trigger_plan_ref: None | str | Unset
        if isinstance(self.trigger_plan_ref, Unset):
            trigger_plan_ref = UNSET
        else:
            trigger_plan_ref = self.trigger_plan_ref

        vehicle_with_child: bool | None | Unset
        if isinstance(self.vehicle_with_child, Unset):
            vehicle_with_child = UNSET
        else:
            vehicle_with_child = self.vehicle_with_child

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if believed_in_other_force is not UNSET:
            field_dict["believed_in_other_force"] = believed_in_other_force
        if child_id is not UNSET:
            field_dict["child_id"] = child_id
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if cross_force is not UNSET:
            field_dict["cross_force"] = cross_force
        if exploitation_considered is not UNSET:
            field_dict["exploitation_considered"] = exploitation_considered
        if exploitation_indicators is not UNSET:
            field_dict["exploitation_indicators"] = exploitation_indicators
        if exploitation_intel is not UNSET:
            field_dict["exploitation_intel"] = exploitation_intel
        if found_with_adult is not UNSET:
            field_dict["found_with_adult"] = found_with_adult
        if grade_history is not UNSET:
            field_dict["grade_history"] = grade_history
        if intel_checks is not UNSET:
            field_dict["intel_checks"] = intel_checks
        if la_notified is not UNSET:
            field_dict["la_notified"] = la_notified
        if la_notified_at is not UNSET:
            field_dict["la_notified_at"] = la_notified_at
        if location_enquiries is not UNSET:
            field_dict["location_enquiries"] = location_enquiries
        if location_intel_actioned_at is not UNSET:
            field_dict["location_intel_actioned_at"] = location_intel_actioned_at
        if location_intel_received_at is not UNSET:
            field_dict["location_intel_received_at"] = location_intel_received_at
        if looked_after_child is not UNSET:
            field_dict["looked_after_child"] = looked_after_child
        if older_adult_with_child is not UNSET:
            field_dict["older_adult_with_child"] = older_adult_with_child
        if panel_referral is not UNSET:
            field_dict["panel_referral"] = panel_referral
        if prevention_interview is not UNSET:
            field_dict["prevention_interview"] = prevention_interview
        if recorded_as is not UNSET:
            field_dict["recorded_as"] = recorded_as
        if repeat_missing is not UNSET:
            field_dict["repeat_missing"] = repeat_missing
        if reported_at is not UNSET:
            field_dict["reported_at"] = reported_at
        if return_interview is not UNSET:
            field_dict["return_interview"] = return_interview
        if returned_at is not UNSET:
            field_dict["returned_at"] = returned_at
        if risk_grade is not UNSET:
            field_dict["risk_grade"] = risk_grade
        if risk_information is not UNSET:
            field_dict["risk_information"] = risk_information
        if seen_with_older_adult_or_vehicle is not UNSET:
            field_dict["seen_with_older_adult_or_vehicle"] = seen_with_older_adult_or_vehicle
        if social_care_involved is not UNSET:
            field_dict["social_care_involved"] = social_care_involved
        if supervisor_review_at is not UNSET:
            field_dict["supervisor_review_at"] = supervisor_review_at
        if trigger_plan_exists is not UNSET:
            field_dict["trigger_plan_exists"] = trigger_plan_exists
        if trigger_plan_ref is not UNSET:
            field_dict["trigger_plan_ref"] = trigger_plan_ref
        if vehicle_with_child is not UNSET:
            field_dict["vehicle_with_child"] = vehicle_with_child

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cross_force import CrossForce  # noqa: PLC0415
        from ..models.exploitation_intel import ExploitationIntel  # noqa: PLC0415
        from ..models.intel_check import IntelCheck  # noqa: PLC0415
        from ..models.location_enquiry import LocationEnquiry  # noqa: PLC0415
        from ..models.missing_grade_change import MissingGradeChange  # noqa: PLC0415
        from ..models.prevention_interview import PreventionInterview  # noqa: PLC0415
        from ..models.return_interview import ReturnInterview  # noqa: PLC0415
        from ..models.risk_information import RiskInformation  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_believed_in_other_force(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        believed_in_other_force = _parse_believed_in_other_force(d.pop("believed_in_other_force", UNSET))

        def _parse_child_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_id = _parse_child_id(d.pop("child_id", UNSET))

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

        def _parse_cross_force(data: object) -> CrossForce | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cross_force_type_0 = CrossForce.from_dict(data)

                return cross_force_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CrossForce | None | Unset, data)

        cross_force = _parse_cross_force(d.pop("cross_force", UNSET))

        def _parse_exploitation_considered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exploitation_considered = _parse_exploitation_considered(d.pop("exploitation_considered", UNSET))

        def _parse_exploitation_indicators(
            data: object,
        ) -> list[MissingEpisodeExploitationIndicatorsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                exploitation_indicators_type_0 = []
                _exploitation_indicators_type_0 = data
                for exploitation_indicators_type_0_item_data in _exploitation_indicators_type_0:
                    exploitation_indicators_type_0_item = MissingEpisodeExploitationIndicatorsType0Item(
                        exploitation_indicators_type_0_item_data
                    )

                    exploitation_indicators_type_0.append(exploitation_indicators_type_0_item)

                return exploitation_indicators_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MissingEpisodeExploitationIndicatorsType0Item] | None | Unset, data)

        exploitation_indicators = _parse_exploitation_indicators(d.pop("exploitation_indicators", UNSET))

        def _parse_exploitation_intel(data: object) -> ExploitationIntel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exploitation_intel_type_0 = ExploitationIntel.from_dict(data)

                return exploitation_intel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExploitationIntel | None | Unset, data)

        exploitation_intel = _parse_exploitation_intel(d.pop("exploitation_intel", UNSET))

        def _parse_found_with_adult(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        found_with_adult = _parse_found_with_adult(d.pop("found_with_adult", UNSET))

        def _parse_grade_history(data: object) -> list[MissingGradeChange] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grade_history_type_0 = []
                _grade_history_type_0 = data
                for grade_history_type_0_item_data in _grade_history_type_0:
                    grade_history_type_0_item = MissingGradeChange.from_dict(grade_history_type_0_item_data)

                    grade_history_type_0.append(grade_history_type_0_item)

                return grade_history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MissingGradeChange] | None | Unset, data)

        grade_history = _parse_grade_history(d.pop("grade_history", UNSET))

        def _parse_intel_checks(data: object) -> list[IntelCheck] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                intel_checks_type_0 = []
                _intel_checks_type_0 = data
                for intel_checks_type_0_item_data in _intel_checks_type_0:
                    intel_checks_type_0_item = IntelCheck.from_dict(intel_checks_type_0_item_data)

                    intel_checks_type_0.append(intel_checks_type_0_item)

                return intel_checks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IntelCheck] | None | Unset, data)

        intel_checks = _parse_intel_checks(d.pop("intel_checks", UNSET))

        def _parse_la_notified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        la_notified = _parse_la_notified(d.pop("la_notified", UNSET))

        def _parse_la_notified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                la_notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return la_notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        la_notified_at = _parse_la_notified_at(d.pop("la_notified_at", UNSET))

        def _parse_location_enquiries(data: object) -> list[LocationEnquiry] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                location_enquiries_type_0 = []
                _location_enquiries_type_0 = data
                for location_enquiries_type_0_item_data in _location_enquiries_type_0:
                    location_enquiries_type_0_item = LocationEnquiry.from_dict(location_enquiries_type_0_item_data)

                    location_enquiries_type_0.append(location_enquiries_type_0_item)

                return location_enquiries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LocationEnquiry] | None | Unset, data)

        location_enquiries = _parse_location_enquiries(d.pop("location_enquiries", UNSET))

        def _parse_location_intel_actioned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_intel_actioned_at_type_0 = datetime.datetime.fromisoformat(data)

                return location_intel_actioned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        location_intel_actioned_at = _parse_location_intel_actioned_at(d.pop("location_intel_actioned_at", UNSET))

        def _parse_location_intel_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_intel_received_at_type_0 = datetime.datetime.fromisoformat(data)

                return location_intel_received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        location_intel_received_at = _parse_location_intel_received_at(d.pop("location_intel_received_at", UNSET))

        def _parse_looked_after_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        looked_after_child = _parse_looked_after_child(d.pop("looked_after_child", UNSET))

        def _parse_older_adult_with_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        older_adult_with_child = _parse_older_adult_with_child(d.pop("older_adult_with_child", UNSET))

        def _parse_panel_referral(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        panel_referral = _parse_panel_referral(d.pop("panel_referral", UNSET))

        def _parse_prevention_interview(data: object) -> None | PreventionInterview | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prevention_interview_type_0 = PreventionInterview.from_dict(data)

                return prevention_interview_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreventionInterview | Unset, data)

        prevention_interview = _parse_prevention_interview(d.pop("prevention_interview", UNSET))

        def _parse_recorded_as(data: object) -> MissingEpisodeRecordedAsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_as_type_0 = MissingEpisodeRecordedAsType0(data)

                return recorded_as_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissingEpisodeRecordedAsType0 | None | Unset, data)

        recorded_as = _parse_recorded_as(d.pop("recorded_as", UNSET))

        def _parse_repeat_missing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        repeat_missing = _parse_repeat_missing(d.pop("repeat_missing", UNSET))

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

        def _parse_return_interview(data: object) -> None | ReturnInterview | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return_interview_type_0 = ReturnInterview.from_dict(data)

                return return_interview_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReturnInterview | Unset, data)

        return_interview = _parse_return_interview(d.pop("return_interview", UNSET))

        def _parse_returned_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)

                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        returned_at = _parse_returned_at(d.pop("returned_at", UNSET))

        def _parse_risk_grade(data: object) -> MissingEpisodeRiskGradeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_grade_type_0 = MissingEpisodeRiskGradeType0(data)

                return risk_grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissingEpisodeRiskGradeType0 | None | Unset, data)

        risk_grade = _parse_risk_grade(d.pop("risk_grade", UNSET))

        def _parse_risk_information(data: object) -> list[RiskInformation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                risk_information_type_0 = []
                _risk_information_type_0 = data
                for risk_information_type_0_item_data in _risk_information_type_0:
                    risk_information_type_0_item = RiskInformation.from_dict(risk_information_type_0_item_data)

                    risk_information_type_0.append(risk_information_type_0_item)

                return risk_information_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RiskInformation] | None | Unset, data)

        risk_information = _parse_risk_information(d.pop("risk_information", UNSET))

        def _parse_seen_with_older_adult_or_vehicle(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        seen_with_older_adult_or_vehicle = _parse_seen_with_older_adult_or_vehicle(
            d.pop("seen_with_older_adult_or_vehicle", UNSET)
        )

        def _parse_social_care_involved(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        social_care_involved = _parse_social_care_involved(d.pop("social_care_involved", UNSET))

        def _parse_supervisor_review_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervisor_review_at_type_0 = datetime.datetime.fromisoformat(data)

                return supervisor_review_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        supervisor_review_at = _parse_supervisor_review_at(d.pop("supervisor_review_at", UNSET))

        def _parse_trigger_plan_exists(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        trigger_plan_exists = _parse_trigger_plan_exists(d.pop("trigger_plan_exists", UNSET))

        def _parse_trigger_plan_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trigger_plan_ref = _parse_trigger_plan_ref(d.pop("trigger_plan_ref", UNSET))

        def _parse_vehicle_with_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        vehicle_with_child = _parse_vehicle_with_child(d.pop("vehicle_with_child", UNSET))

        missing_episode = cls(
            believed_in_other_force=believed_in_other_force,
            child_id=child_id,
            closed_at=closed_at,
            cross_force=cross_force,
            exploitation_considered=exploitation_considered,
            exploitation_indicators=exploitation_indicators,
            exploitation_intel=exploitation_intel,
            found_with_adult=found_with_adult,
            grade_history=grade_history,
            intel_checks=intel_checks,
            la_notified=la_notified,
            la_notified_at=la_notified_at,
            location_enquiries=location_enquiries,
            location_intel_actioned_at=location_intel_actioned_at,
            location_intel_received_at=location_intel_received_at,
            looked_after_child=looked_after_child,
            older_adult_with_child=older_adult_with_child,
            panel_referral=panel_referral,
            prevention_interview=prevention_interview,
            recorded_as=recorded_as,
            repeat_missing=repeat_missing,
            reported_at=reported_at,
            return_interview=return_interview,
            returned_at=returned_at,
            risk_grade=risk_grade,
            risk_information=risk_information,
            seen_with_older_adult_or_vehicle=seen_with_older_adult_or_vehicle,
            social_care_involved=social_care_involved,
            supervisor_review_at=supervisor_review_at,
            trigger_plan_exists=trigger_plan_exists,
            trigger_plan_ref=trigger_plan_ref,
            vehicle_with_child=vehicle_with_child,
        )

        return missing_episode
