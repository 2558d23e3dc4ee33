from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision import Decision
    from ..models.decision_record_public_context import DecisionRecordPublicContext
    from ..models.decision_record_public_input import DecisionRecordPublicInput
    from ..models.feedback_public import FeedbackPublic


T = TypeVar("T", bound="DecisionRecordPublic")


@_attrs_define
class DecisionRecordPublic:
    """A decision record as stored: everything replay needs, and the chain links.

    Attributes:
        checklist_schema_version (int):
        context (DecisionRecordPublicContext): The pinned evaluation context: hook and as_of.
        decision_id (str):
        engine_version (str):
        feedback (list[FeedbackPublic]):
        hash_ (str):
        incident_ref (None | str):
        input_ (DecisionRecordPublicInput): The checklist facts the engine was given.
        input_erased_sha256 (str): SHA-256 of the input once retention has erased it (covered).
        input_sha256 (str): SHA-256 of the input as recorded (covered by the chain).
        overrides (int):
        prev_hash (str):
        recorded_at (datetime.datetime):
        requested_by (str):
        result (Decision):
        result_erased_sha256 (str): SHA-256 of the result once retention has erased it (covered).
        result_sha256 (str): SHA-256 of the result as recorded (covered by the chain).
        revision (int | None):
        ruleset_hash (str):
        ruleset_id (str):
        ruleset_version (str):
        seq (int):
        erasable (Any | Unset): JSON pointers of the personal content retention erases.
        erased (list[str] | Unset): JSON pointers of personal content erased by retention, e.g.
            `/input/children/0/full_name`.
        erased_at (datetime.datetime | None | Unset):
        erasure_id (int | None | Unset): The erasure-log entry of the erasure.
        history_changed (bool | None | Unset): Made with history facts: whether they changed the outcome (the same
            evaluation as if nobody had an earlier incident decides otherwise). Null: made without history.
        revision_erased_sha256 (None | str | Unset):
        revision_sha256 (None | str | Unset):
    """

    checklist_schema_version: int
    context: DecisionRecordPublicContext
    decision_id: str
    engine_version: str
    feedback: list[FeedbackPublic]
    hash_: str
    incident_ref: None | str
    input_: DecisionRecordPublicInput
    input_erased_sha256: str
    input_sha256: str
    overrides: int
    prev_hash: str
    recorded_at: datetime.datetime
    requested_by: str
    result: Decision
    result_erased_sha256: str
    result_sha256: str
    revision: int | None
    ruleset_hash: str
    ruleset_id: str
    ruleset_version: str
    seq: int
    erasable: Any | Unset = UNSET
    erased: list[str] | Unset = UNSET
    erased_at: datetime.datetime | None | Unset = UNSET
    erasure_id: int | None | Unset = UNSET
    history_changed: bool | None | Unset = UNSET
    revision_erased_sha256: None | str | Unset = UNSET
    revision_sha256: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checklist_schema_version = self.checklist_schema_version

        context = self.context.to_dict()

        decision_id = self.decision_id

        engine_version = self.engine_version

        feedback = []
        for feedback_item_data in self.feedback:
            feedback_item = feedback_item_data.to_dict()
            feedback.append(feedback_item)

        hash_ = self.hash_

        incident_ref: None | str
        incident_ref = self.incident_ref

        input_ = self.input_.to_dict()

        input_erased_sha256 = self.input_erased_sha256

        input_sha256 = self.input_sha256

        overrides = self.overrides

        prev_hash = self.prev_hash

        recorded_at = self.recorded_at.isoformat()

        requested_by = self.requested_by

        result = self.result.to_dict()

        result_erased_sha256 = self.result_erased_sha256

        result_sha256 = self.result_sha256

        revision: int | None
        revision = self.revision

        ruleset_hash = self.ruleset_hash

        ruleset_id = self.ruleset_id

        ruleset_version = self.ruleset_version

        seq = self.seq

        erasable = self.erasable

        erased: list[str] | Unset = UNSET
        if not isinstance(self.erased, Unset):
            erased = self.erased

        erased_at: None | str | Unset
        if isinstance(self.erased_at, Unset):
            erased_at = UNSET
        elif isinstance(self.erased_at, datetime.datetime):
            erased_at = self.erased_at.isoformat()
        else:
            erased_at = self.erased_at

        erasure_id: int | None | Unset
        if isinstance(self.erasure_id, Unset):
            erasure_id = UNSET
        else:
            erasure_id = self.erasure_id

        history_changed: bool | None | Unset
        if isinstance(self.history_changed, Unset):
            history_changed = UNSET
        else:
            history_changed = self.history_changed

        revision_erased_sha256: None | str | Unset
        if isinstance(self.revision_erased_sha256, Unset):
            revision_erased_sha256 = UNSET
        else:
            revision_erased_sha256 = self.revision_erased_sha256

        revision_sha256: None | str | Unset
        if isinstance(self.revision_sha256, Unset):
            revision_sha256 = UNSET
        else:
            revision_sha256 = self.revision_sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checklist_schema_version": checklist_schema_version,
                "context": context,
                "decision_id": decision_id,
                "engine_version": engine_version,
                "feedback": feedback,
                "hash": hash_,
                "incident_ref": incident_ref,
                "input": input_,
                "input_erased_sha256": input_erased_sha256,
                "input_sha256": input_sha256,
                "overrides": overrides,
                "prev_hash": prev_hash,
                "recorded_at": recorded_at,
                "requested_by": requested_by,
                "result": result,
                "result_erased_sha256": result_erased_sha256,
                "result_sha256": result_sha256,
                "revision": revision,
                "ruleset_hash": ruleset_hash,
                "ruleset_id": ruleset_id,
                "ruleset_version": ruleset_version,
                "seq": seq,
            }
        )
        if erasable is not UNSET:
            field_dict["erasable"] = erasable
        if erased is not UNSET:
            field_dict["erased"] = erased
        if erased_at is not UNSET:
            field_dict["erased_at"] = erased_at
        if erasure_id is not UNSET:
            field_dict["erasure_id"] = erasure_id
        if history_changed is not UNSET:
            field_dict["history_changed"] = history_changed
        if revision_erased_sha256 is not UNSET:
            field_dict["revision_erased_sha256"] = revision_erased_sha256
        if revision_sha256 is not UNSET:
            field_dict["revision_sha256"] = revision_sha256

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision import Decision  # noqa: PLC0415
        from ..models.decision_record_public_context import DecisionRecordPublicContext  # noqa: PLC0415
        from ..models.decision_record_public_input import DecisionRecordPublicInput  # noqa: PLC0415
        from ..models.feedback_public import FeedbackPublic  # noqa: PLC0415

        d = dict(src_dict)
        checklist_schema_version = d.pop("checklist_schema_version")

        context = DecisionRecordPublicContext.from_dict(d.pop("context"))

        decision_id = d.pop("decision_id")

        engine_version = d.pop("engine_version")

        feedback = []
        _feedback = d.pop("feedback")
        for feedback_item_data in _feedback:
            feedback_item = FeedbackPublic.from_dict(feedback_item_data)

            feedback.append(feedback_item)

        hash_ = d.pop("hash")

        def _parse_incident_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_ref = _parse_incident_ref(d.pop("incident_ref"))

        input_ = DecisionRecordPublicInput.from_dict(d.pop("input"))

        input_erased_sha256 = d.pop("input_erased_sha256")

        input_sha256 = d.pop("input_sha256")

        overrides = d.pop("overrides")

        prev_hash = d.pop("prev_hash")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        requested_by = d.pop("requested_by")

        result = Decision.from_dict(d.pop("result"))

        result_erased_sha256 = d.pop("result_erased_sha256")

        result_sha256 = d.pop("result_sha256")

        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))

        ruleset_hash = d.pop("ruleset_hash")

        ruleset_id = d.pop("ruleset_id")

        ruleset_version = d.pop("ruleset_version")

        seq = d.pop("seq")

        erasable = d.pop("erasable", UNSET)

        erased = cast(list[str], d.pop("erased", UNSET))

        def _parse_erased_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                erased_at_type_0 = datetime.datetime.fromisoformat(data)

                return erased_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        erased_at = _parse_erased_at(d.pop("erased_at", UNSET))

        def _parse_erasure_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        erasure_id = _parse_erasure_id(d.pop("erasure_id", UNSET))

        def _parse_history_changed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        history_changed = _parse_history_changed(d.pop("history_changed", UNSET))

        def _parse_revision_erased_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_erased_sha256 = _parse_revision_erased_sha256(d.pop("revision_erased_sha256", UNSET))

        def _parse_revision_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_sha256 = _parse_revision_sha256(d.pop("revision_sha256", UNSET))

        decision_record_public = cls(
            checklist_schema_version=checklist_schema_version,
            context=context,
            decision_id=decision_id,
            engine_version=engine_version,
            feedback=feedback,
            hash_=hash_,
            incident_ref=incident_ref,
            input_=input_,
            input_erased_sha256=input_erased_sha256,
            input_sha256=input_sha256,
            overrides=overrides,
            prev_hash=prev_hash,
            recorded_at=recorded_at,
            requested_by=requested_by,
            result=result,
            result_erased_sha256=result_erased_sha256,
            result_sha256=result_sha256,
            revision=revision,
            ruleset_hash=ruleset_hash,
            ruleset_id=ruleset_id,
            ruleset_version=ruleset_version,
            seq=seq,
            erasable=erasable,
            erased=erased,
            erased_at=erased_at,
            erasure_id=erasure_id,
            history_changed=history_changed,
            revision_erased_sha256=revision_erased_sha256,
            revision_sha256=revision_sha256,
        )

        decision_record_public.additional_properties = d
        return decision_record_public

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
