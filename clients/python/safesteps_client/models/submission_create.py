from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist import Checklist
    from ..models.device_decision import DeviceDecision
    from ..models.ruleset_selector import RulesetSelector


T = TypeVar("T", bound="SubmissionCreate")


@_attrs_define
class SubmissionCreate:
    """A checklist for one incident, full or partial, as an MDT or a control room sends it.

    Attributes:
        checklist (Checklist): A checklist as submitted by a control-room system or an MDT, full or partial.
        device_time (datetime.datetime): The sending device's own clock when the checklist was saved (orders offline
            queues).
        as_of (datetime.datetime | None | Unset): Time for timing rules; default: the latest time recorded in the
            checklist.
        base_revision (int | None | Unset): Optimistic concurrency: the revision this checklist was based on (0: the
            incident must not exist yet). A newer revision on the server refuses the write with 412. The `If-Match` header
            does the same for single submissions.
        device_decision (DeviceDecision | None | Unset): The decision the device computed offline (signed rule bundle)
            before it could send this: compared with the server's, which stays the evaluation of record.
        hook (None | str | Unset): Workflow moment to evaluate at (see `GET /v1/hooks`), e.g. `scene.depart`.
        ruleset (RulesetSelector | Unset):
        submitted_by (str | Unset): Who sent it: terminal and officer, e.g. `MDT-0815 / PC4711` (until authentication).
            Default: 'unspecified'.
    """

    checklist: Checklist
    device_time: datetime.datetime
    as_of: datetime.datetime | None | Unset = UNSET
    base_revision: int | None | Unset = UNSET
    device_decision: DeviceDecision | None | Unset = UNSET
    hook: None | str | Unset = UNSET
    ruleset: RulesetSelector | Unset = UNSET
    submitted_by: str | Unset = "unspecified"

    def to_dict(self) -> dict[str, Any]:
        from ..models.device_decision import DeviceDecision  # noqa: PLC0415

        checklist = self.checklist.to_dict()

        device_time = self.device_time.isoformat()

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        base_revision: int | None | Unset
        if isinstance(self.base_revision, Unset):
            base_revision = UNSET
        else:
            base_revision = self.base_revision

        device_decision: dict[str, Any] | None | Unset
        if isinstance(self.device_decision, Unset):
            device_decision = UNSET
        elif isinstance(self.device_decision, DeviceDecision):
            device_decision = self.device_decision.to_dict()
        else:
            device_decision = self.device_decision

        hook: None | str | Unset
        if isinstance(self.hook, Unset):
            hook = UNSET
        else:
            hook = self.hook

        ruleset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ruleset, Unset):
            ruleset = self.ruleset.to_dict()

        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checklist": checklist,
                "device_time": device_time,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if base_revision is not UNSET:
            field_dict["base_revision"] = base_revision
        if device_decision is not UNSET:
            field_dict["device_decision"] = device_decision
        if hook is not UNSET:
            field_dict["hook"] = hook
        if ruleset is not UNSET:
            field_dict["ruleset"] = ruleset
        if submitted_by is not UNSET:
            field_dict["submitted_by"] = submitted_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist import Checklist  # noqa: PLC0415
        from ..models.device_decision import DeviceDecision  # noqa: PLC0415
        from ..models.ruleset_selector import RulesetSelector  # noqa: PLC0415

        d = dict(src_dict)
        checklist = Checklist.from_dict(d.pop("checklist"))

        device_time = datetime.datetime.fromisoformat(d.pop("device_time"))

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

        def _parse_base_revision(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        base_revision = _parse_base_revision(d.pop("base_revision", UNSET))

        def _parse_device_decision(data: object) -> DeviceDecision | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                device_decision_type_0 = DeviceDecision.from_dict(data)

                return device_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeviceDecision | None | Unset, data)

        device_decision = _parse_device_decision(d.pop("device_decision", UNSET))

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

        submitted_by = d.pop("submitted_by", UNSET)

        submission_create = cls(
            checklist=checklist,
            device_time=device_time,
            as_of=as_of,
            base_revision=base_revision,
            device_decision=device_decision,
            hook=hook,
            ruleset=ruleset,
            submitted_by=submitted_by,
        )

        return submission_create
