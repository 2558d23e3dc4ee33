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
        due (None | Unset):
        exclude_fields (list[str] | Unset): Free-text fields not scanned, as schema paths (`children[].account`): fields
            that record someone else's words verbatim.
        hooks_rationale (None | str | Unset): Semantics 2 (required there): why each hook of the workflow is or is not
            one where this rule runs.
        message_not_recorded (None | Unset):
        message_unknown (None | Unset):
        notes (None | str | Unset):
        only_fields (list[str] | Unset): If given, the only free-text fields scanned, as schema paths
            (`actions.supervision.notes`); empty: every free-text field.
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
    due: None | Unset = UNSET
    exclude_fields: list[str] | Unset = UNSET
    hooks_rationale: None | str | Unset = UNSET
    message_not_recorded: None | Unset = UNSET
    message_unknown: None | Unset = UNSET
    notes: None | str | Unset = UNSET
    only_fields: list[str] | Unset = UNSET
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

        due = self.due

        exclude_fields: list[str] | Unset = UNSET
        if not isinstance(self.exclude_fields, Unset):
            exclude_fields = self.exclude_fields

        hooks_rationale: None | str | Unset
        if isinstance(self.hooks_rationale, Unset):
            hooks_rationale = UNSET
        else:
            hooks_rationale = self.hooks_rationale

        message_not_recorded = self.message_not_recorded

        message_unknown = self.message_unknown

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        only_fields: list[str] | Unset = UNSET
        if not isinstance(self.only_fields, Unset):
            only_fields = self.only_fields

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
        if due is not UNSET:
            field_dict["due"] = due
        if exclude_fields is not UNSET:
            field_dict["exclude_fields"] = exclude_fields
        if hooks_rationale is not UNSET:
            field_dict["hooks_rationale"] = hooks_rationale
        if message_not_recorded is not UNSET:
            field_dict["message_not_recorded"] = message_not_recorded
        if message_unknown is not UNSET:
            field_dict["message_unknown"] = message_unknown
        if notes is not UNSET:
            field_dict["notes"] = notes
        if only_fields is not UNSET:
            field_dict["only_fields"] = only_fields
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

        due = d.pop("due", UNSET)

        exclude_fields = cast(list[str], d.pop("exclude_fields", UNSET))

        def _parse_hooks_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hooks_rationale = _parse_hooks_rationale(d.pop("hooks_rationale", UNSET))

        message_not_recorded = d.pop("message_not_recorded", UNSET)

        message_unknown = d.pop("message_unknown", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        only_fields = cast(list[str], d.pop("only_fields", UNSET))

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
            due=due,
            exclude_fields=exclude_fields,
            hooks_rationale=hooks_rationale,
            message_not_recorded=message_not_recorded,
            message_unknown=message_unknown,
            notes=notes,
            only_fields=only_fields,
            severity_reason=severity_reason,
        )

        return language_rule
