from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RevisionEntry")


@_attrs_define
class RevisionEntry:
    """
    Attributes:
        blocking (bool):
        completeness (float | None):
        decision_id (str):
        device_time (datetime.datetime | None):
        hook (None | str):
        received_at (datetime.datetime):
        revision (int):
        score (float | None):
        submitted_by (None | str): Null once retention has erased it.
    """

    blocking: bool
    completeness: float | None
    decision_id: str
    device_time: datetime.datetime | None
    hook: None | str
    received_at: datetime.datetime
    revision: int
    score: float | None
    submitted_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        completeness: float | None
        completeness = self.completeness

        decision_id = self.decision_id

        device_time: None | str
        if isinstance(self.device_time, datetime.datetime):
            device_time = self.device_time.isoformat()
        else:
            device_time = self.device_time

        hook: None | str
        hook = self.hook

        received_at = self.received_at.isoformat()

        revision = self.revision

        score: float | None
        score = self.score

        submitted_by: None | str
        submitted_by = self.submitted_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "completeness": completeness,
                "decision_id": decision_id,
                "device_time": device_time,
                "hook": hook,
                "received_at": received_at,
                "revision": revision,
                "score": score,
                "submitted_by": submitted_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blocking = d.pop("blocking")

        def _parse_completeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completeness = _parse_completeness(d.pop("completeness"))

        decision_id = d.pop("decision_id")

        def _parse_device_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                device_time_type_0 = datetime.datetime.fromisoformat(data)

                return device_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        device_time = _parse_device_time(d.pop("device_time"))

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        revision = d.pop("revision")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_submitted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        revision_entry = cls(
            blocking=blocking,
            completeness=completeness,
            decision_id=decision_id,
            device_time=device_time,
            hook=hook,
            received_at=received_at,
            revision=revision,
            score=score,
            submitted_by=submitted_by,
        )

        revision_entry.additional_properties = d
        return revision_entry

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
