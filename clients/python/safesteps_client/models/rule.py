from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.due import Due
    from ..models.reference import Reference


T = TypeVar("T", bound="Rule")


@_attrs_define
class Rule:
    """A rule over the checklist's facts: three ZEN conditions (see the module docstring).

    Attributes:
        action (str):
        applies_if (str):
        hooks (list[str]):
        id (str):
        message (str):
        met_if (str):
        missing_if (str):
        references (list[Reference]):
        severity (Severity):
        step (str):
        title (str):
        detail (None | str | Unset):
        due (Due | None | Unset): Semantics 2: when an absent record becomes missing.
        hooks_rationale (None | str | Unset): Semantics 2 (required there): why each hook of the workflow is or is not
            one where this rule runs.
        kind (Literal['condition'] | Unset):  Default: 'condition'.
        message_not_recorded (None | str | Unset): Semantics 2: the text of a `missing` finding with basis
            `not_recorded`.
        message_unknown (None | str | Unset): Semantics 2: the text of an `unknown` finding (what is not yet recorded).
        never_unknown (None | str | Unset): Why this rule's data is always known when it applies (e.g. its applicability
            already requires the data); exempts it from `unknown` coverage in `safesteps rules test`.
        notes (None | str | Unset):
        severity_reason (None | str | Unset): Why the severity differs from the step's suggestion, if it does.
    """

    action: str
    applies_if: str
    hooks: list[str]
    id: str
    message: str
    met_if: str
    missing_if: str
    references: list[Reference]
    severity: Severity
    step: str
    title: str
    detail: None | str | Unset = UNSET
    due: Due | None | Unset = UNSET
    hooks_rationale: None | str | Unset = UNSET
    kind: Literal["condition"] | Unset = "condition"
    message_not_recorded: None | str | Unset = UNSET
    message_unknown: None | str | Unset = UNSET
    never_unknown: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    severity_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.due import Due  # noqa: PLC0415

        action = self.action

        applies_if = self.applies_if

        hooks = self.hooks

        id = self.id

        message = self.message

        met_if = self.met_if

        missing_if = self.missing_if

        references = []
        for references_item_data in self.references:
            references_item = references_item_data.to_dict()
            references.append(references_item)

        severity = self.severity.value

        step = self.step

        title = self.title

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        due: dict[str, Any] | None | Unset
        if isinstance(self.due, Unset):
            due = UNSET
        elif isinstance(self.due, Due):
            due = self.due.to_dict()
        else:
            due = self.due

        hooks_rationale: None | str | Unset
        if isinstance(self.hooks_rationale, Unset):
            hooks_rationale = UNSET
        else:
            hooks_rationale = self.hooks_rationale

        kind = self.kind

        message_not_recorded: None | str | Unset
        if isinstance(self.message_not_recorded, Unset):
            message_not_recorded = UNSET
        else:
            message_not_recorded = self.message_not_recorded

        message_unknown: None | str | Unset
        if isinstance(self.message_unknown, Unset):
            message_unknown = UNSET
        else:
            message_unknown = self.message_unknown

        never_unknown: None | str | Unset
        if isinstance(self.never_unknown, Unset):
            never_unknown = UNSET
        else:
            never_unknown = self.never_unknown

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
                "applies_if": applies_if,
                "hooks": hooks,
                "id": id,
                "message": message,
                "met_if": met_if,
                "missing_if": missing_if,
                "references": references,
                "severity": severity,
                "step": step,
                "title": title,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if due is not UNSET:
            field_dict["due"] = due
        if hooks_rationale is not UNSET:
            field_dict["hooks_rationale"] = hooks_rationale
        if kind is not UNSET:
            field_dict["kind"] = kind
        if message_not_recorded is not UNSET:
            field_dict["message_not_recorded"] = message_not_recorded
        if message_unknown is not UNSET:
            field_dict["message_unknown"] = message_unknown
        if never_unknown is not UNSET:
            field_dict["never_unknown"] = never_unknown
        if notes is not UNSET:
            field_dict["notes"] = notes
        if severity_reason is not UNSET:
            field_dict["severity_reason"] = severity_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.due import Due  # noqa: PLC0415
        from ..models.reference import Reference  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        applies_if = d.pop("applies_if")

        hooks = cast(list[str], d.pop("hooks"))

        id = d.pop("id")

        message = d.pop("message")

        met_if = d.pop("met_if")

        missing_if = d.pop("missing_if")

        references = []
        _references = d.pop("references")
        for references_item_data in _references:
            references_item = Reference.from_dict(references_item_data)

            references.append(references_item)

        severity = Severity(d.pop("severity"))

        step = d.pop("step")

        title = d.pop("title")

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_due(data: object) -> Due | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                due_type_0 = Due.from_dict(data)

                return due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Due | None | Unset, data)

        due = _parse_due(d.pop("due", UNSET))

        def _parse_hooks_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hooks_rationale = _parse_hooks_rationale(d.pop("hooks_rationale", UNSET))

        kind = cast(Literal["condition"] | Unset, d.pop("kind", UNSET))
        if kind != "condition" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'condition', got '{kind}'")

        def _parse_message_not_recorded(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message_not_recorded = _parse_message_not_recorded(d.pop("message_not_recorded", UNSET))

        def _parse_message_unknown(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message_unknown = _parse_message_unknown(d.pop("message_unknown", UNSET))

        def _parse_never_unknown(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        never_unknown = _parse_never_unknown(d.pop("never_unknown", UNSET))

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

        rule = cls(
            action=action,
            applies_if=applies_if,
            hooks=hooks,
            id=id,
            message=message,
            met_if=met_if,
            missing_if=missing_if,
            references=references,
            severity=severity,
            step=step,
            title=title,
            detail=detail,
            due=due,
            hooks_rationale=hooks_rationale,
            kind=kind,
            message_not_recorded=message_not_recorded,
            message_unknown=message_unknown,
            never_unknown=never_unknown,
            notes=notes,
            severity_reason=severity_reason,
        )

        return rule
