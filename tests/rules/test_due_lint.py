"""Static checks of the semantics-2 fields: refused under semantics 1, required under 2, sound."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from app.rules.errors import RulesetCheckError
from app.rules.model import RulesetDocument
from tests.rules.helpers import compiled, condition_rule, document, language_rule
from tests.rules.semantics2 import due_rule, plain_rule

CALENDAR = {
    "description": "Test holidays",
    "source": "test",
    "valid_from": "2026-01-01",
    "valid_to": "2027-12-31",
    "holidays": [{"date": "2026-12-25", "name": "Christmas Day"}],
}
TIME = {"kind": "next_working_day", "after": "incident.attended_at", "at": "08:30", "calendar": "test"}


def problems(*rules: dict[str, Any], **overrides: Any) -> set[tuple[str, str]]:
    with pytest.raises(RulesetCheckError) as caught:
        compiled(*rules, **overrides)
    return {(p.rule_id, p.field) for p in caught.value.problems}


def messages(*rules: dict[str, Any], **overrides: Any) -> str:
    with pytest.raises(RulesetCheckError) as caught:
        compiled(*rules, **overrides)
    return str(caught.value)


def test_a_sound_semantics_2_rule_set_compiles() -> None:
    ruleset = compiled(
        due_rule(),
        plain_rule("T-IDENTIFIED"),
        language_rule(hooks_rationale="Wording is checked whenever text is written."),
        condition_rule(
            "T-KNOWN", never_unknown="Always known.", hooks_rationale="At the scene.", applies_if="true"
        ),
        semantics=2,
        blocking_hooks=["scene.depart", "incident.close"],
        times={"school_day": TIME},
        calendars={"test": CALENDAR},
    )
    assert ruleset.document.semantics == 2
    assert ruleset.blocking_hooks == frozenset({"scene.depart", "incident.close"})


def test_semantics_1_refuses_every_semantics_2_field() -> None:
    found = problems(
        due_rule(),
        language_rule(hooks_rationale="Why."),
        blocking_hooks=["scene.depart"],
        times={"school_day": TIME},
        calendars={"test": CALENDAR},
    )
    assert found == {
        ("(rule set)", "blocking_hooks"),
        ("(rule set)", "times"),
        ("(rule set)", "calendars"),
        ("T-SEEN", "hooks_rationale"),
        ("T-SEEN", "due"),
        ("T-SEEN", "message_unknown"),
        ("T-SEEN", "message_not_recorded"),
        ("T-LANG", "hooks_rationale"),
    }
    assert "only under `semantics: 2`" in messages(due_rule())


def test_semantics_2_requires_the_rationale_and_the_text_of_each_outcome() -> None:
    bare = condition_rule()  # no rationale, no unknown text
    language = language_rule()  # no rationale
    due_without_text = due_rule("T-DUE", message_not_recorded=None)
    found = problems(bare, language, due_without_text, semantics=2)
    assert found == {
        ("T-SEEN", "hooks_rationale"),
        ("T-SEEN", "message_unknown"),
        ("T-LANG", "hooks_rationale"),
        ("T-DUE", "message_not_recorded"),
    }


def test_a_never_unknown_rule_needs_no_unknown_text() -> None:
    rule = condition_rule(never_unknown="Always known.", hooks_rationale="At the scene.")
    assert compiled(rule, semantics=2).document.rules[0].message_unknown is None


def test_not_recorded_text_without_a_due_moment_is_refused_as_never_shown() -> None:
    rule = plain_rule("T-IDENTIFIED", message_not_recorded="Never shown.")
    assert problems(rule, semantics=2) == {("T-IDENTIFIED", "message_not_recorded")}
    assert "never shown" in messages(rule, semantics=2)


def test_due_hooks_must_be_hooks_of_the_rule() -> None:
    rule = due_rule(due={"hooks": ["incident.close"]})
    assert problems(rule, semantics=2) == {("T-SEEN", "due.hooks")}
    assert "'incident.close' is not one of the rule's hooks" in messages(rule, semantics=2)


def test_blocking_hooks_must_exist() -> None:
    assert problems(due_rule(), semantics=2, blocking_hooks=["scene.teleport", "audit.replay"]) == {
        ("(rule set)", "blocking_hooks")
    }


def test_a_due_moment_needs_hooks_or_a_time() -> None:
    with pytest.raises(ValidationError, match="give `hooks`, `by` or both"):
        RulesetDocument.model_validate(document(due_rule(due={}), semantics=2))


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("d(incident.reported_at", "does not compile"),
        ("d(incident.reportd_at)", "incident.reportd_at"),
        ("incident.reported_at != null ? 42 : null", "not an ISO 8601 time or null"),
        ('"soon"', "not an ISO 8601 time or null"),
        ("d(incident.reported_at)", "gives 'Invalid date' on the minimal checklist"),  # d(null)
    ],
)
def test_a_due_time_compiles_reads_existing_fields_and_gives_a_time(by: str, expected: str) -> None:
    text = messages(due_rule(due={"by": by}), semantics=2)
    assert "rule T-SEEN: due" in text
    assert expected in text


def test_a_due_time_may_read_the_computed_times() -> None:
    rule = due_rule(due={"by": "context.times.school_day"})
    ruleset = compiled(rule, semantics=2, times={"school_day": TIME}, calendars={"test": CALENDAR})
    assert ruleset.times is not None
    assert "rule T-SEEN: due.by: context.times.schol_day" in messages(
        due_rule(due={"by": "context.times.schol_day"}),
        semantics=2,
        times={"school_day": TIME},
        calendars={"test": CALENDAR},
    )


@pytest.mark.parametrize(
    ("time", "field", "expected"),
    [
        ({"calendar": "nowhere"}, "times.school_day.calendar", "no calendar 'nowhere' (shipped: test)"),
        ({"zone": "Europe/Nowhere"}, "times.school_day.zone", "unknown time zone"),
        ({"after": "incident.atended_at"}, "times.school_day.after", "incident.atended_at"),
        ({"after": "incident.reference"}, "times.school_day.after", "not a recorded time"),
    ],
)
def test_computed_times_name_a_shipped_calendar_a_zone_and_a_recorded_time(
    time: dict[str, str], field: str, expected: str
) -> None:
    text = messages(
        plain_rule("T-IDENTIFIED"),
        semantics=2,
        times={"school_day": {**TIME, **time}},
        calendars={"test": CALENDAR},
    )
    assert f"rule (rule set): {field}:" in text
    assert expected in text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"holidays": [{"date": "2026-12-26", "name": "B"}, {"date": "2026-12-25", "name": "A"}]},
            "date order",
        ),
        ({"holidays": [{"date": "2025-12-25", "name": "Christmas Day"}]}, "between valid_from and valid_to"),
        ({"valid_to": "2025-01-01"}, "valid_to must not be before valid_from"),
    ],
)
def test_a_calendar_is_ordered_and_within_its_validity(change: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        RulesetDocument.model_validate(
            document(plain_rule("T-IDENTIFIED"), semantics=2, calendars={"test": {**CALENDAR, **change}})
        )
