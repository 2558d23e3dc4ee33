from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..models.replay_history import ReplayHistory
from ..models.replay_mode import ReplayMode
from ..models.stored_results import StoredResults

if TYPE_CHECKING:
    from ..models.replay_job_public_summary import ReplayJobPublicSummary
    from ..models.replay_selection import ReplaySelection


T = TypeVar("T", bound="ReplayJobPublic")


@_attrs_define
class ReplayJobPublic:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        error (None | str):
        finished_at (datetime.datetime | None):
        flagged (int): Reproduction failures (as recorded) or changed incidents (impact).
        history (ReplayHistory): Which history facts an impact replay evaluates with (rule sets that read history).
        id (str):
        mode (ReplayMode):
        parts (int | None): Ranges of the decision log the job is split into, each claimed by any worker (known once the
            job has started).
        parts_done (int): Parts finished; the summary is merged when the last one is.
        processed (int):
        progress (float | None): Percentage done.
        requested_by (str):
        results (StoredResults):
        ruleset (None | str): Impact: `id@version` replayed against.
        ruleset_hash (None | str):
        selection (ReplaySelection): Which stored decisions to replay; every filter is optional and they combine (AND).
        started_at (datetime.datetime | None):
        status (JobStatus):
        summary (ReplayJobPublicSummary): As recorded: decisions, reproduced, failed, erased. Impact: decisions,
            changed, newly_blocking, no_longer_blocking, erased, errors, and change counts by step and by severity.
            `erased`: decisions whose personal content retention erased, so they are not re-made (as recorded: not
            reproducible, not failures; impact: not compared). `errors` (impact): decisions that could not be re-evaluated
            or whose stored result could not be read, each reported as an `error` result and not compared.
        total (int | None): Decisions selected (known once the job has started).
    """

    attempts: int
    created_at: datetime.datetime
    error: None | str
    finished_at: datetime.datetime | None
    flagged: int
    history: ReplayHistory
    id: str
    mode: ReplayMode
    parts: int | None
    parts_done: int
    processed: int
    progress: float | None
    requested_by: str
    results: StoredResults
    ruleset: None | str
    ruleset_hash: None | str
    selection: ReplaySelection
    started_at: datetime.datetime | None
    status: JobStatus
    summary: ReplayJobPublicSummary
    total: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        error: None | str
        error = self.error

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        flagged = self.flagged

        history = self.history.value

        id = self.id

        mode = self.mode.value

        parts: int | None
        parts = self.parts

        parts_done = self.parts_done

        processed = self.processed

        progress: float | None
        progress = self.progress

        requested_by = self.requested_by

        results = self.results.value

        ruleset: None | str
        ruleset = self.ruleset

        ruleset_hash: None | str
        ruleset_hash = self.ruleset_hash

        selection = self.selection.to_dict()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        summary = self.summary.to_dict()

        total: int | None
        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "error": error,
                "finished_at": finished_at,
                "flagged": flagged,
                "history": history,
                "id": id,
                "mode": mode,
                "parts": parts,
                "parts_done": parts_done,
                "processed": processed,
                "progress": progress,
                "requested_by": requested_by,
                "results": results,
                "ruleset": ruleset,
                "ruleset_hash": ruleset_hash,
                "selection": selection,
                "started_at": started_at,
                "status": status,
                "summary": summary,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.replay_job_public_summary import ReplayJobPublicSummary  # noqa: PLC0415
        from ..models.replay_selection import ReplaySelection  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        flagged = d.pop("flagged")

        history = ReplayHistory(d.pop("history"))

        id = d.pop("id")

        mode = ReplayMode(d.pop("mode"))

        def _parse_parts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parts = _parse_parts(d.pop("parts"))

        parts_done = d.pop("parts_done")

        processed = d.pop("processed")

        def _parse_progress(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        progress = _parse_progress(d.pop("progress"))

        requested_by = d.pop("requested_by")

        results = StoredResults(d.pop("results"))

        def _parse_ruleset(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ruleset = _parse_ruleset(d.pop("ruleset"))

        def _parse_ruleset_hash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ruleset_hash = _parse_ruleset_hash(d.pop("ruleset_hash"))

        selection = ReplaySelection.from_dict(d.pop("selection"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = JobStatus(d.pop("status"))

        summary = ReplayJobPublicSummary.from_dict(d.pop("summary"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        replay_job_public = cls(
            attempts=attempts,
            created_at=created_at,
            error=error,
            finished_at=finished_at,
            flagged=flagged,
            history=history,
            id=id,
            mode=mode,
            parts=parts,
            parts_done=parts_done,
            processed=processed,
            progress=progress,
            requested_by=requested_by,
            results=results,
            ruleset=ruleset,
            ruleset_hash=ruleset_hash,
            selection=selection,
            started_at=started_at,
            status=status,
            summary=summary,
            total=total,
        )

        replay_job_public.additional_properties = d
        return replay_job_public

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
