from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplaySelection")


@_attrs_define
class ReplaySelection:
    """Which stored decisions to replay; every filter is optional and they combine (AND).

    Attributes:
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): Decisions recorded on or after this day (UTC).
        history_changed (bool | None | Unset): Only decisions made with history facts whose outcome they changed (true)
            or did not change (false); decisions made without history facts are neither.
        hook (None | str | Unset): Only decisions made at this workflow moment.
        incident_refs (list[str] | None | Unset):
        to_date (datetime.date | None | Unset): Decisions recorded on or before this day (UTC).
    """

    force: None | str | Unset = UNSET
    from_date: datetime.date | None | Unset = UNSET
    history_changed: bool | None | Unset = UNSET
    hook: None | str | Unset = UNSET
    incident_refs: list[str] | None | Unset = UNSET
    to_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        force: None | str | Unset
        if isinstance(self.force, Unset):
            force = UNSET
        else:
            force = self.force

        from_date: None | str | Unset
        if isinstance(self.from_date, Unset):
            from_date = UNSET
        elif isinstance(self.from_date, datetime.date):
            from_date = self.from_date.isoformat()
        else:
            from_date = self.from_date

        history_changed: bool | None | Unset
        if isinstance(self.history_changed, Unset):
            history_changed = UNSET
        else:
            history_changed = self.history_changed

        hook: None | str | Unset
        if isinstance(self.hook, Unset):
            hook = UNSET
        else:
            hook = self.hook

        incident_refs: list[str] | None | Unset
        if isinstance(self.incident_refs, Unset):
            incident_refs = UNSET
        elif isinstance(self.incident_refs, list):
            incident_refs = self.incident_refs

        else:
            incident_refs = self.incident_refs

        to_date: None | str | Unset
        if isinstance(self.to_date, Unset):
            to_date = UNSET
        elif isinstance(self.to_date, datetime.date):
            to_date = self.to_date.isoformat()
        else:
            to_date = self.to_date

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if force is not UNSET:
            field_dict["force"] = force
        if from_date is not UNSET:
            field_dict["from_date"] = from_date
        if history_changed is not UNSET:
            field_dict["history_changed"] = history_changed
        if hook is not UNSET:
            field_dict["hook"] = hook
        if incident_refs is not UNSET:
            field_dict["incident_refs"] = incident_refs
        if to_date is not UNSET:
            field_dict["to_date"] = to_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_force(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        force = _parse_force(d.pop("force", UNSET))

        def _parse_from_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_date_type_0 = datetime.date.fromisoformat(data)

                return from_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_date = _parse_from_date(d.pop("from_date", UNSET))

        def _parse_history_changed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        history_changed = _parse_history_changed(d.pop("history_changed", UNSET))

        def _parse_hook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hook = _parse_hook(d.pop("hook", UNSET))

        def _parse_incident_refs(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                incident_refs_type_0 = cast(list[str], data)

                return incident_refs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        incident_refs = _parse_incident_refs(d.pop("incident_refs", UNSET))

        def _parse_to_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_date_type_0 = datetime.date.fromisoformat(data)

                return to_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        to_date = _parse_to_date(d.pop("to_date", UNSET))

        replay_selection = cls(
            force=force,
            from_date=from_date,
            history_changed=history_changed,
            hook=hook,
            incident_refs=incident_refs,
            to_date=to_date,
        )

        return replay_selection
