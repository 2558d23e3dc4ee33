from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Term")


@_attrs_define
class Term:
    """One word or phrase a language rule flags, and what to write instead.

    Attributes:
        suggestion (str): The wording to use instead, shown with each use.
        negatable (bool | Unset): A negated use (`not a lifestyle choice`) is not flagged. False for terms whose
            negation still frames the child wrongly (`not consensual` about a child under 13). Default: True.
        notes (None | str | Unset):
        pattern (None | str | Unset): A Python regular expression, matched case-insensitively on word boundaries, for
            terms with variants (e.g. `putting (himself|herself|themselves) at risk`).
        phrase (None | str | Unset): Matched case-insensitively on word boundaries; spaces match any whitespace.
        words (None | str | Unset): Words in the language check's small grammar (app/rules/language.py): `a|b`
            alternatives, `word~` with its inflections, `...` up to three other words, ` & ` parts in any order (e.g.
            `put~|place~ herself|himself|themselves ... at|in risk|danger`).
    """

    suggestion: str
    negatable: bool | Unset = True
    notes: None | str | Unset = UNSET
    pattern: None | str | Unset = UNSET
    phrase: None | str | Unset = UNSET
    words: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        suggestion = self.suggestion

        negatable = self.negatable

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        else:
            pattern = self.pattern

        phrase: None | str | Unset
        if isinstance(self.phrase, Unset):
            phrase = UNSET
        else:
            phrase = self.phrase

        words: None | str | Unset
        if isinstance(self.words, Unset):
            words = UNSET
        else:
            words = self.words

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "suggestion": suggestion,
            }
        )
        if negatable is not UNSET:
            field_dict["negatable"] = negatable
        if notes is not UNSET:
            field_dict["notes"] = notes
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if phrase is not UNSET:
            field_dict["phrase"] = phrase
        if words is not UNSET:
            field_dict["words"] = words

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        suggestion = d.pop("suggestion")

        negatable = d.pop("negatable", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))

        def _parse_phrase(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phrase = _parse_phrase(d.pop("phrase", UNSET))

        def _parse_words(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        words = _parse_words(d.pop("words", UNSET))

        term = cls(
            suggestion=suggestion,
            negatable=negatable,
            notes=notes,
            pattern=pattern,
            phrase=phrase,
            words=words,
        )

        return term
