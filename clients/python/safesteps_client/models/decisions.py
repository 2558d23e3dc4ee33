from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Decisions")


@_attrs_define
class Decisions:
    """
    Attributes:
        no_removal_decision (bool | None | Unset): A decision was taken not to remove a child.
        rationale (None | str | Unset): Decisions taken and the reasons for them.
        supervisor_agreed_no_removal (bool | None | Unset): true = yes/done, false = no/not done, null = not recorded
    """

    no_removal_decision: bool | None | Unset = UNSET
    rationale: None | str | Unset = UNSET
    supervisor_agreed_no_removal: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        no_removal_decision: bool | None | Unset
        if isinstance(self.no_removal_decision, Unset):
            no_removal_decision = UNSET
        else:
            no_removal_decision = self.no_removal_decision

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        supervisor_agreed_no_removal: bool | None | Unset
        if isinstance(self.supervisor_agreed_no_removal, Unset):
            supervisor_agreed_no_removal = UNSET
        else:
            supervisor_agreed_no_removal = self.supervisor_agreed_no_removal

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if no_removal_decision is not UNSET:
            field_dict["no_removal_decision"] = no_removal_decision
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if supervisor_agreed_no_removal is not UNSET:
            field_dict["supervisor_agreed_no_removal"] = supervisor_agreed_no_removal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_no_removal_decision(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        no_removal_decision = _parse_no_removal_decision(d.pop("no_removal_decision", UNSET))

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_supervisor_agreed_no_removal(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_agreed_no_removal = _parse_supervisor_agreed_no_removal(d.pop("supervisor_agreed_no_removal", UNSET))

        decisions = cls(
            no_removal_decision=no_removal_decision,
            rationale=rationale,
            supervisor_agreed_no_removal=supervisor_agreed_no_removal,
        )

        return decisions
