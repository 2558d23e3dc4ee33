"""Engine-computed times over a pinned calendar: "before the next school day" with bank holidays."""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
import zen
from typer.testing import CliRunner

from app.cli import app
from app.commands.calendar import calendar_document, england_and_wales
from app.rules.calendar import TimeTable, read_json_time, read_model_time
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Outcome
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.errors import RulesetCheckError, RulesetLoadError
from app.rules.model import Calendar, NextWorkingDay
from app.rules.registry import calendars_dir, load_file
from tests.rules.helpers import RULESET_ID, as_facts, checklist, compiled, condition_rule, document

FIXTURE = Path(__file__).parent.parent / "fixtures" / "calendars" / "england-and-wales.yaml"
CALENDAR = Calendar.model_validate(yaml.safe_load(FIXTURE.read_text("utf-8")))
SCHOOL_DAY = {
    "kind": "next_working_day",
    "after": "incident.attended_at",
    "at": "08:30",
    "zone": "Europe/London",
    "calendar": "england-and-wales",
}


def school_day(after: datetime | None, **spec: Any) -> str | None:
    table = TimeTable.build(
        {"school_day": NextWorkingDay.model_validate({**SCHOOL_DAY, **spec})}, {"england-and-wales": CALENDAR}
    )
    return table.compute(lambda _: after)["school_day"]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attended", "due"),
    [
        # Friday evening before the August bank holiday (BST): Tuesday 08:30 BST
        (utc(2026, 8, 28, 18), "2026-09-01T07:30:00+00:00"),
        # Christmas Eve: Christmas Day, the weekend and Boxing Day observed (Monday 28th) are skipped
        (utc(2026, 12, 24, 22), "2026-12-29T08:30:00+00:00"),
        # a weekday before 08:30: the same morning
        (utc(2026, 12, 2, 7), "2026-12-02T08:30:00+00:00"),
        # exactly 08:30: strictly after, so the next day
        (utc(2026, 12, 2, 8, 30), "2026-12-03T08:30:00+00:00"),
        # Saturday: Monday
        (utc(2026, 12, 5, 12), "2026-12-07T08:30:00+00:00"),
        # the weekend the clocks go forward (29 March 2026): Monday 08:30 BST
        (utc(2026, 3, 28, 12), "2026-03-30T07:30:00+00:00"),
        # the Platinum Jubilee (2 and 3 June 2022)
        (utc(2022, 6, 1, 12), "2022-06-06T07:30:00+00:00"),
    ],
)
def test_next_school_day_counts_weekends_and_bank_holidays(attended: datetime, due: str) -> None:
    assert school_day(attended) == due


def test_more_working_days_and_other_times_of_day() -> None:
    assert school_day(utc(2026, 12, 2, 12), working_days=2) == "2026-12-04T08:30:00+00:00"
    assert school_day(utc(2026, 12, 2, 12), at="17:00") == "2026-12-02T17:00:00+00:00"


def test_unknown_outside_the_calendar_and_when_nothing_is_recorded() -> None:
    assert school_day(None) is None
    assert school_day(utc(2019, 12, 31, 12)) is None  # before the calendar: holidays not known
    assert school_day(utc(2030, 12, 31, 12)) is None  # the next working day is past its end
    assert school_day(utc(2030, 12, 30, 12)) == "2030-12-31T08:30:00+00:00"
    # The calendar's first hour: before London's earliest offset (-00:01:15) there is no day to count.
    assert school_day(datetime.min.replace(tzinfo=UTC)) is None


ONE_ONE_ZERO = """d(t).tz("Europe/London")
  .add((d(t).tz("Europe/London").weekday() <= 5
      and d(t).tz("Europe/London").hour() * 60 + d(t).tz("Europe/London").minute() < 510) ? 0
    : (d(t).tz("Europe/London").weekday() == 5 ? 3
      : (d(t).tz("Europe/London").weekday() == 6 ? 2 : 1)), "d")
  .startOf("day").add(510, "m")"""


def test_without_holidays_it_agrees_with_the_formula_of_1_1_0() -> None:
    """Every half hour of two weeks without bank holidays or clock changes (winter and summer time)."""
    expression = zen.compile_expression(ONE_ONE_ZERO)
    for start in (utc(2026, 6, 8), utc(2026, 11, 2)):
        for step in range(14 * 48):
            attended = start + timedelta(minutes=30 * step)
            theirs = datetime.fromisoformat(expression.evaluate({"t": attended.isoformat()}))
            ours = school_day(attended)
            assert ours is not None
            assert datetime.fromisoformat(ours) == theirs, attended


def test_a_clock_change_does_not_push_the_school_day_back() -> None:
    """Friday 23:00 before the clocks go forward: Monday. (1.1.0's formula adds three days as 72
    hours, which lands on Tuesday 00:00 BST and gives Tuesday 08:30.)"""
    attended = utc(2026, 3, 27, 23)
    assert school_day(attended) == "2026-03-30T07:30:00+00:00"
    theirs = zen.compile_expression(ONE_ONE_ZERO).evaluate({"t": attended.isoformat()})
    assert datetime.fromisoformat(theirs) == utc(2026, 3, 31, 7, 30)


def test_times_are_read_from_stored_json_and_from_the_model_alike() -> None:
    data = checklist()
    data["incident"]["attended_at"] = "2026-12-05T12:00:00Z"
    model = Checklist.model_validate(data)
    path = ("incident", "attended_at")
    assert read_model_time(model, path) == read_json_time(data, path) == utc(2026, 12, 5, 12)
    assert read_json_time(data, ("incident", "reference")) is None  # not a time
    assert read_json_time({"incident": {"attended_at": "2026-12-05T12:00:00"}}, path) is None  # naive
    assert read_json_time({"incident": "x"}, path) is None
    assert read_model_time(model, ("incident", "reported_at")) is None  # not recorded


def encompass_rule(**overrides: Any) -> dict[str, Any]:
    """Operation Encompass, due before the next school day (1.2.0 style, through context.times)."""
    rule = condition_rule(
        "T-ENCOMPASS",
        step="ENC-NOTIFY-EDUCATION",
        severity="high",
        hooks=["incident.close"],
        applies_if="incident.attended_at != null",
        missing_if=(
            "actions.encompass.sent == false or (actions.encompass.sent_at != null "
            "and context.times.school_day != null "
            "and not d(actions.encompass.sent_at).isBefore(d(context.times.school_day)))"
        ),
        met_if=(
            "actions.encompass.sent_at != null and context.times.school_day != null "
            "and d(actions.encompass.sent_at).isBefore(d(context.times.school_day))"
        ),
        due={"by": "context.times.school_day"},
        message="The notice reached the school after the start of the next school day.",
        message_unknown="No Operation Encompass notice is recorded yet.",
        message_not_recorded="No Operation Encompass notice was recorded before the next school day.",
        hooks_rationale="Checked when the incident closes.",
    )
    rule.update(overrides)
    return rule


def encompass_ruleset() -> CompiledRuleset:
    return compiled(
        encompass_rule(),
        semantics=2,
        times={"school_day": SCHOOL_DAY},
        calendars={"england-and-wales": CALENDAR.model_dump(mode="json")},
    )


def encompass(attended: str, sent: str | None, as_of: datetime) -> tuple[Outcome, str | None]:
    ruleset = encompass_ruleset()
    data = checklist()
    data["incident"]["attended_at"] = attended
    if sent is not None:
        data["actions"] = {"encompass": {"sent_at": sent}}
    decision = evaluate(
        ruleset, as_facts(Checklist.model_validate(data)), EvaluationContext("incident.close", as_of)
    )
    basis = decision.findings[0].basis.value if decision.findings and decision.findings[0].basis else None
    return decision.outcomes["T-ENCOMPASS"], basis


def test_conditions_and_due_moments_read_the_computed_time() -> None:
    friday = "2026-08-28T18:00:00Z"  # due Tuesday 1 September 07:30Z (bank holiday Monday)
    assert encompass(friday, "2026-09-01T07:00:00Z", utc(2026, 9, 1, 9)) == (Outcome.met, None)
    assert encompass(friday, "2026-09-01T08:00:00Z", utc(2026, 9, 1, 9)) == (Outcome.missing, "recorded")
    # nothing sent: unknown over the bank holiday Monday, missing (not recorded) from Tuesday 08:30
    assert encompass(friday, None, utc(2026, 8, 31, 12)) == (Outcome.unknown, None)
    assert encompass(friday, None, utc(2026, 9, 1, 7, 30)) == (Outcome.missing, "not_recorded")


def write_version(root: Path, calendar: Path | None = FIXTURE, **overrides: Any) -> Path:
    data = document(
        encompass_rule(), id=RULESET_ID, semantics=2, times={"school_day": SCHOOL_DAY}, **overrides
    )
    path = root / RULESET_ID / "1.0.0.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    if calendar is not None:
        calendars_dir(path).mkdir(exist_ok=True)
        shutil.copy(calendar, calendars_dir(path) / "england-and-wales.yaml")
    return path


def test_a_version_loads_the_calendars_shipped_beside_it_and_hashes_them(tmp_path: Path) -> None:
    path = write_version(tmp_path)
    ruleset = load_file(path)
    assert ruleset.document.calendars == {"england-and-wales": CALENDAR}
    shipped = calendars_dir(path) / "england-and-wales.yaml"
    text = shipped.read_text("utf-8")
    shipped.write_text(text.replace("2026-12-28", "2026-12-29"), "utf-8")  # move one holiday
    assert load_file(path).hash != ruleset.hash


def test_a_version_without_its_calendar_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesetCheckError, match=r"no calendar .england-and-wales. \(shipped: none\)"):
        load_file(write_version(tmp_path, calendar=None))


def test_inline_calendars_and_broken_calendar_files_are_refused(tmp_path: Path) -> None:
    inline = write_version(tmp_path / "a", calendars={"england-and-wales": CALENDAR.model_dump(mode="json")})
    with pytest.raises(RulesetLoadError, match="ship them as files"):
        load_file(inline)
    broken = tmp_path / "broken.yaml"
    data = yaml.safe_load(FIXTURE.read_text("utf-8"))
    data["holidays"] = list(reversed(data["holidays"]))
    broken.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(
        RulesetLoadError, match=r"calendars\.england-and-wales: Value error, holidays must be in"
    ):
        load_file(write_version(tmp_path / "b", calendar=broken))


def test_the_committed_calendar_is_what_the_holidays_package_says() -> None:
    days, source = england_and_wales(2020, 2030)
    assert CALENDAR == Calendar.model_validate(calendar_document(days, CALENDAR.source, 2020, 2030))
    assert source.startswith("holidays ")
    named = {h.date: h.name for h in CALENDAR.holidays}
    assert date(2022, 9, 19) in named  # the State Funeral of Queen Elizabeth II
    assert date(2023, 5, 8) in named  # the Coronation of King Charles III


def test_the_calendar_command_writes_a_loadable_file(tmp_path: Path) -> None:
    target = tmp_path / "1.2.0.calendars" / "england-and-wales.yaml"
    runner = CliRunner()
    result = runner.invoke(
        app, ["rules", "calendar", str(target), "--first-year", "2026", "--last-year", "2027"]
    )
    assert result.exit_code == 0, result.output
    written = Calendar.model_validate(yaml.safe_load(target.read_text("utf-8")))
    assert (written.valid_from, written.valid_to) == (date(2026, 1, 1), date(2027, 12, 31))
    assert [h for h in CALENDAR.holidays if h.date.year in (2026, 2027)] == list(written.holidays)
    assert target.read_text("utf-8").startswith("# Bank holidays in England and Wales")
    wrong = runner.invoke(app, ["rules", "calendar", str(tmp_path / "other.yaml")])
    assert wrong.exit_code != 0
    backwards = runner.invoke(
        app, ["rules", "calendar", str(target), "--first-year", "2027", "--last-year", "2026"]
    )
    assert backwards.exit_code != 0


def test_stored_and_live_facts_get_the_same_computed_time() -> None:
    ruleset = encompass_ruleset()
    data = checklist()
    data["incident"]["attended_at"] = "2026-12-24T22:00:00Z"
    model = Checklist.model_validate(data)
    stored = Facts.stored(Facts.of(model).input_json(), model.schema_version)
    for as_of in (utc(2026, 12, 28, 12), utc(2026, 12, 29, 9)):
        context = EvaluationContext("incident.close", as_of)
        assert evaluate(ruleset, Facts.of(model), context) == evaluate(ruleset, stored, context)


def test_the_calendar_needs_the_holidays_package_and_refuses_if_the_nations_differ(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import holidays

    real = holidays.country_holidays

    def wales_differs(country: str, subdiv: str, years: Any) -> Any:
        days = real(country, subdiv=subdiv, years=years)
        if subdiv == "WLS":
            days[date(2026, 3, 2)] = "St David's Day"
        return days

    monkeypatch.setattr(holidays, "country_holidays", wales_differs)
    with pytest.raises(typer.Exit):
        england_and_wales(2026, 2026)
    monkeypatch.setitem(sys.modules, "holidays", None)  # as if not installed
    with pytest.raises(typer.Exit):
        england_and_wales(2026, 2026)
