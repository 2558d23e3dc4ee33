from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision import Decision
    from ..models.device_agreement import DeviceAgreement
    from ..models.history_facts import HistoryFacts
    from ..models.outstanding_step import OutstandingStep


T = TypeVar("T", bound="SubmissionResult")


@_attrs_define
class SubmissionResult:
    """The stored revision and its evaluation, outstanding steps first.

    Attributes:
        blocking (bool): At a blocking moment, a critical step is missing or unknown.
        completeness (float | None):
        decision_id (str):
        evaluation (Decision):
        hook (None | str):
        incident_ref (str):
        outstanding (list[OutstandingStep]): Steps missing or not yet recorded, most severe first: what to do before
            leaving.
        received_at (datetime.datetime):
        revision (int):
        score (float | None):
        device_decision (DeviceAgreement | None | Unset): Only when a device's offline decision was sent: whether it
            agreed with the server's.
        history (HistoryFacts | None | Unset): Only when the rule set reads history: the history facts it was evaluated
            with (counts, dates and step ids per local person id; never another incident's content).
    """

    blocking: bool
    completeness: float | None
    decision_id: str
    evaluation: Decision
    hook: None | str
    incident_ref: str
    outstanding: list[OutstandingStep]
    received_at: datetime.datetime
    revision: int
    score: float | None
    device_decision: DeviceAgreement | None | Unset = UNSET
    history: HistoryFacts | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.device_agreement import DeviceAgreement  # noqa: PLC0415
        from ..models.history_facts import HistoryFacts  # noqa: PLC0415

        blocking = self.blocking

        completeness: float | None
        completeness = self.completeness

        decision_id = self.decision_id

        evaluation = self.evaluation.to_dict()

        hook: None | str
        hook = self.hook

        incident_ref = self.incident_ref

        outstanding = []
        for outstanding_item_data in self.outstanding:
            outstanding_item = outstanding_item_data.to_dict()
            outstanding.append(outstanding_item)

        received_at = self.received_at.isoformat()

        revision = self.revision

        score: float | None
        score = self.score

        device_decision: dict[str, Any] | None | Unset
        if isinstance(self.device_decision, Unset):
            device_decision = UNSET
        elif isinstance(self.device_decision, DeviceAgreement):
            device_decision = self.device_decision.to_dict()
        else:
            device_decision = self.device_decision

        history: dict[str, Any] | None | Unset
        if isinstance(self.history, Unset):
            history = UNSET
        elif isinstance(self.history, HistoryFacts):
            history = self.history.to_dict()
        else:
            history = self.history

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "completeness": completeness,
                "decision_id": decision_id,
                "evaluation": evaluation,
                "hook": hook,
                "incident_ref": incident_ref,
                "outstanding": outstanding,
                "received_at": received_at,
                "revision": revision,
                "score": score,
            }
        )
        if device_decision is not UNSET:
            field_dict["device_decision"] = device_decision
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.device_agreement import DeviceAgreement  # noqa: PLC0415
        from ..models.history_facts import HistoryFacts  # noqa: PLC0415
        from ..models.outstanding_step import OutstandingStep  # noqa: PLC0415

        d = dict(src_dict)
        blocking = d.pop("blocking")

        def _parse_completeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completeness = _parse_completeness(d.pop("completeness"))

        decision_id = d.pop("decision_id")

        evaluation = Decision.from_dict(d.pop("evaluation"))

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        incident_ref = d.pop("incident_ref")

        outstanding = []
        _outstanding = d.pop("outstanding")
        for outstanding_item_data in _outstanding:
            outstanding_item = OutstandingStep.from_dict(outstanding_item_data)

            outstanding.append(outstanding_item)

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        revision = d.pop("revision")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_device_decision(data: object) -> DeviceAgreement | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                device_decision_type_0 = DeviceAgreement.from_dict(data)

                return device_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeviceAgreement | None | Unset, data)

        device_decision = _parse_device_decision(d.pop("device_decision", UNSET))

        def _parse_history(data: object) -> HistoryFacts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_type_0 = HistoryFacts.from_dict(data)

                return history_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryFacts | None | Unset, data)

        history = _parse_history(d.pop("history", UNSET))

        submission_result = cls(
            blocking=blocking,
            completeness=completeness,
            decision_id=decision_id,
            evaluation=evaluation,
            hook=hook,
            incident_ref=incident_ref,
            outstanding=outstanding,
            received_at=received_at,
            revision=revision,
            score=score,
            device_decision=device_decision,
            history=history,
        )

        submission_result.additional_properties = d
        return submission_result

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
