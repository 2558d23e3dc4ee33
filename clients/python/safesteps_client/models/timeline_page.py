from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_page_subject import TimelinePageSubject

if TYPE_CHECKING:
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="TimelinePage")


@_attrs_define
class TimelinePage:
    """The person's incidents, newest first (one entry per incident: its latest decision).

    Attributes:
        incident_ref (str): The incident the timeline was opened from.
        items (list[TimelineEntry]):
        local_id (str): The person's local id in that incident's checklist (`C1`, `A1`).
        next_cursor (None | str): Pass as `cursor` for the next page; null at the end.
        subject (TimelinePageSubject):
    """

    incident_ref: str
    items: list[TimelineEntry]
    local_id: str
    next_cursor: None | str
    subject: TimelinePageSubject
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_ref = self.incident_ref

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        local_id = self.local_id

        next_cursor: None | str
        next_cursor = self.next_cursor

        subject = self.subject.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_ref": incident_ref,
                "items": items,
                "local_id": local_id,
                "next_cursor": next_cursor,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        incident_ref = d.pop("incident_ref")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TimelineEntry.from_dict(items_item_data)

            items.append(items_item)

        local_id = d.pop("local_id")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        subject = TimelinePageSubject(d.pop("subject"))

        timeline_page = cls(
            incident_ref=incident_ref,
            items=items,
            local_id=local_id,
            next_cursor=next_cursor,
            subject=subject,
        )

        timeline_page.additional_properties = d
        return timeline_page

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
