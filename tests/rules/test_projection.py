"""The engine's projections: compiled projectors equal ``project``, and path trees keep what a
condition can observe (the decisions themselves: ``tests/rules/test_engine_input.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
import pytest

from app.rules.checklist import Checklist
from app.rules.compiler import rule_expression
from app.rules.engine import checklist_facts
from app.rules.expressions import _read_paths, read_paths
from app.rules.lint import facts_root
from app.rules.projection import NotRows, compile_projector, context_fields, include_tree, path_tree, project
from app.rules.registry import RulesetRegistry
from app.rules.shape import CONTEXT, Leaf, Obj, empty_lists, facts_shape, fill_tree
from benchmarks.corpus import generate

CORPUS = [checklist_facts(Checklist.model_validate(c)) for c in generate(60, seed=777)]

# Data a projector may meet that the schema would refuse (stored facts are not re-validated).
ODD: list[dict[str, Any]] = [
    {},
    {"children": None, "adults": "not a list", "call": ["a", "list"], "scene": 3},
    {
        "children": [None, 1, "x", {"seen": None}, {"seen": False, "extra": 1}],
        "adults": {"__all__": {"roles": []}},
    },
    {"call": {"intel_checks": [{"subject": "child"}, None]}, "actions": {"decisions": None}},
]


def _trees(registry: RulesetRegistry) -> list[tuple[str, Any, int]]:
    found = []
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for hook, program in ruleset.programs.items():
                if program.include is not None:
                    found.append(
                        (f"{ruleset.key} {hook}", program.include, ruleset.document.checklist_schema_version)
                    )
    return found


def test_a_compiled_projector_projects_as_project_does(registry: RulesetRegistry) -> None:
    for where, tree, _ in _trees(registry):
        projector = compile_projector(tree)
        for data in CORPUS + ODD:
            assert projector(data) == project(data, tree), where


def test_a_filling_projector_projects_the_filled_lists(registry: RulesetRegistry) -> None:
    for where, tree, _ in _trees(registry):
        for version in (1, 2):
            projector = compile_projector(tree, fill_tree(version))
            for data in CORPUS + ODD[:1]:
                assert projector(data) == project(empty_lists(data, version), tree), (where, version)


ROOT = facts_shape()


@pytest.mark.parametrize(
    ("condition", "tree"),
    [
        ("len(children) > 0", {"children": {"__all__": {}}}),  # the length, no child's fields
        ("some(children, #.seen == false)", {"children": {"__all__": {"seen": True}}}),
        ("call != null and call.caller_is_child != true", {"call": {"caller_is_child": True}}),
        ("null != scene.carer_consultation", {"scene": {"carer_consultation": {}}}),
        ("some(children, # != null)", {"children": {"__all__": {}}}),
        ("some(children ?? [], #.seen)", {"children": {"__all__": {"seen": True}}}),
        # observed whole: compared, passed on, interpolated, tested beside a tighter operator
        ("filter(adults, #.arrested == true) == []", {"adults": True}),
        ("some(children, # == other)", None),  # ``other`` is not a field: not followed
        (
            "some(children, len(#.roles) > 0 and #.seen == scene)",
            {"children": {"__all__": {"roles": True, "seen": True}}, "scene": True},
        ),
        ("`${scene.carer_consultation}` == 'x'", {"scene": {"carer_consultation": True}}),
        ("scene.carer_consultation != null + 1", {"scene": {"carer_consultation": True}}),
        ("not scene.carer_consultation == null", {"scene": {"carer_consultation": True}}),
        # not followed: an index, a mapped list's members, the root itself
        ("len(adults[0].roles) > 0", None),
        ("some(map(adults, #.checks), #.done)", None),
        ("$root != null", {}),
        ("len(keys($root)) > 0", None),
    ],
)
def test_path_trees_keep_what_a_condition_can_observe(condition: str, tree: Any) -> None:
    assert path_tree(condition, ROOT) == tree


def test_include_trees_fall_back_to_names_where_paths_are_not_followed() -> None:
    by_name = include_tree(["len(adults[0].roles) > 0"])
    assert by_name == {"adults": {"__all__": {"roles": True}}}
    both = include_tree(["len(adults[0].roles) > 0", "len(children) > 0"])
    assert both == {"adults": {"__all__": {"roles": True}}, "children": {"__all__": {}}}


def _as_rows(projected: dict[str, Any], fields: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """``projected`` with the elements of each rows list as the values of its fields, in order."""
    for path, order in fields.items():
        *parents, name = path.split(".")
        node: Any = projected
        for step in parents:
            node = node.get(step) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get(name), list):
            node[name] = [[item.get(f) for f in order] for item in node[name]]
    return projected


def _present(projected: Any, tree: Any, presence: frozenset[str], path: str = "") -> Any:
    """``projected`` with each object of which ``tree`` keeps no field, and each leaf of
    ``presence``, as ``true``."""
    if path in presence:
        return True
    if not isinstance(tree, dict):
        return projected
    if isinstance(projected, list):
        item = tree.get("__all__")
        if not isinstance(item, dict):
            return projected
        return [_present(v, item, presence, f"{path}[]") for v in projected]
    if isinstance(projected, dict):
        if not tree:
            return True
        return {
            k: _present(v, tree.get(k), presence, f"{path}.{k}".lstrip(".")) for k, v in projected.items()
        }
    return projected


def _without_some_fields(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every other field of each child and adult absent (stored facts of an older
    form): the rows projector then reads each field on its own."""
    out = dict(data)
    for name in ("children", "adults"):
        if isinstance(out.get(name), list):
            out[name] = [{k: v for i, (k, v) in enumerate(item.items()) if i % 2} for item in out[name]]
    return out


def test_a_rows_projector_gives_each_element_as_its_fields_values_in_order(registry: RulesetRegistry) -> None:
    checked = 0
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            for hook, program in ruleset.programs.items():
                rows = program.rows()
                if rows is None or program.include is None:
                    continue
                checked += 1
                for data in CORPUS + [_without_some_fields(d) for d in CORPUS[:10]]:
                    present = _present(project(data, program.include), program.include, rows.presence)
                    expected = _as_rows(present, rows.fields)
                    # rows come as tuples: compared as the JSON text ZEN reads
                    assert orjson.dumps(rows.projector(data)) == orjson.dumps(expected), (ruleset.key, hook)
    assert checked > 20


def test_a_rows_projector_refuses_an_element_that_is_not_an_object(registry: RulesetRegistry) -> None:
    program = registry.get("concern-for-a-child", "1.0.0").program("scene.depart")
    rows = program.rows()
    assert rows is not None
    assert "children" in rows.fields
    for odd in (None, 1, "x", ["a"]):
        with pytest.raises(NotRows):
            rows.projector({"children": [{"seen": True}, odd]})


@pytest.mark.parametrize(
    ("conditions", "fields"),
    [
        (["len(children) > 0"], frozenset()),
        (["context.as_of != null", "d(context.as_of).isAfter(d('2020-01-01'))"], frozenset({"as_of"})),
        (["context.hook in ['a']", "context.as_of != null"], frozenset({"hook", "as_of"})),
        (["context['as_of'] != null"], None),  # an index: not followed
        (["context != null"], frozenset()),  # only whether it is there: it always is
        (["context == other"], None),  # not followed
        (["string(context) != ''"], None),
        (["$root != null", "len(keys($root)) > 0"], None),
        (["[context] != []"], None),  # observed whole
    ],
)
def test_context_fields_are_those_a_condition_can_observe(conditions: list[str], fields: Any) -> None:
    assert context_fields(conditions, ROOT) == fields


def test_a_program_reads_only_its_context_fields(registry: RulesetRegistry) -> None:
    ruleset = registry.get("concern-for-a-child", "1.0.0")
    assert ruleset.program("scene.arrival").context == frozenset()
    assert ruleset.program("scene.arrest").context == frozenset({"as_of"})


@pytest.mark.parametrize(
    ("condition", "tested"),
    [
        ("some(adults, #.full_name != null)", {"adults[].full_name"}),
        ("null == scene.carer_consultation.consulted_at", {"scene.carer_consultation.consulted_at"}),
        ("some(adults, #.full_name != null and #.full_name == 'x')", set()),  # compared too
        ("some(adults, #.age != null and #.age < 18)", set()),
        ("some(adults, #.full_name != null + 1)", set()),  # not a null test: ``+`` binds tighter
        ("missing.exploitation_indicators != null", set()),  # a list: ``len`` looks into it too
        ("scene.carer_consultation != null", set()),  # an object: ``present``, not a leaf
    ],
)
def test_leaves_only_tested_against_null_are_known(condition: str, tested: set[str]) -> None:
    reads = read_paths(condition, ROOT)
    assert reads is not None
    assert reads.tested == tested


def test_remembered_reads_are_a_fresh_parse_s_and_kept_per_root(registry: RulesetRegistry) -> None:
    for ruleset_id in registry.ids():
        for ruleset in registry.versions(ruleset_id):
            root = facts_root(ruleset.document)
            assert root is facts_root(ruleset.document)  # one root per kind of document
            for rule in ruleset.document.rules:
                condition = rule_expression(rule)
                assert read_paths(condition, root) == _read_paths(condition, root), (ruleset.key, rule.id)
    # Another root (here one where ``context.extra`` exists) is answered for itself, not from memory.
    condition = "context.extra != null"
    assert read_paths(condition, ROOT) is None  # a path the schema does not have
    wider = Obj(ROOT.name, {**ROOT.fields, "context": Obj("context", {**CONTEXT.fields, "extra": Leaf()})})
    reads = read_paths(condition, wider)
    assert reads is not None
    assert reads.tested == {"context.extra"}
