from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Reference")


@_attrs_define
class Reference:
    """Where the policy or law says so.

    Attributes:
        document (str):
        section (str):
        verified (bool): False when the point rests on general knowledge or a paraphrase not yet checked against the
            primary text.
        url (None | str | Unset):
    """

    document: str
    section: str
    verified: bool
    url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document = self.document

        section = self.section

        verified = self.verified

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
                "section": section,
                "verified": verified,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document = d.pop("document")

        section = d.pop("section")

        verified = d.pop("verified")

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        reference = cls(
            document=document,
            section=section,
            verified=verified,
            url=url,
        )

        return reference
