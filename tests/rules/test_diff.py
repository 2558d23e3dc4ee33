"""Diffs between rule-set versions: rules added, removed and changed, grouped by step."""

from __future__ import annotations

from typing import Any

from app.rules.diff import ChangeCategory, RulesetDiff, diff_rulesets
from tests.synthetic_rulesets import REFERENCE, compiled, document, rule

VOICE = "CFC-VOICE-OF-CHILD"


def diff_with(rules: list[dict[str, Any]], **fields: Any) -> RulesetDiff:
    old = compiled(document("1.0.0"))
    new = compiled(document("1.1.0", rules=rules, **fields))
    return diff_rulesets(old, new)


def base_rules(**voice: Any) -> list[dict[str, Any]]:
    return [
        rule("CFC-IDENTIFY-ALL-CHILDREN", severity="critical"),
        rule(VOICE, **voice),
        rule("CFC-SEE-EVERY-CHILD", severity="critical"),
    ]


def test_identical_rules_give_an_empty_diff() -> None:
    diff = diff_with(base_rules())
    assert diff.steps == ()
    assert (diff.summary.added, diff.summary.removed, diff.summary.changed) == (0, 0, 0)
    assert diff.summary.unchanged == 3
    assert diff.from_ruleset.version == "1.0.0"
    assert diff.to_ruleset.version == "1.1.0"
    assert diff.from_ruleset.hash != diff.to_ruleset.hash  # version and changelog differ
    assert {c.field for c in diff.ruleset_changes} == {"version", "changelog"}


def test_a_severity_change_names_the_field_with_before_and_after() -> None:
    diff = diff_with(base_rules(severity="critical", severity_reason="Statutory duty, s46(3)(d)."))
    change = diff.rule_change(VOICE)
    assert change is not None
    assert change.categories == (ChangeCategory.severity,)
    by_field = {c.field: c for c in change.changes}
    assert (by_field["severity"].before, by_field["severity"].after) == ("high", "critical")
    assert by_field["severity_reason"].before is None
    assert [s.step_id for s in diff.steps] == [VOICE]
    assert diff.summary.changed == 1


def test_condition_hook_citation_and_text_changes_are_categorised() -> None:
    cited = {"document": "VKPP Voice of the Child", "section": "Briefing", "verified": False}
    diff = diff_with(
        base_rules(
            missing_if="some(children, #.spoken_to == false and #.not_spoken_to_reason == null)",
            hooks=["scene.assessment", "scene.depart", "pp.lifecycle"],
            references=[REFERENCE, cited],
            message="A child has not been spoken to and no reason is recorded.",
            action="Speak to each child, or record why not.",
        )
    )
    change = diff.rule_change(VOICE)
    assert change is not None
    assert set(change.categories) == {
        ChangeCategory.conditions,
        ChangeCategory.hooks,
        ChangeCategory.citations,
        ChangeCategory.text,
    }
    by_field = {c.field: c for c in change.changes}
    assert set(by_field) == {"missing_if", "hooks", "references", "message", "action"}
    assert by_field["hooks"].added == ("pp.lifecycle",)
    assert by_field["hooks"].removed == ()
    assert by_field["references"].added == ({**cited, "url": None},)
    assert "not_spoken_to_reason" in str(by_field["missing_if"].after)


def test_added_and_removed_rules_are_grouped_under_their_steps() -> None:
    split = rule(f"{VOICE}.police-protection", VOICE, severity="critical", hooks=["pp.lifecycle"])
    diff = diff_with([*base_rules(), split])
    (step,) = diff.steps
    assert step.step_id == VOICE
    assert [r.rule_id for r in step.added] == [f"{VOICE}.police-protection"]
    assert step.added[0].severity == "critical"
    assert step.added[0].hooks == ("pp.lifecycle",)
    assert step.changed == ()
    removed = diff_rulesets(compiled(document("1.1.0")), compiled(document("1.0.0", rules=[rule(VOICE)])))
    assert [(s.step_id, [r.rule_id for r in s.removed]) for s in removed.steps] == [
        ("CFC-IDENTIFY-ALL-CHILDREN", ["CFC-IDENTIFY-ALL-CHILDREN"]),
        ("CFC-SEE-EVERY-CHILD", ["CFC-SEE-EVERY-CHILD"]),
    ]
    assert removed.summary.removed == 2


def test_a_rule_moved_to_another_step_is_shown_under_its_new_step() -> None:
    diff = diff_with(base_rules(step="PP-INFORM-CHILD-WISHES"))
    (step,) = diff.steps
    assert step.step_id == "PP-INFORM-CHILD-WISHES"
    (change,) = step.changed
    assert change.categories == (ChangeCategory.step,)
    assert (change.changes[0].before, change.changes[0].after) == (VOICE, "PP-INFORM-CHILD-WISHES")


def test_steps_come_in_vocabulary_order() -> None:
    diff = diff_with(
        [
            rule("CFC-IDENTIFY-ALL-CHILDREN", severity="low"),
            rule(VOICE, severity="low"),
            rule("CFC-SEE-EVERY-CHILD", severity="low"),
            rule("CR-ASK-CHILDREN-PRESENT", hooks=["call.intake"]),
        ]
    )
    assert [s.step_id for s in diff.steps] == [
        "CR-ASK-CHILDREN-PRESENT",
        "CFC-IDENTIFY-ALL-CHILDREN",
        "CFC-SEE-EVERY-CHILD",
        VOICE,
    ]


def test_lifecycle_fields_show_as_rule_set_changes() -> None:
    old = compiled(document("1.0.0"))
    closed = compiled(document("1.0.0", status="retired", effective_to="2026-01-01"))
    diff = diff_rulesets(old, closed)
    assert diff.steps == ()
    assert {(c.field, c.before, c.after) for c in diff.ruleset_changes} == {
        ("status", "published", "retired"),
        ("effective_to", None, "2026-01-01"),
    }
    assert diff.from_ruleset.hash == diff.to_ruleset.hash
