from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.replay_history import ReplayHistory
from ..models.replay_mode import ReplayMode
from ..models.stored_results import StoredResults
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.replay_selection import ReplaySelection
    from ..models.ruleset_selector import RulesetSelector


T = TypeVar("T", bound="ReplayCreate")


@_attrs_define
class ReplayCreate:
    """
    Attributes:
        mode (ReplayMode):
        history (ReplayHistory | Unset): Which history facts an impact replay evaluates with (rule sets that read
            history).
        results (StoredResults | Unset):
        ruleset (None | RulesetSelector | Unset): Impact only: the version to compare with (an exact version).
        selection (ReplaySelection | Unset): Which stored decisions to replay; every filter is optional and they combine
            (AND).
    """

    mode: ReplayMode
    history: ReplayHistory | Unset = UNSET
    results: StoredResults | Unset = UNSET
    ruleset: None | RulesetSelector | Unset = UNSET
    selection: ReplaySelection | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.ruleset_selector import RulesetSelector  # noqa: PLC0415

        mode = self.mode.value

        history: str | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = self.history.value

        results: str | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results.value

        ruleset: dict[str, Any] | None | Unset
        if isinstance(self.ruleset, Unset):
            ruleset = UNSET
        elif isinstance(self.ruleset, RulesetSelector):
            ruleset = self.ruleset.to_dict()
        else:
            ruleset = self.ruleset

        selection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.selection, Unset):
            selection = self.selection.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
            }
        )
        if history is not UNSET:
            field_dict["history"] = history
        if results is not UNSET:
            field_dict["results"] = results
        if ruleset is not UNSET:
            field_dict["ruleset"] = ruleset
        if selection is not UNSET:
            field_dict["selection"] = selection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replay_selection import ReplaySelection  # noqa: PLC0415
        from ..models.ruleset_selector import RulesetSelector  # noqa: PLC0415

        d = dict(src_dict)
        mode = ReplayMode(d.pop("mode"))

        _history = d.pop("history", UNSET)
        history: ReplayHistory | Unset
        if isinstance(_history, Unset):
            history = UNSET
        else:
            history = ReplayHistory(_history)

        _results = d.pop("results", UNSET)
        results: StoredResults | Unset
        if isinstance(_results, Unset):
            results = UNSET
        else:
            results = StoredResults(_results)

        def _parse_ruleset(data: object) -> None | RulesetSelector | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ruleset_type_0 = RulesetSelector.from_dict(data)

                return ruleset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RulesetSelector | Unset, data)

        ruleset = _parse_ruleset(d.pop("ruleset", UNSET))

        _selection = d.pop("selection", UNSET)
        selection: ReplaySelection | Unset
        if isinstance(_selection, Unset):
            selection = UNSET
        else:
            selection = ReplaySelection.from_dict(_selection)

        replay_create = cls(
            mode=mode,
            history=history,
            results=results,
            ruleset=ruleset,
            selection=selection,
        )

        return replay_create
