"""The ZEN scanner/parser that proves every field path a condition reads exists in the schema."""

from __future__ import annotations

import pytest

from app.rules.expressions import ExpressionSyntaxError, check_paths, field_paths, tokenize
from app.rules.shape import facts_shape

ROOT = facts_shape()


def problems(expression: str) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in check_paths(expression, ROOT)]


def test_tokenizer_keeps_strings_templates_and_keywords_apart() -> None:
    tokens = tokenize("""a.b == 'x.y' and c not in ["d"] ? `t ${e.f}` : 1.5""")
    assert [(t.kind, t.value) for t in tokens][:8] == [
        ("ident", "a"),
        ("op", "."),
        ("ident", "b"),
        ("op", "=="),
        ("str", "x.y"),
        ("kw", "and"),
        ("ident", "c"),
        ("kw", "not in"),
    ]
    template = next(t for t in tokens if t.kind == "tmpl")
    assert template.parts == ("e.f",)
    assert (tokens[-1].kind, tokens[-1].value) == ("num", "1.5")


def test_number_range_is_not_a_decimal() -> None:
    assert [t.value for t in tokenize("[1..5]")] == ["[", "1", "..", "5", "]"]


@pytest.mark.parametrize(
    "expression",
    [
        "len(children) > 0 or call.children_present == 'yes'",
        "some(children, #.seen == true)",
        "all(adults, #.checks.done == true and #.checks.missing_person != null)",
        "all(adults, some(#.roles, # == 'parent'))",
        "some(call.intel_checks, #.system == 'PNC')",
        "d(context.as_of).diff(d(incident.reported_at), 'hour') < 72",
        "context.hook == 'scene.depart'",
        "children[0].age < 13",
        "children[0]['age'] < 13",
        "filter(children, #.seen == true)[0].age > 1",
        "count(map(children, #.age), # < 13) > 0",
        "$root.incident.type == 'domestic_abuse'",
        "(incident).type == 'x' ?? false",
        "incident.type not in ['a', 'b']",
        "`${incident.reference}` == 'x'",
        "incident.grade_history[0].to_grade == 'closed'",
        "lower(incident.reference) == 'x'",
    ],
)
def test_valid_paths_pass(expression: str) -> None:
    assert problems(expression) == []


def test_typo_at_the_root_is_named() -> None:
    assert problems("incidnt.type == 'x'") == [("incidnt", "unknown field 'incidnt' in the checklist")]


def test_typo_inside_a_closure_names_the_list_item_path() -> None:
    assert problems("some(children, #.sen == true)") == [
        ("children[].sen", "unknown field 'sen' in children[]")
    ]


def test_nested_path_inside_a_closure() -> None:
    assert problems("some(adults, #.checks.dne == true)") == [
        ("adults[].checks.dne", "unknown field 'dne' in adults[].checks")
    ]


def test_nested_closures_rebind_hash_to_the_inner_element() -> None:
    assert problems("some(adults, some(#.roles, # == 'parent') and #.agee > 1)") == [
        ("adults[].agee", "unknown field 'agee' in adults[]")
    ]
    # Inside the inner closure, # is a role (a value), so a field of it is an error.
    assert problems("some(adults, some(#.roles, #.x == 1))")[0][0] == "adults[].roles[].x"


def test_string_literals_are_not_paths() -> None:
    assert problems("incident.type == 'children.nonsense' or incident.type == \"no.such.field\"") == []


def test_method_calls_are_not_fields() -> None:
    assert problems("d(incident.reported_at).isBefore(d(context.as_of)) == true") == []
    assert (
        problems("d(incident.reportd_at).isBefore(d(context.as_of)) == true")[0][0] == "incident.reportd_at"
    )


def test_a_list_read_as_an_object_is_an_error() -> None:
    [(path, message)] = problems("children.seen == true")
    assert path == "children.seen"
    assert "some(children, #.seen)" in message


def test_a_value_has_no_fields() -> None:
    assert problems("incident.reference.length > 1")[0][0] == "incident.reference.length"


def test_closure_over_something_that_is_not_a_list() -> None:
    assert problems("some(incident, #.type == 'x')") == [
        ("incident", "the first argument of some() is not a list")
    ]


def test_hash_outside_a_closure() -> None:
    assert problems("#.seen == true")[0][0] == "#"


def test_template_interpolations_are_checked() -> None:
    assert problems("`${incident.typo}` == 'x'")[0][0] == "incident.typo"


def test_context_is_limited_to_hook_and_as_of() -> None:
    assert problems("context.now == null")[0][0] == "context.now"


@pytest.mark.parametrize("expression", ["d() > d(context.as_of)", "d('now') > 1", "date('Today') > 1"])
def test_wall_clock_is_rejected(expression: str) -> None:
    assert "wall clock" in problems(expression)[0][1]


def test_field_paths_lists_what_a_condition_reads() -> None:
    paths = field_paths("some(adults, #.checks.done == true) and incident.type == 'x'", ROOT)
    assert {"adults[].checks.done", "incident.type"} <= paths


@pytest.mark.parametrize("expression", ["a ==", "(a", "'open", "a ~ b"])
def test_unreadable_expressions_raise(expression: str) -> None:
    with pytest.raises(ExpressionSyntaxError):
        check_paths(expression, ROOT)
