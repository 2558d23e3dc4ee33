from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncidentSummary")


@_attrs_define
class IncidentSummary:
    """
    Attributes:
        blocking (bool): The latest evaluation is blocking.
        created_at (datetime.datetime):
        force (str):
        hook (None | str): Hook of the latest evaluation.
        incident_type (str):
        reference (str):
        revision (int):
        updated_at (datetime.datetime):
    """

    blocking: bool
    created_at: datetime.datetime
    force: str
    hook: None | str
    incident_type: str
    reference: str
    revision: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        created_at = self.created_at.isoformat()

        force = self.force

        hook: None | str
        hook = self.hook

        incident_type = self.incident_type

        reference = self.reference

        revision = self.revision

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "created_at": created_at,
                "force": force,
                "hook": hook,
                "incident_type": incident_type,
                "reference": reference,
                "revision": revision,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blocking = d.pop("blocking")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        force = d.pop("force")

        def _parse_hook(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hook = _parse_hook(d.pop("hook"))

        incident_type = d.pop("incident_type")

        reference = d.pop("reference")

        revision = d.pop("revision")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        incident_summary = cls(
            blocking=blocking,
            created_at=created_at,
            force=force,
            hook=hook,
            incident_type=incident_type,
            reference=reference,
            revision=revision,
            updated_at=updated_at,
        )

        incident_summary.additional_properties = d
        return incident_summary

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
