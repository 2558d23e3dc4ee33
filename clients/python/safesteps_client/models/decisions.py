from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.negative_decision import NegativeDecision
    from ..models.reliance_on_agency import RelianceOnAgency


T = TypeVar("T", bound="Decisions")


@_attrs_define
class Decisions:
    """
    Attributes:
        no_removal_decision (bool | None | Unset): A decision was taken not to remove a child.
        not_to_attend (NegativeDecision | None | Unset): A decision not to deploy officers to see the child.
        not_to_refer (NegativeDecision | None | Unset): A decision not to refer to children's social care.
        rationale (None | str | Unset): Decisions taken and the reasons for them.
        rely_on_other_agency (None | RelianceOnAgency | Unset): A decision to rely on another agency's visit to check
            the children.
        supervisor_agreed_no_removal (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    no_removal_decision: bool | None | Unset = UNSET
    not_to_attend: NegativeDecision | None | Unset = UNSET
    not_to_refer: NegativeDecision | None | Unset = UNSET
    rationale: None | str | Unset = UNSET
    rely_on_other_agency: None | RelianceOnAgency | Unset = UNSET
    supervisor_agreed_no_removal: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.negative_decision import NegativeDecision  # noqa: PLC0415
        from ..models.reliance_on_agency import RelianceOnAgency  # noqa: PLC0415

        no_removal_decision: bool | None | Unset
        if isinstance(self.no_removal_decision, Unset):
            no_removal_decision = UNSET
        else:
            no_removal_decision = self.no_removal_decision

        not_to_attend: dict[str, Any] | None | Unset
        if isinstance(self.not_to_attend, Unset):
            not_to_attend = UNSET
        elif isinstance(self.not_to_attend, NegativeDecision):
            not_to_attend = self.not_to_attend.to_dict()
        else:
            not_to_attend = self.not_to_attend

        not_to_refer: dict[str, Any] | None | Unset
        if isinstance(self.not_to_refer, Unset):
            not_to_refer = UNSET
        elif isinstance(self.not_to_refer, NegativeDecision):
            not_to_refer = self.not_to_refer.to_dict()
        else:
            not_to_refer = self.not_to_refer

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        rely_on_other_agency: dict[str, Any] | None | Unset
        if isinstance(self.rely_on_other_agency, Unset):
            rely_on_other_agency = UNSET
        elif isinstance(self.rely_on_other_agency, RelianceOnAgency):
            rely_on_other_agency = self.rely_on_other_agency.to_dict()
        else:
            rely_on_other_agency = self.rely_on_other_agency

        supervisor_agreed_no_removal: bool | None | Unset
        if isinstance(self.supervisor_agreed_no_removal, Unset):
            supervisor_agreed_no_removal = UNSET
        else:
            supervisor_agreed_no_removal = self.supervisor_agreed_no_removal

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if no_removal_decision is not UNSET:
            field_dict["no_removal_decision"] = no_removal_decision
        if not_to_attend is not UNSET:
            field_dict["not_to_attend"] = not_to_attend
        if not_to_refer is not UNSET:
            field_dict["not_to_refer"] = not_to_refer
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if rely_on_other_agency is not UNSET:
            field_dict["rely_on_other_agency"] = rely_on_other_agency
        if supervisor_agreed_no_removal is not UNSET:
            field_dict["supervisor_agreed_no_removal"] = supervisor_agreed_no_removal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.negative_decision import NegativeDecision  # noqa: PLC0415
        from ..models.reliance_on_agency import RelianceOnAgency  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_no_removal_decision(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        no_removal_decision = _parse_no_removal_decision(d.pop("no_removal_decision", UNSET))

        def _parse_not_to_attend(data: object) -> NegativeDecision | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_to_attend_type_0 = NegativeDecision.from_dict(data)

                return not_to_attend_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegativeDecision | None | Unset, data)

        not_to_attend = _parse_not_to_attend(d.pop("not_to_attend", UNSET))

        def _parse_not_to_refer(data: object) -> NegativeDecision | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                not_to_refer_type_0 = NegativeDecision.from_dict(data)

                return not_to_refer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegativeDecision | None | Unset, data)

        not_to_refer = _parse_not_to_refer(d.pop("not_to_refer", UNSET))

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_rely_on_other_agency(data: object) -> None | RelianceOnAgency | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rely_on_other_agency_type_0 = RelianceOnAgency.from_dict(data)

                return rely_on_other_agency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelianceOnAgency | Unset, data)

        rely_on_other_agency = _parse_rely_on_other_agency(d.pop("rely_on_other_agency", UNSET))

        def _parse_supervisor_agreed_no_removal(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_agreed_no_removal = _parse_supervisor_agreed_no_removal(d.pop("supervisor_agreed_no_removal", UNSET))

        decisions = cls(
            no_removal_decision=no_removal_decision,
            not_to_attend=not_to_attend,
            not_to_refer=not_to_refer,
            rationale=rationale,
            rely_on_other_agency=rely_on_other_agency,
            supervisor_agreed_no_removal=supervisor_agreed_no_removal,
        )

        return decisions
