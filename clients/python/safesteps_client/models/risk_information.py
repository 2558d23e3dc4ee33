from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_information_source import RiskInformationSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskInformation")


@_attrs_define
class RiskInformation:
    """
    Attributes:
        content (str): What was learnt (a summary, no names).
        source (RiskInformationSource): Where the information came from.
        obtained_at (datetime.datetime | None | Unset): When it was obtained.
    """

    content: str
    source: RiskInformationSource
    obtained_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        source = self.source.value

        obtained_at: None | str | Unset
        if isinstance(self.obtained_at, Unset):
            obtained_at = UNSET
        elif isinstance(self.obtained_at, datetime.datetime):
            obtained_at = self.obtained_at.isoformat()
        else:
            obtained_at = self.obtained_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
                "source": source,
            }
        )
        if obtained_at is not UNSET:
            field_dict["obtained_at"] = obtained_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        source = RiskInformationSource(d.pop("source"))

        def _parse_obtained_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                obtained_at_type_0 = datetime.datetime.fromisoformat(data)

                return obtained_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        obtained_at = _parse_obtained_at(d.pop("obtained_at", UNSET))

        risk_information = cls(
            content=content,
            source=source,
            obtained_at=obtained_at,
        )

        return risk_information
