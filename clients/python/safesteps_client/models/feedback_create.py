from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.feedback_outcome import FeedbackOutcome
from ..models.override_reason import OverrideReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackCreate")


@_attrs_define
class FeedbackCreate:
    """
    Attributes:
        outcome (FeedbackOutcome):
        rule_id (str): The finding's rule id.
        comment (None | str | Unset): Required when the reason is `other`.
        reason_code (None | OverrideReason | Unset): Required when overridden.
        submitted_by (str | Unset): The officer, e.g. a collar number (informational: the record names the authenticated
            client as `recorded_by`). Default: 'unspecified'.
    """

    outcome: FeedbackOutcome
    rule_id: str
    comment: None | str | Unset = UNSET
    reason_code: None | OverrideReason | Unset = UNSET
    submitted_by: str | Unset = "unspecified"

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        rule_id = self.rule_id

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        elif isinstance(self.reason_code, OverrideReason):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "rule_id": rule_id,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if submitted_by is not UNSET:
            field_dict["submitted_by"] = submitted_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = FeedbackOutcome(d.pop("outcome"))

        rule_id = d.pop("rule_id")

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_reason_code(data: object) -> None | OverrideReason | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_code_type_0 = OverrideReason(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverrideReason | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        submitted_by = d.pop("submitted_by", UNSET)

        feedback_create = cls(
            outcome=outcome,
            rule_id=rule_id,
            comment=comment,
            reason_code=reason_code,
            submitted_by=submitted_by,
        )

        return feedback_create
