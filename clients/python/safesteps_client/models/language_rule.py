from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reference import Reference
    from ..models.term import Term


T = TypeVar("T", bound="LanguageRule")


@_attrs_define
class LanguageRule:
    """A rule over the wording of every free-text field (see ``app/rules/language.py``).

    Attributes:
        action (str):
        hooks (list[str]):
        id (str):
        kind (Literal['language']):
        message (str):
        references (list[Reference]):
        severity (Severity):
        step (str):
        terms (list[Term]):
        title (str):
        applies_if (str | Unset):  Default: 'true'.
        detail (None | str | Unset):
        exclude_fields (list[str] | Unset): Free-text fields not scanned, as schema paths (`children[].account`): fields
            that record someone else's words verbatim.
        notes (None | str | Unset):
        severity_reason (None | str | Unset): Why the severity differs from the step's suggestion, if it does.
    """

    action: str
    hooks: list[str]
    id: str
    kind: Literal["language"]
    message: str
    references: list[Reference]
    severity: Severity
    step: str
    terms: list[Term]
    title: str
    applies_if: str | Unset = "true"
    detail: None | str | Unset = UNSET
    exclude_fields: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET
    severity_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        hooks = self.hooks

        id = self.id

        kind = self.kind

        message = self.message

        references = []
        for references_item_data in self.references:
            references_item = references_item_data.to_dict()
            references.append(references_item)

        severity = self.severity.value

        step = self.step

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        title = self.title

        applies_if = self.applies_if

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        exclude_fields: list[str] | Unset = UNSET
        if not isinstance(self.exclude_fields, Unset):
            exclude_fields = self.exclude_fields

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        severity_reason: None | str | Unset
        if isinstance(self.severity_reason, Unset):
            severity_reason = UNSET
        else:
            severity_reason = self.severity_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "hooks": hooks,
                "id": id,
                "kind": kind,
                "message": message,
                "references": references,
                "severity": severity,
                "step": step,
                "terms": terms,
                "title": title,
            }
        )
        if applies_if is not UNSET:
            field_dict["applies_if"] = applies_if
        if detail is not UNSET:
            field_dict["detail"] = detail
        if exclude_fields is not UNSET:
            field_dict["exclude_fields"] = exclude_fields
        if notes is not UNSET:
            field_dict["notes"] = notes
        if severity_reason is not UNSET:
            field_dict["severity_reason"] = severity_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reference import Reference  # noqa: PLC0415
        from ..models.term import Term  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        hooks = cast(list[str], d.pop("hooks"))

        id = d.pop("id")

        kind = cast(Literal["language"], d.pop("kind"))
        if kind != "language":
            raise ValueError(f"kind must match const 'language', got '{kind}'")

        message = d.pop("message")

        references = []
        _references = d.pop("references")
        for references_item_data in _references:
            references_item = Reference.from_dict(references_item_data)

            references.append(references_item)

        severity = Severity(d.pop("severity"))

        step = d.pop("step")

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = Term.from_dict(terms_item_data)

            terms.append(terms_item)

        title = d.pop("title")

        applies_if = d.pop("applies_if", UNSET)

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        exclude_fields = cast(list[str], d.pop("exclude_fields", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_severity_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        severity_reason = _parse_severity_reason(d.pop("severity_reason", UNSET))

        language_rule = cls(
            action=action,
            hooks=hooks,
            id=id,
            kind=kind,
            message=message,
            references=references,
            severity=severity,
            step=step,
            terms=terms,
            title=title,
            applies_if=applies_if,
            detail=detail,
            exclude_fields=exclude_fields,
            notes=notes,
            severity_reason=severity_reason,
        )

        return language_rule
