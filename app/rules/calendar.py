"""Engine-computed times over pinned calendars (semantics 2): e.g. "before the next school day".

A rule set declares named times (``times:``, see ``NextWorkingDay`` in ``app/rules/model.py``); the
engine computes them from the checklist and gives them to conditions as ``context.times.<name>``
(ISO 8601 in UTC, or null). The calendars they count working days on ship beside the rule-set version
(``<version>.calendars/<name>.yaml``) and are part of its content hash, so a decision replays with
exactly the holidays it was made with; nothing here reads the clock, the network or a holiday library.

Calendar files are generated at authoring time by ``safesteps rules calendar`` (from the ``holidays``
package, a development dependency) and committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.rules.model import Calendar, NextWorkingDay

ReadTime = Callable[[tuple[str, ...]], datetime | None]  # a checklist path -> the aware time there, if any


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """Monday to Friday except a calendar's holidays, within the calendar's validity."""

    holidays: frozenset[date]
    valid_from: date
    valid_to: date

    @classmethod
    def of(cls, calendar: Calendar) -> WorkingDays:
        return cls(frozenset(h.date for h in calendar.holidays), calendar.valid_from, calendar.valid_to)

    def is_working(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def days_from(self, day: date) -> Iterator[date]:
        """Every working day from ``day`` on, up to the end of the calendar."""
        while day <= self.valid_to:
            if self.is_working(day):
                yield day
            day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DerivedTime:
    name: str
    after: tuple[str, ...]
    at: time
    zone: ZoneInfo
    days: WorkingDays
    count: int

    def compute(self, after: datetime | None) -> str | None:
        """The ``count``-th working day's local ``at`` strictly after ``after`` (ISO 8601, UTC)."""
        if after is None:
            return None
        try:
            local = after.astimezone(self.zone)
        except OverflowError:  # the calendar's first or last hours, out of the zone's reach: no day in it
            return None
        if local.date() < self.days.valid_from:
            return None
        seen = 0
        for day in self.days.days_from(local.date()):
            moment = datetime.combine(day, self.at, tzinfo=self.zone)
            if moment > local:
                seen += 1
                if seen == self.count:
                    return moment.astimezone(UTC).isoformat()
        return None  # past the end of the calendar: unknown, not a guess


@dataclass(frozen=True, slots=True)
class TimeTable:
    """A rule set's computed times, ready to evaluate."""

    times: tuple[DerivedTime, ...]

    @classmethod
    def build(cls, specs: Mapping[str, NextWorkingDay], calendars: Mapping[str, Calendar]) -> TimeTable:
        """Raises ``KeyError`` for an unknown calendar and ``ZoneInfoNotFoundError`` for an unknown zone
        (lint reports both first, with the rule set's name)."""
        days = {name: WorkingDays.of(calendar) for name, calendar in calendars.items()}
        return cls(
            tuple(
                DerivedTime(
                    name,
                    tuple(spec.after.split(".")),
                    spec.time_of_day(),
                    ZoneInfo(spec.zone),
                    days[spec.calendar],
                    spec.working_days,
                )
                for name, spec in specs.items()
            )
        )

    def compute(self, read: ReadTime) -> dict[str, str | None]:
        return {t.name: t.compute(read(t.after)) for t in self.times}


def read_json_time(data: Mapping[str, object], path: tuple[str, ...]) -> datetime | None:
    """The aware time at ``path`` in JSON-shaped facts (ISO 8601 text), or None."""
    node: object = data
    for name in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(name)
    if not isinstance(node, str):
        return None
    try:
        value = datetime.fromisoformat(node)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def read_model_time(model: object, path: tuple[str, ...]) -> datetime | None:
    """The aware time at ``path`` in a validated checklist, or None."""
    node = model
    for name in path:
        node = getattr(node, name, None)
        if node is None:
            return None
    return node if isinstance(node, datetime) and node.tzinfo is not None else None
