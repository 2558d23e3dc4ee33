from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionListItem")


@_attrs_define
class DecisionListItem:
    """
    Attributes:
        blocking (bool):
        critical_open (bool):
        decision_id (str):
        force (str):
        hook (str):
        incident_ref (None | str):
        recorded_at (datetime.datetime):
        revision (int | None):
        ruleset (str):
        seq (int):
        history_changed (bool | None | Unset): Made with history facts: whether they changed the outcome; null: without.
    """

    blocking: bool
    critical_open: bool
    decision_id: str
    force: str
    hook: str
    incident_ref: None | str
    recorded_at: datetime.datetime
    revision: int | None
    ruleset: str
    seq: int
    history_changed: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocking = self.blocking

        critical_open = self.critical_open

        decision_id = self.decision_id

        force = self.force

        hook = self.hook

        incident_ref: None | str
        incident_ref = self.incident_ref

        recorded_at = self.recorded_at.isoformat()

        revision: int | None
        revision = self.revision

        ruleset = self.ruleset

        seq = self.seq

        history_changed: bool | None | Unset
        if isinstance(self.history_changed, Unset):
            history_changed = UNSET
        else:
            history_changed = self.history_changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blocking": blocking,
                "critical_open": critical_open,
                "decision_id": decision_id,
                "force": force,
                "hook": hook,
                "incident_ref": incident_ref,
                "recorded_at": recorded_at,
                "revision": revision,
                "ruleset": ruleset,
                "seq": seq,
            }
        )
        if history_changed is not UNSET:
            field_dict["history_changed"] = history_changed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blocking = d.pop("blocking")

        critical_open = d.pop("critical_open")

        decision_id = d.pop("decision_id")

        force = d.pop("force")

        hook = d.pop("hook")

        def _parse_incident_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incident_ref = _parse_incident_ref(d.pop("incident_ref"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_revision(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revision = _parse_revision(d.pop("revision"))

        ruleset = d.pop("ruleset")

        seq = d.pop("seq")

        def _parse_history_changed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        history_changed = _parse_history_changed(d.pop("history_changed", UNSET))

        decision_list_item = cls(
            blocking=blocking,
            critical_open=critical_open,
            decision_id=decision_id,
            force=force,
            hook=hook,
            incident_ref=incident_ref,
            recorded_at=recorded_at,
            revision=revision,
            ruleset=ruleset,
            seq=seq,
            history_changed=history_changed,
        )

        decision_list_item.additional_properties = d
        return decision_list_item

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
