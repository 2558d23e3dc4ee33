from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.call_handling_children_present_type_0 import CallHandlingChildrenPresentType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intel_check import IntelCheck
    from ..models.partner_request import PartnerRequest
    from ..models.thrive_assessment import ThriveAssessment


T = TypeVar("T", bound="CallHandling")


@_attrs_define
class CallHandling:
    """What the control room recorded at call intake, grading and regrading.

    Attributes:
        briefing_passed_to_units (bool | None | Unset): Results were passed to attending units.
        caller_is_child (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        caller_kept_on_line (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        children_asked_about (bool | None | Unset): The call-taker asked whether children are present or live there.
        children_asked_at (datetime.datetime | None | Unset): When the call-taker asked about children.
        children_count (int | None | Unset): How many children the caller said are present or live there.
        children_present (CallHandlingChildrenPresentType0 | None | Unset): The caller's answer about children present
            or normally resident.
        children_safe_asked (bool | None | Unset): The caller was asked whether they are safe.
        delay_mitigation (None | str | Unset): Rationale and mitigation for any delay because of officer-safety concern.
        deployed (bool | None | Unset): A unit was deployed to the call.
        deployment_delayed (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        description_circulated (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        escalated (bool | None | Unset): The unresourced call was escalated to a supervisor or inspector (false: it was
            not).
        escalated_at (datetime.datetime | None | Unset): Escalation to a supervisor or inspector.
        essential_questions_only (bool | None | Unset): A child caller was asked only what is essential to deploy.
        intel_checks (list[IntelCheck] | None | Unset): Police-system research on the address, children and adults.
        officer_safety_concern (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        partner_request (None | PartnerRequest | Unset): A partner agency's request for a safe-and-well check.
        resourced_at (datetime.datetime | None | Unset): When a unit was first assigned to the call.
        risk_reassessed_after_delay (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        safety_advice_given (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
        suspect_left (bool | None | Unset): The suspect has left the scene.
        target_minutes (int | None | Unset): The current grade's target time to resource the call, in minutes (force
            policy).
        thrive (None | ThriveAssessment | Unset): The THRIVE risk assessment recorded at grading.
        unresourced_past_target (bool | None | Unset): The call stayed unresourced past its grade's target time.
    """

    briefing_passed_to_units: bool | None | Unset = UNSET
    caller_is_child: bool | None | Unset = UNSET
    caller_kept_on_line: bool | None | Unset = UNSET
    children_asked_about: bool | None | Unset = UNSET
    children_asked_at: datetime.datetime | None | Unset = UNSET
    children_count: int | None | Unset = UNSET
    children_present: CallHandlingChildrenPresentType0 | None | Unset = UNSET
    children_safe_asked: bool | None | Unset = UNSET
    delay_mitigation: None | str | Unset = UNSET
    deployed: bool | None | Unset = UNSET
    deployment_delayed: bool | None | Unset = UNSET
    description_circulated: bool | None | Unset = UNSET
    escalated: bool | None | Unset = UNSET
    escalated_at: datetime.datetime | None | Unset = UNSET
    essential_questions_only: bool | None | Unset = UNSET
    intel_checks: list[IntelCheck] | None | Unset = UNSET
    officer_safety_concern: bool | None | Unset = UNSET
    partner_request: None | PartnerRequest | Unset = UNSET
    resourced_at: datetime.datetime | None | Unset = UNSET
    risk_reassessed_after_delay: bool | None | Unset = UNSET
    safety_advice_given: bool | None | Unset = UNSET
    suspect_left: bool | None | Unset = UNSET
    target_minutes: int | None | Unset = UNSET
    thrive: None | ThriveAssessment | Unset = UNSET
    unresourced_past_target: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_request import PartnerRequest  # noqa: PLC0415
        from ..models.thrive_assessment import ThriveAssessment  # noqa: PLC0415

        briefing_passed_to_units: bool | None | Unset
        if isinstance(self.briefing_passed_to_units, Unset):
            briefing_passed_to_units = UNSET
        else:
            briefing_passed_to_units = self.briefing_passed_to_units

        caller_is_child: bool | None | Unset
        if isinstance(self.caller_is_child, Unset):
            caller_is_child = UNSET
        else:
            caller_is_child = self.caller_is_child

        caller_kept_on_line: bool | None | Unset
        if isinstance(self.caller_kept_on_line, Unset):
            caller_kept_on_line = UNSET
        else:
            caller_kept_on_line = self.caller_kept_on_line

        children_asked_about: bool | None | Unset
        if isinstance(self.children_asked_about, Unset):
            children_asked_about = UNSET
        else:
            children_asked_about = self.children_asked_about

        children_asked_at: None | str | Unset
        if isinstance(self.children_asked_at, Unset):
            children_asked_at = UNSET
        elif isinstance(self.children_asked_at, datetime.datetime):
            children_asked_at = self.children_asked_at.isoformat()
        else:
            children_asked_at = self.children_asked_at

        children_count: int | None | Unset
        if isinstance(self.children_count, Unset):
            children_count = UNSET
        else:
            children_count = self.children_count

        children_present: None | str | Unset
        if isinstance(self.children_present, Unset):
            children_present = UNSET
        elif isinstance(self.children_present, CallHandlingChildrenPresentType0):
            children_present = self.children_present.value
        else:
            children_present = self.children_present

        children_safe_asked: bool | None | Unset
        if isinstance(self.children_safe_asked, Unset):
            children_safe_asked = UNSET
        else:
            children_safe_asked = self.children_safe_asked

        delay_mitigation: None | str | Unset
        if isinstance(self.delay_mitigation, Unset):
            delay_mitigation = UNSET
        else:
            delay_mitigation = self.delay_mitigation

        deployed: bool | None | Unset
        if isinstance(self.deployed, Unset):
            deployed = UNSET
        else:
            deployed = self.deployed

        deployment_delayed: bool | None | Unset
        if isinstance(self.deployment_delayed, Unset):
            deployment_delayed = UNSET
        else:
            deployment_delayed = self.deployment_delayed

        description_circulated: bool | None | Unset
        if isinstance(self.description_circulated, Unset):
            description_circulated = UNSET
        else:
            description_circulated = self.description_circulated

        escalated: bool | None | Unset
        if isinstance(self.escalated, Unset):
            escalated = UNSET
        else:
            escalated = self.escalated

        escalated_at: None | str | Unset
        if isinstance(self.escalated_at, Unset):
            escalated_at = UNSET
        elif isinstance(self.escalated_at, datetime.datetime):
            escalated_at = self.escalated_at.isoformat()
        else:
            escalated_at = self.escalated_at

        essential_questions_only: bool | None | Unset
        if isinstance(self.essential_questions_only, Unset):
            essential_questions_only = UNSET
        else:
            essential_questions_only = self.essential_questions_only

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

        officer_safety_concern: bool | None | Unset
        if isinstance(self.officer_safety_concern, Unset):
            officer_safety_concern = UNSET
        else:
            officer_safety_concern = self.officer_safety_concern

        partner_request: dict[str, Any] | None | Unset
        if isinstance(self.partner_request, Unset):
            partner_request = UNSET
        elif isinstance(self.partner_request, PartnerRequest):
            partner_request = self.partner_request.to_dict()
        else:
            partner_request = self.partner_request

        resourced_at: None | str | Unset
        if isinstance(self.resourced_at, Unset):
            resourced_at = UNSET
        elif isinstance(self.resourced_at, datetime.datetime):
            resourced_at = self.resourced_at.isoformat()
        else:
            resourced_at = self.resourced_at

        risk_reassessed_after_delay: bool | None | Unset
        if isinstance(self.risk_reassessed_after_delay, Unset):
            risk_reassessed_after_delay = UNSET
        else:
            risk_reassessed_after_delay = self.risk_reassessed_after_delay

        safety_advice_given: bool | None | Unset
        if isinstance(self.safety_advice_given, Unset):
            safety_advice_given = UNSET
        else:
            safety_advice_given = self.safety_advice_given

        suspect_left: bool | None | Unset
        if isinstance(self.suspect_left, Unset):
            suspect_left = UNSET
        else:
            suspect_left = self.suspect_left

        target_minutes: int | None | Unset
        if isinstance(self.target_minutes, Unset):
            target_minutes = UNSET
        else:
            target_minutes = self.target_minutes

        thrive: dict[str, Any] | None | Unset
        if isinstance(self.thrive, Unset):
            thrive = UNSET
        elif isinstance(self.thrive, ThriveAssessment):
            thrive = self.thrive.to_dict()
        else:
            thrive = self.thrive

        unresourced_past_target: bool | None | Unset
        if isinstance(self.unresourced_past_target, Unset):
            unresourced_past_target = UNSET
        else:
            unresourced_past_target = self.unresourced_past_target

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if briefing_passed_to_units is not UNSET:
            field_dict["briefing_passed_to_units"] = briefing_passed_to_units
        if caller_is_child is not UNSET:
            field_dict["caller_is_child"] = caller_is_child
        if caller_kept_on_line is not UNSET:
            field_dict["caller_kept_on_line"] = caller_kept_on_line
        if children_asked_about is not UNSET:
            field_dict["children_asked_about"] = children_asked_about
        if children_asked_at is not UNSET:
            field_dict["children_asked_at"] = children_asked_at
        if children_count is not UNSET:
            field_dict["children_count"] = children_count
        if children_present is not UNSET:
            field_dict["children_present"] = children_present
        if children_safe_asked is not UNSET:
            field_dict["children_safe_asked"] = children_safe_asked
        if delay_mitigation is not UNSET:
            field_dict["delay_mitigation"] = delay_mitigation
        if deployed is not UNSET:
            field_dict["deployed"] = deployed
        if deployment_delayed is not UNSET:
            field_dict["deployment_delayed"] = deployment_delayed
        if description_circulated is not UNSET:
            field_dict["description_circulated"] = description_circulated
        if escalated is not UNSET:
            field_dict["escalated"] = escalated
        if escalated_at is not UNSET:
            field_dict["escalated_at"] = escalated_at
        if essential_questions_only is not UNSET:
            field_dict["essential_questions_only"] = essential_questions_only
        if intel_checks is not UNSET:
            field_dict["intel_checks"] = intel_checks
        if officer_safety_concern is not UNSET:
            field_dict["officer_safety_concern"] = officer_safety_concern
        if partner_request is not UNSET:
            field_dict["partner_request"] = partner_request
        if resourced_at is not UNSET:
            field_dict["resourced_at"] = resourced_at
        if risk_reassessed_after_delay is not UNSET:
            field_dict["risk_reassessed_after_delay"] = risk_reassessed_after_delay
        if safety_advice_given is not UNSET:
            field_dict["safety_advice_given"] = safety_advice_given
        if suspect_left is not UNSET:
            field_dict["suspect_left"] = suspect_left
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes
        if thrive is not UNSET:
            field_dict["thrive"] = thrive
        if unresourced_past_target is not UNSET:
            field_dict["unresourced_past_target"] = unresourced_past_target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.intel_check import IntelCheck  # noqa: PLC0415
        from ..models.partner_request import PartnerRequest  # noqa: PLC0415
        from ..models.thrive_assessment import ThriveAssessment  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_briefing_passed_to_units(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        briefing_passed_to_units = _parse_briefing_passed_to_units(d.pop("briefing_passed_to_units", UNSET))

        def _parse_caller_is_child(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caller_is_child = _parse_caller_is_child(d.pop("caller_is_child", UNSET))

        def _parse_caller_kept_on_line(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caller_kept_on_line = _parse_caller_kept_on_line(d.pop("caller_kept_on_line", UNSET))

        def _parse_children_asked_about(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_asked_about = _parse_children_asked_about(d.pop("children_asked_about", UNSET))

        def _parse_children_asked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                children_asked_at_type_0 = datetime.datetime.fromisoformat(data)

                return children_asked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        children_asked_at = _parse_children_asked_at(d.pop("children_asked_at", UNSET))

        def _parse_children_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        children_count = _parse_children_count(d.pop("children_count", UNSET))

        def _parse_children_present(data: object) -> CallHandlingChildrenPresentType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                children_present_type_0 = CallHandlingChildrenPresentType0(data)

                return children_present_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallHandlingChildrenPresentType0 | None | Unset, data)

        children_present = _parse_children_present(d.pop("children_present", UNSET))

        def _parse_children_safe_asked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_safe_asked = _parse_children_safe_asked(d.pop("children_safe_asked", UNSET))

        def _parse_delay_mitigation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delay_mitigation = _parse_delay_mitigation(d.pop("delay_mitigation", UNSET))

        def _parse_deployed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deployed = _parse_deployed(d.pop("deployed", UNSET))

        def _parse_deployment_delayed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deployment_delayed = _parse_deployment_delayed(d.pop("deployment_delayed", UNSET))

        def _parse_description_circulated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        description_circulated = _parse_description_circulated(d.pop("description_circulated", UNSET))

        def _parse_escalated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        escalated = _parse_escalated(d.pop("escalated", UNSET))

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

        def _parse_essential_questions_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        essential_questions_only = _parse_essential_questions_only(d.pop("essential_questions_only", UNSET))

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

        def _parse_officer_safety_concern(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        officer_safety_concern = _parse_officer_safety_concern(d.pop("officer_safety_concern", UNSET))

        def _parse_partner_request(data: object) -> None | PartnerRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                partner_request_type_0 = PartnerRequest.from_dict(data)

                return partner_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerRequest | Unset, data)

        partner_request = _parse_partner_request(d.pop("partner_request", UNSET))

        def _parse_resourced_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resourced_at_type_0 = datetime.datetime.fromisoformat(data)

                return resourced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resourced_at = _parse_resourced_at(d.pop("resourced_at", UNSET))

        def _parse_risk_reassessed_after_delay(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        risk_reassessed_after_delay = _parse_risk_reassessed_after_delay(d.pop("risk_reassessed_after_delay", UNSET))

        def _parse_safety_advice_given(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        safety_advice_given = _parse_safety_advice_given(d.pop("safety_advice_given", UNSET))

        def _parse_suspect_left(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        suspect_left = _parse_suspect_left(d.pop("suspect_left", UNSET))

        def _parse_target_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes", UNSET))

        def _parse_thrive(data: object) -> None | ThriveAssessment | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thrive_type_0 = ThriveAssessment.from_dict(data)

                return thrive_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ThriveAssessment | Unset, data)

        thrive = _parse_thrive(d.pop("thrive", UNSET))

        def _parse_unresourced_past_target(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        unresourced_past_target = _parse_unresourced_past_target(d.pop("unresourced_past_target", UNSET))

        call_handling = cls(
            briefing_passed_to_units=briefing_passed_to_units,
            caller_is_child=caller_is_child,
            caller_kept_on_line=caller_kept_on_line,
            children_asked_about=children_asked_about,
            children_asked_at=children_asked_at,
            children_count=children_count,
            children_present=children_present,
            children_safe_asked=children_safe_asked,
            delay_mitigation=delay_mitigation,
            deployed=deployed,
            deployment_delayed=deployment_delayed,
            description_circulated=description_circulated,
            escalated=escalated,
            escalated_at=escalated_at,
            essential_questions_only=essential_questions_only,
            intel_checks=intel_checks,
            officer_safety_concern=officer_safety_concern,
            partner_request=partner_request,
            resourced_at=resourced_at,
            risk_reassessed_after_delay=risk_reassessed_after_delay,
            safety_advice_given=safety_advice_given,
            suspect_left=suspect_left,
            target_minutes=target_minutes,
            thrive=thrive,
            unresourced_past_target=unresourced_past_target,
        )

        return call_handling
