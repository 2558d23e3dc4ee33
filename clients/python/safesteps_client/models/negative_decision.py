from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NegativeDecision")


@_attrs_define
class NegativeDecision:
    """A recorded decision *not* to do something the policy expects, with its reasons and oversight.

    Attributes:
        at (datetime.datetime | None | Unset): When the decision was taken.
        rationale (None | str | Unset): Why: the facts and the risk assessment the decision rests on.
        supervisor_agreed (bool | None | Unset): A supervisor agreed the decision.
        supervisor_id (None | str | Unset): Collar or staff number of the supervisor.
        taken (bool | None | Unset): The decision was taken (true), or was considered and not taken (false).
    """

    at: datetime.datetime | None | Unset = UNSET
    rationale: None | str | Unset = UNSET
    supervisor_agreed: bool | None | Unset = UNSET
    supervisor_id: None | str | Unset = UNSET
    taken: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        supervisor_agreed: bool | None | Unset
        if isinstance(self.supervisor_agreed, Unset):
            supervisor_agreed = UNSET
        else:
            supervisor_agreed = self.supervisor_agreed

        supervisor_id: None | str | Unset
        if isinstance(self.supervisor_id, Unset):
            supervisor_id = UNSET
        else:
            supervisor_id = self.supervisor_id

        taken: bool | None | Unset
        if isinstance(self.taken, Unset):
            taken = UNSET
        else:
            taken = self.taken

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if supervisor_agreed is not UNSET:
            field_dict["supervisor_agreed"] = supervisor_agreed
        if supervisor_id is not UNSET:
            field_dict["supervisor_id"] = supervisor_id
        if taken is not UNSET:
            field_dict["taken"] = taken

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

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_supervisor_agreed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        supervisor_agreed = _parse_supervisor_agreed(d.pop("supervisor_agreed", UNSET))

        def _parse_supervisor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id", UNSET))

        def _parse_taken(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        taken = _parse_taken(d.pop("taken", UNSET))

        negative_decision = cls(
            at=at,
            rationale=rationale,
            supervisor_agreed=supervisor_agreed,
            supervisor_id=supervisor_id,
            taken=taken,
        )

        return negative_decision
