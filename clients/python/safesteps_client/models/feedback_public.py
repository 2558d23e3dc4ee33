from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_outcome import FeedbackOutcome
from ..models.override_reason import OverrideReason

T = TypeVar("T", bound="FeedbackPublic")


@_attrs_define
class FeedbackPublic:
    """
    Attributes:
        comment (None | str):
        created_at (datetime.datetime):
        decision_id (str):
        id (int):
        outcome (FeedbackOutcome):
        reason_code (None | OverrideReason):
        recorded_by (str): The authenticated client that sent it (`key:...` or `oidc:...`).
        rule_id (str):
        submitted_by (None | str): Null once retention has erased it.
    """

    comment: None | str
    created_at: datetime.datetime
    decision_id: str
    id: int
    outcome: FeedbackOutcome
    reason_code: None | OverrideReason
    recorded_by: str
    rule_id: str
    submitted_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment: None | str
        comment = self.comment

        created_at = self.created_at.isoformat()

        decision_id = self.decision_id

        id = self.id

        outcome = self.outcome.value

        reason_code: None | str
        if isinstance(self.reason_code, OverrideReason):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

        recorded_by = self.recorded_by

        rule_id = self.rule_id

        submitted_by: None | str
        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comment": comment,
                "created_at": created_at,
                "decision_id": decision_id,
                "id": id,
                "outcome": outcome,
                "reason_code": reason_code,
                "recorded_by": recorded_by,
                "rule_id": rule_id,
                "submitted_by": submitted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision_id = d.pop("decision_id")

        id = d.pop("id")

        outcome = FeedbackOutcome(d.pop("outcome"))

        def _parse_reason_code(data: object) -> None | OverrideReason:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_code_type_0 = OverrideReason(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverrideReason, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        recorded_by = d.pop("recorded_by")

        rule_id = d.pop("rule_id")

        def _parse_submitted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        feedback_public = cls(
            comment=comment,
            created_at=created_at,
            decision_id=decision_id,
            id=id,
            outcome=outcome,
            reason_code=reason_code,
            recorded_by=recorded_by,
            rule_id=rule_id,
            submitted_by=submitted_by,
        )

        feedback_public.additional_properties = d
        return feedback_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
