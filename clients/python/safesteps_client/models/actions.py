from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decisions import Decisions
    from ..models.encompass import Encompass
    from ..models.linked_children import LinkedChildren
    from ..models.police_protection import PoliceProtection
    from ..models.referral import Referral
    from ..models.strategy_discussion import StrategyDiscussion
    from ..models.supervision import Supervision


T = TypeVar("T", bound="Actions")


@_attrs_define
class Actions:
    """
    Attributes:
        decisions (Decisions | None | Unset): Decisions taken and their rationale.
        encompass (Encompass | None | Unset): Operation Encompass notice to the school.
        linked_children (LinkedChildren | None | Unset): Children beyond the household whom the suspect can reach.
        police_protection (None | PoliceProtection | Unset): Children Act 1989 s46 police protection.
        referral (None | Referral | Unset): Referral to children's social care.
        strategy_discussion (None | StrategyDiscussion | Unset): Children Act 1989 s47 strategy discussion.
        supervision (None | Supervision | Unset): Supervisory review.
    """

    decisions: Decisions | None | Unset = UNSET
    encompass: Encompass | None | Unset = UNSET
    linked_children: LinkedChildren | None | Unset = UNSET
    police_protection: None | PoliceProtection | Unset = UNSET
    referral: None | Referral | Unset = UNSET
    strategy_discussion: None | StrategyDiscussion | Unset = UNSET
    supervision: None | Supervision | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.decisions import Decisions  # noqa: PLC0415
        from ..models.encompass import Encompass  # noqa: PLC0415
        from ..models.linked_children import LinkedChildren  # noqa: PLC0415
        from ..models.police_protection import PoliceProtection  # noqa: PLC0415
        from ..models.referral import Referral  # noqa: PLC0415
        from ..models.strategy_discussion import StrategyDiscussion  # noqa: PLC0415
        from ..models.supervision import Supervision  # noqa: PLC0415

        decisions: dict[str, Any] | None | Unset
        if isinstance(self.decisions, Unset):
            decisions = UNSET
        elif isinstance(self.decisions, Decisions):
            decisions = self.decisions.to_dict()
        else:
            decisions = self.decisions

        encompass: dict[str, Any] | None | Unset
        if isinstance(self.encompass, Unset):
            encompass = UNSET
        elif isinstance(self.encompass, Encompass):
            encompass = self.encompass.to_dict()
        else:
            encompass = self.encompass

        linked_children: dict[str, Any] | None | Unset
        if isinstance(self.linked_children, Unset):
            linked_children = UNSET
        elif isinstance(self.linked_children, LinkedChildren):
            linked_children = self.linked_children.to_dict()
        else:
            linked_children = self.linked_children

        police_protection: dict[str, Any] | None | Unset
        if isinstance(self.police_protection, Unset):
            police_protection = UNSET
        elif isinstance(self.police_protection, PoliceProtection):
            police_protection = self.police_protection.to_dict()
        else:
            police_protection = self.police_protection

        referral: dict[str, Any] | None | Unset
        if isinstance(self.referral, Unset):
            referral = UNSET
        elif isinstance(self.referral, Referral):
            referral = self.referral.to_dict()
        else:
            referral = self.referral

        strategy_discussion: dict[str, Any] | None | Unset
        if isinstance(self.strategy_discussion, Unset):
            strategy_discussion = UNSET
        elif isinstance(self.strategy_discussion, StrategyDiscussion):
            strategy_discussion = self.strategy_discussion.to_dict()
        else:
            strategy_discussion = self.strategy_discussion

        supervision: dict[str, Any] | None | Unset
        if isinstance(self.supervision, Unset):
            supervision = UNSET
        elif isinstance(self.supervision, Supervision):
            supervision = self.supervision.to_dict()
        else:
            supervision = self.supervision

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if encompass is not UNSET:
            field_dict["encompass"] = encompass
        if linked_children is not UNSET:
            field_dict["linked_children"] = linked_children
        if police_protection is not UNSET:
            field_dict["police_protection"] = police_protection
        if referral is not UNSET:
            field_dict["referral"] = referral
        if strategy_discussion is not UNSET:
            field_dict["strategy_discussion"] = strategy_discussion
        if supervision is not UNSET:
            field_dict["supervision"] = supervision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decisions import Decisions  # noqa: PLC0415
        from ..models.encompass import Encompass  # noqa: PLC0415
        from ..models.linked_children import LinkedChildren  # noqa: PLC0415
        from ..models.police_protection import PoliceProtection  # noqa: PLC0415
        from ..models.referral import Referral  # noqa: PLC0415
        from ..models.strategy_discussion import StrategyDiscussion  # noqa: PLC0415
        from ..models.supervision import Supervision  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_decisions(data: object) -> Decisions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                decisions_type_0 = Decisions.from_dict(data)

                return decisions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decisions | None | Unset, data)

        decisions = _parse_decisions(d.pop("decisions", UNSET))

        def _parse_encompass(data: object) -> Encompass | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                encompass_type_0 = Encompass.from_dict(data)

                return encompass_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Encompass | None | Unset, data)

        encompass = _parse_encompass(d.pop("encompass", UNSET))

        def _parse_linked_children(data: object) -> LinkedChildren | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                linked_children_type_0 = LinkedChildren.from_dict(data)

                return linked_children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkedChildren | None | Unset, data)

        linked_children = _parse_linked_children(d.pop("linked_children", UNSET))

        def _parse_police_protection(data: object) -> None | PoliceProtection | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                police_protection_type_0 = PoliceProtection.from_dict(data)

                return police_protection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoliceProtection | Unset, data)

        police_protection = _parse_police_protection(d.pop("police_protection", UNSET))

        def _parse_referral(data: object) -> None | Referral | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referral_type_0 = Referral.from_dict(data)

                return referral_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Referral | Unset, data)

        referral = _parse_referral(d.pop("referral", UNSET))

        def _parse_strategy_discussion(data: object) -> None | StrategyDiscussion | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                strategy_discussion_type_0 = StrategyDiscussion.from_dict(data)

                return strategy_discussion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StrategyDiscussion | Unset, data)

        strategy_discussion = _parse_strategy_discussion(d.pop("strategy_discussion", UNSET))

        def _parse_supervision(data: object) -> None | Supervision | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                supervision_type_0 = Supervision.from_dict(data)

                return supervision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Supervision | Unset, data)

        supervision = _parse_supervision(d.pop("supervision", UNSET))

        actions = cls(
            decisions=decisions,
            encompass=encompass,
            linked_children=linked_children,
            police_protection=police_protection,
            referral=referral,
            strategy_discussion=strategy_discussion,
            supervision=supervision,
        )

        return actions
