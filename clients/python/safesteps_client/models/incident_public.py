from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.feedback_public import FeedbackPublic
    from ..models.latest_revision import LatestRevision
    from ..models.revision_entry import RevisionEntry


T = TypeVar("T", bound="IncidentPublic")


@_attrs_define
class IncidentPublic:
    """
    Attributes:
        blocking (bool): The latest evaluation is blocking.
        created_at (datetime.datetime):
        feedback (list[FeedbackPublic]): Officers' feedback on this incident's decisions.
        force (str):
        history (list[RevisionEntry]): One entry per stored revision, oldest first.
        hook (None | str): Hook of the latest evaluation.
        incident_type (str):
        latest (LatestRevision):
        overrides (int): Findings officers overrode.
        reference (str):
        revision (int):
        updated_at (datetime.datetime):
    """

    blocking: bool
    created_at: datetime.datetime
    feedback: list[FeedbackPublic]
    force: str
    history: list[RevisionEntry]
    hook: None | str
    incident_type: str
    latest: LatestRevision
    overrides: int
    reference: str
    revision: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        created_at = self.created_at.isoformat()

        feedback = []
        for feedback_item_data in self.feedback:
            feedback_item = feedback_item_data.to_dict()
            feedback.append(feedback_item)

        force = self.force

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        hook: None | str
        hook = self.hook

        incident_type = self.incident_type

        latest = self.latest.to_dict()

        overrides = self.overrides

        reference = self.reference

        revision = self.revision

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "created_at": created_at,
                "feedback": feedback,
                "force": force,
                "history": history,
                "hook": hook,
                "incident_type": incident_type,
                "latest": latest,
                "overrides": overrides,
                "reference": reference,
                "revision": revision,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feedback_public import FeedbackPublic  # noqa: PLC0415
        from ..models.latest_revision import LatestRevision  # noqa: PLC0415
        from ..models.revision_entry import RevisionEntry  # noqa: PLC0415

        d = dict(src_dict)
        blocking = d.pop("blocking")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        feedback = []
        _feedback = d.pop("feedback")
        for feedback_item_data in _feedback:
            feedback_item = FeedbackPublic.from_dict(feedback_item_data)

            feedback.append(feedback_item)

        force = d.pop("force")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = RevisionEntry.from_dict(history_item_data)

            history.append(history_item)

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        incident_type = d.pop("incident_type")

        latest = LatestRevision.from_dict(d.pop("latest"))

        overrides = d.pop("overrides")

        reference = d.pop("reference")

        revision = d.pop("revision")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        incident_public = cls(
            blocking=blocking,
            created_at=created_at,
            feedback=feedback,
            force=force,
            history=history,
            hook=hook,
            incident_type=incident_type,
            latest=latest,
            overrides=overrides,
            reference=reference,
            revision=revision,
            updated_at=updated_at,
        )

        incident_public.additional_properties = d
        return incident_public

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
