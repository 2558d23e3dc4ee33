"""Static checks at load time: each broken rule is refused with file, rule id and field named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.rules.errors import RulesetCheckError, RulesetLoadError
from app.rules.lint import sample_facts
from app.rules.registry import RulesetRegistry, load_file
from tests.rules.helpers import REFERENCE, condition_rule, language_rule, write_ruleset


def refused(tmp_path: Path, *rules: dict[str, Any]) -> RulesetCheckError:
    path = write_ruleset(tmp_path, list(rules))
    with pytest.raises(RulesetCheckError) as caught:
        load_file(path)
    return caught.value


def only_problem(error: RulesetCheckError) -> str:
    assert len(error.problems) == 1, [str(p) for p in error.problems]
    return str(error.problems[0])


def test_a_sound_rule_set_loads(tmp_path: Path) -> None:
    ruleset = load_file(write_ruleset(tmp_path, [condition_rule(), language_rule()]))
    assert [r.id for r in ruleset.document.rules] == ["T-SEEN", "T-LANG"]


def test_misspelt_field_names_file_rule_field_and_path(tmp_path: Path) -> None:
    error = refused(tmp_path, condition_rule(met_if="all(children, #.sen == true)"))
    message = only_problem(error)
    assert str(tmp_path / "test-rules" / "1.0.0.yaml") in message
    assert "rule T-SEEN: met_if: children[].sen" in message
    assert (error.rule_id, error.field) == ("T-SEEN", "met_if")


def test_misspelt_nested_field_in_a_language_rule_condition(tmp_path: Path) -> None:
    error = refused(tmp_path, language_rule(applies_if="some(children, #.agee < 13)"))
    assert "rule T-LANG: applies_if: children[].agee" in only_problem(error)


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    error = refused(
        tmp_path,
        condition_rule("T-ONE", applies_if="len(childrn) > 0"),
        condition_rule("T-TWO", missing_if="incident.tpye == 'x'"),
    )
    assert {(p.rule_id, p.field) for p in error.problems} == {
        ("T-ONE", "applies_if"),
        ("T-TWO", "missing_if"),
    }


def test_path_and_runtime_problems_of_different_rules_are_all_reported(tmp_path: Path) -> None:
    error = refused(
        tmp_path,
        condition_rule("T-ONE", met_if="all(children, #.sen == true)"),
        condition_rule("T-TWO", applies_if="len(call.intel_checks) > 0"),
    )
    messages = [str(p) for p in error.problems]
    assert len(messages) == 2
    assert "rule T-ONE: met_if: children[].sen" in messages[0]
    assert "rule T-TWO: applies_if: raises on the minimal checklist: Opcode CallFunction" in messages[1]


def test_condition_that_does_not_compile(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, condition_rule(met_if="all(children, #.seen == true")))
    assert "rule T-SEEN: met_if: does not compile" in message
    assert "block scalars" in message  # the usual cause: ` #` starts a YAML comment


def test_duplicate_rule_ids(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, condition_rule(), condition_rule()))
    assert "rule T-SEEN: id: rule id is not unique" in message


def test_unknown_step(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, condition_rule(step="CFC-NO-SUCH-STEP")))
    assert "rule T-SEEN: step: unknown step id 'CFC-NO-SUCH-STEP'" in message


@pytest.mark.parametrize("hook", ["scene.leave", "audit.replay"])
def test_unknown_or_reserved_hook(tmp_path: Path, hook: str) -> None:
    message = only_problem(refused(tmp_path, condition_rule(hooks=[hook])))
    assert f"rule T-SEEN: hooks: unknown hook '{hook}'" in message


def test_unverified_step_needs_an_unverified_reference(tmp_path: Path) -> None:
    rule = condition_rule(step="CARE-CARER-DISQUALIFIERS")
    message = only_problem(refused(tmp_path, rule))
    assert "rule T-SEEN: references: step CARE-CARER-DISQUALIFIERS rests on an unverified source" in message
    rule["references"] = [REFERENCE, {**REFERENCE, "verified": False}]
    load_file(write_ruleset(tmp_path, [rule]))


def test_condition_that_raises_on_absent_data(tmp_path: Path) -> None:
    # ZEN raises on null in `and`: with a bare child (nothing recorded) #.seen is null.
    message = only_problem(refused(tmp_path, condition_rule(met_if="all(children, #.seen and #.identified)")))
    assert "rule T-SEEN: met_if: raises on the sparse checklist" in message


def test_condition_that_raises_on_an_absent_list(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, condition_rule(applies_if="len(call.intel_checks) > 0")))
    assert "rule T-SEEN: applies_if: raises on the minimal checklist" in message


def test_condition_that_is_not_a_boolean(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, condition_rule(applies_if="len(children)")))
    assert "rule T-SEEN: applies_if: returns float" in message


def test_condition_reading_the_wall_clock(tmp_path: Path) -> None:
    rule = condition_rule(missing_if="d(incident.reported_at).diff(d(), 'hour') > 72")
    assert "rule T-SEEN: missing_if: d(): reads the wall clock" in only_problem(refused(tmp_path, rule))


def test_language_rule_excluding_a_field_that_is_not_free_text(tmp_path: Path) -> None:
    message = only_problem(refused(tmp_path, language_rule(exclude_fields=["children[].age"])))
    assert "rule T-LANG: exclude_fields: children[].age: not a free-text field" in message


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ({"suggestion": "x"}, "exactly one of `phrase`, `pattern` or `words`"),
        ({"phrase": "a", "pattern": "a", "suggestion": "x"}, "exactly one of `phrase`, `pattern` or `words`"),
        ({"pattern": "(unclosed", "suggestion": "x"}, "pattern does not compile"),
        ({"pattern": "a*", "suggestion": "x"}, "matches the empty string"),
        ({"pattern": "(?P<name>a)", "suggestion": "x"}, "named groups"),
    ],
)
def test_bad_terms_are_refused_with_the_rule_named(
    tmp_path: Path, term: dict[str, Any], expected: str
) -> None:
    path = write_ruleset(tmp_path, [language_rule(terms=[term])])
    with pytest.raises(RulesetLoadError) as caught:
        load_file(path)
    assert any(p.startswith("rule T-LANG: terms.0") and expected in p for p in caught.value.problems)


def test_unknown_rule_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesetLoadError) as caught:
        load_file(write_ruleset(tmp_path, [condition_rule(kind="python")]))
    assert any("rule T-SEEN" in p for p in caught.value.problems)


def test_service_refuses_a_broken_rule_set_at_startup(tmp_path: Path) -> None:
    write_ruleset(tmp_path, [condition_rule(met_if="all(children, #.sen == true)")])
    with pytest.raises(RulesetCheckError):
        RulesetRegistry.load(tmp_path)


def test_synthetic_checklists_cover_absent_bare_and_filled_data() -> None:
    samples = sample_facts()
    assert set(samples) == {"minimal", "sparse", "all-true", "all-false"}
    assert samples["minimal"]["children"] == []
    [bare] = samples["sparse"]["children"]
    assert bare["id"]
    assert bare["seen"] is None
    assert all(child["seen"] is True for child in samples["all-true"]["children"])
    assert all(child["seen"] is False for child in samples["all-false"]["children"])
    assert samples["all-true"]["children"][0]["age"] <= 17  # bounds of the schema are respected


def test_built_in_rule_sets_pass_every_static_check() -> None:
    assert RulesetRegistry.load().ids()


def test_context_history_is_refused_without_history_1(tmp_path: Path) -> None:
    error = refused(
        tmp_path, condition_rule(applies_if="some(context.history.children ?? [], #.injuries > 0)")
    )
    assert "context.history: only a rule set with `history: 1`" in only_problem(error)


def test_history_fields_are_checked_and_conditions_cope_without_history(tmp_path: Path) -> None:
    from tests.rules.semantics2 import due_rule

    def history_set(applies_if: str) -> Path:
        path = write_ruleset(tmp_path, [due_rule(applies_if=applies_if)])
        text = path.read_text("utf-8").replace(
            "changelog: Test.", "changelog: Test.\nsemantics: 2\nhistory: 1"
        )
        path.write_text(text, "utf-8")
        return path

    ok = history_set("some(context.history.children ?? [], #.linked == true and #.injuries >= 1)")
    assert load_file(ok).document.history == 1
    with pytest.raises(RulesetCheckError) as caught:
        load_file(history_set("some(context.history.children ?? [], #.injurys >= 1)"))
    assert "injurys" in str(caught.value)
    with pytest.raises(RulesetCheckError) as caught:
        load_file(history_set("context.history.address.domestic_12m > 1"))  # null > 1 raises in ZEN
    assert "raises on the" in str(caught.value)
