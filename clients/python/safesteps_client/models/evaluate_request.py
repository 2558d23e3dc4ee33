from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist import Checklist
    from ..models.ruleset_selector import RulesetSelector


T = TypeVar("T", bound="EvaluateRequest")


@_attrs_define
class EvaluateRequest:
    """
    Attributes:
        checklist (Checklist): A checklist as submitted by a control-room system or an MDT, full or partial.
        as_of (datetime.datetime | None | Unset): Time for timing rules; default: the latest time recorded in the
            checklist.
        hook (None | str | Unset): Workflow moment (see `GET /v1/hooks`); null evaluates every rule.
        ruleset (RulesetSelector | Unset):
    """

    checklist: Checklist
    as_of: datetime.datetime | None | Unset = UNSET
    hook: None | str | Unset = UNSET
    ruleset: RulesetSelector | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checklist = self.checklist.to_dict()

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        hook: None | str | Unset
        if isinstance(self.hook, Unset):
            hook = UNSET
        else:
            hook = self.hook

        ruleset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ruleset, Unset):
            ruleset = self.ruleset.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checklist": checklist,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if hook is not UNSET:
            field_dict["hook"] = hook
        if ruleset is not UNSET:
            field_dict["ruleset"] = ruleset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist import Checklist  # noqa: PLC0415
        from ..models.ruleset_selector import RulesetSelector  # noqa: PLC0415

        d = dict(src_dict)
        checklist = Checklist.from_dict(d.pop("checklist"))

        def _parse_as_of(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_hook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hook = _parse_hook(d.pop("hook", UNSET))

        _ruleset = d.pop("ruleset", UNSET)
        ruleset: RulesetSelector | Unset
        if isinstance(_ruleset, Unset):
            ruleset = UNSET
        else:
            ruleset = RulesetSelector.from_dict(_ruleset)

        evaluate_request = cls(
            checklist=checklist,
            as_of=as_of,
            hook=hook,
            ruleset=ruleset,
        )

        return evaluate_request
