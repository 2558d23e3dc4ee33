"""The one walker over the checklist schema: every field's shape and markers, derived once from the models.

Rules address facts by path (``incident.grade``, ``some(children, #.checks.done)``). Everything that
needs to know the checklist's structure reads it from the shapes built here, never from the Pydantic
models directly, so a field added to the schema is seen by all of them at once:

- the static checks prove that every path a condition uses exists (``app/rules/expressions.py``)
  and build their synthetic checklists (``app/rules/lint.py``) from the leaf kinds and bounds;
- the language check scans every ``free_text`` leaf (``app/rules/language.py``);
- ``Checklist.latest_time`` (the default ``as_of``) reads every ``time`` leaf;
- the version check refuses fields (and enumeration values) newer than a checklist's declared
  ``schema_version`` (``since`` markers), and fills the lists that schema versions before 3 read as
  empty (``null_from``);
- retention erases every ``personal`` leaf (``app/services/retention.py``).

Markers on a leaf: ``free_text`` (a ``FreeText`` field: narratives, notes, accounts), ``personal``
(a string without a pattern, i.e. not an identifier or code, or a date: names, relationships, free
text, dates of birth), ``kind == "time"`` (an event time), ``since`` (the schema version that added
the field), ``values_since`` (enumeration values added after the field). A list's ``null_from`` is
the schema version from which ``null`` means "not recorded" and ``[]`` means "none"; before it, an
absent list is ``[]`` (which then also meant "nothing recorded").
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import AwareDatetime, BaseModel, NaiveDatetime
from pydantic.fields import FieldInfo

from app.rules.checklist import Checklist
from app.rules.checklist_types import ADDED_IN, NULL_LIST_FROM, VALUES_ADDED_IN, FreeText

LeafKind = Literal["any", "text", "bool", "int", "number", "date", "time", "enum"]


@dataclass(frozen=True, slots=True)
class Leaf:
    """A value without fields (text, number, answer, time, enumeration), with its markers."""

    free_text: bool = False
    kind: LeafKind = "any"
    personal: bool = False
    since: int = 1
    values: tuple[str, ...] = ()  # an enumeration's values, in declaration order
    values_since: tuple[tuple[str, int], ...] = ()  # enumeration values added after ``since``
    bounds: tuple[int, int] | None = None  # an integer's ge/le
    default: Any = None  # the value of an optional field left out (JSON form)


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Shape
    since: int = 1
    null_from: int | None = None  # see the module docstring


@dataclass(frozen=True, slots=True)
class Obj:
    name: str
    fields: typing.Mapping[str, Shape]
    since: int = 1
    required: frozenset[str] = field(default_factory=frozenset)


Shape = Leaf | ListOf | Obj

# What the engine adds beside the checklist (``EvaluationContext.facts``).
CONTEXT = Obj("context", {"as_of": Leaf(kind="time"), "hook": Leaf(kind="text")})


def _is_free_text(hint: Any) -> bool:
    if hint is FreeText:
        return True
    if get_origin(hint) is Annotated:
        return bool(get_args(hint) == get_args(FreeText))
    return False


def _markers(info: FieldInfo | None) -> dict[str, Any]:
    extra = info.json_schema_extra if info is not None else None
    return extra if isinstance(extra, dict) else {}


def _constraints(hint: Any) -> list[Any]:
    return [c for meta in get_args(hint)[1:] for c in getattr(meta, "metadata", [meta])]


def _leaf_of(hint: Any, constraints: list[Any]) -> Leaf:
    if hint is AwareDatetime or hint is NaiveDatetime or hint is datetime:
        return Leaf(kind="time")
    if get_origin(hint) is Literal:
        return Leaf(kind="enum", values=tuple(str(v) for v in get_args(hint)))
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return Leaf(kind="enum", values=tuple(str(m.value) for m in hint))
        if issubclass(hint, bool):
            return Leaf(kind="bool")
        if issubclass(hint, int):
            low = next((int(c.ge) for c in constraints if isinstance(getattr(c, "ge", None), int)), 0)
            high = next((int(c.le) for c in constraints if isinstance(getattr(c, "le", None), int)), 1000)
            return Leaf(kind="int", bounds=(low, high))
        if issubclass(hint, float):
            return Leaf(kind="number")
        if issubclass(hint, date):
            return Leaf(kind="date", personal=True)  # a date of birth; event times are datetimes
        if issubclass(hint, str):
            identifier = any(getattr(c, "pattern", None) for c in constraints)
            return Leaf(kind="text", personal=not identifier)
    return Leaf()


def shape_of(hint: Any, seen: tuple[type, ...] = (), constraints: tuple[Any, ...] = ()) -> Shape:
    """The shape of a type hint (with ``Annotated`` extras kept), without field markers."""
    if _is_free_text(hint):
        return Leaf(free_text=True, kind="text", personal=True)
    origin = get_origin(hint)
    if origin is Annotated:
        return shape_of(get_args(hint)[0], seen, (*constraints, *_constraints(hint)))
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        shapes = [shape_of(a, seen, constraints) for a in options]
        if len(shapes) == 1:
            return shapes[0]
        if any(isinstance(s, Leaf) and s.free_text for s in shapes):
            return Leaf(free_text=True, kind="text", personal=True)
        return Leaf()
    if origin in (list, tuple, set, frozenset):
        args = [a for a in get_args(hint) if a is not Ellipsis]
        return ListOf(shape_of(args[0], seen) if args else Leaf())
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        if hint in seen:  # a recursive model: stop checking below this point
            return Leaf()
        hints = get_type_hints(hint, include_extras=True)
        fields = {
            name: _with_markers(shape_of(hints[name], (*seen, hint)), info)
            for name, info in hint.model_fields.items()
        }
        required = frozenset(name for name, info in hint.model_fields.items() if info.is_required())
        return Obj(hint.__name__, fields, required=required)
    return _leaf_of(hint, list(constraints))


def _with_markers(shape: Shape, info: FieldInfo) -> Shape:
    """The field's shape with the markers its declaration carries (``since``, values, null lists)."""
    markers = _markers(info)
    since = int(markers.get(ADDED_IN, 1))
    if isinstance(shape, Obj):
        return Obj(shape.name, shape.fields, since, shape.required)
    if isinstance(shape, ListOf):
        item = shape.item
        values = markers.get(VALUES_ADDED_IN)
        if isinstance(item, Leaf) and values:
            item = _leaf_with(item, 1, values, None)
        null_from = markers.get(NULL_LIST_FROM)
        return ListOf(item, since, int(null_from) if null_from is not None else None)
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    if isinstance(default, Enum):
        default = default.value
    return _leaf_with(shape, since, markers.get(VALUES_ADDED_IN) or {}, default)


def _leaf_with(leaf: Leaf, since: int, values_since: Mapping[str, int], default: Any) -> Leaf:
    return Leaf(
        free_text=leaf.free_text,
        kind=leaf.kind,
        personal=leaf.personal,
        since=since,
        values=leaf.values,
        values_since=tuple(sorted((str(k), int(v)) for k, v in values_since.items())),
        bounds=leaf.bounds,
        default=default,
    )


@cache
def checklist_shape(model: type[BaseModel] = Checklist) -> Obj:
    root = shape_of(model)
    assert isinstance(root, Obj)
    return root


@cache
def facts_shape(model: type[BaseModel] = Checklist) -> Obj:
    """The root the engine evaluates over: the checklist's fields plus ``context``."""
    root = checklist_shape(model)
    return Obj("facts", {**root.fields, "context": CONTEXT}, required=root.required)


# ---- leaf paths: where the leaves with a marker are, precomputed for fast walks --------------------


@dataclass(frozen=True, slots=True)
class FreeTextPaths:
    """A tree of the places leaves with some marker can be: fields here, lists and objects below.

    (Named for its first use, free text; ``time_paths`` and ``personal_paths`` use it too.)
    """

    fields: tuple[str, ...]
    children: tuple[tuple[str, bool, FreeTextPaths], ...]  # (field, is_list, below)

    def __bool__(self) -> bool:
        return bool(self.fields or self.children)


LeafPaths = FreeTextPaths


def _leaf_paths(shape: Obj, wanted: Callable[[Leaf], bool]) -> LeafPaths:
    fields: list[str] = []
    children: list[tuple[str, bool, LeafPaths]] = []
    for name, sub in shape.fields.items():
        is_list = isinstance(sub, ListOf)
        inner = sub.item if isinstance(sub, ListOf) else sub
        if isinstance(inner, Leaf):
            if wanted(inner):
                if is_list:
                    children.append((name, True, LeafPaths(("",), ())))
                else:
                    fields.append(name)
        else:
            below = _leaf_paths(inner, wanted) if isinstance(inner, Obj) else None
            if below:
                children.append((name, is_list, below))
    return LeafPaths(tuple(fields), tuple(children))


@cache
def free_text_paths(model: type[BaseModel] = Checklist) -> LeafPaths:
    return _leaf_paths(checklist_shape(model), lambda leaf: leaf.free_text)


@cache
def time_paths(model: type[BaseModel] = Checklist) -> LeafPaths:
    return _leaf_paths(checklist_shape(model), lambda leaf: leaf.kind == "time")


@cache
def personal_paths(model: type[BaseModel] = Checklist) -> LeafPaths:
    return _leaf_paths(checklist_shape(model), lambda leaf: leaf.personal)


def _members(node: Any) -> Mapping[str, Any] | None:
    """The fields of a node, whether JSON-shaped data or a validated model."""
    if type(node) is dict:
        return node
    if isinstance(node, BaseModel):
        return node.__dict__
    return None


def iter_free_text(data: Any, paths: LeafPaths, prefix: str = "") -> list[tuple[str, str]]:
    """Every non-empty string at ``paths`` in JSON-shaped facts, with its path (``narratives[2].text``).

    On the hot path of every evaluation with a language rule: a plain loop over the precomputed
    paths, with no work below an absent section.
    """
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, LeafPaths, str]] = [(data, paths, prefix)]
    while stack:
        node, here, where = stack.pop()
        if type(node) is not dict:
            continue
        for name in here.fields:
            value = node.get(name)
            if value and type(value) is str:
                found.append((f"{where}.{name}" if where else name, value))
        for name, is_list, below in reversed(here.children):
            value = node.get(name)
            if not value:
                continue
            path = f"{where}.{name}" if where else name
            if not is_list:
                stack.append((value, below, path))
            elif below.fields == ("",):  # a list of strings
                found.extend(
                    (f"{path}[{i}]", item) for i, item in enumerate(value) if item and type(item) is str
                )
            elif type(value) is list:
                stack.extend((item, below, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))
    return found


def leaf_values(node: Any, paths: LeafPaths) -> Iterator[Any]:
    """Every non-null value at ``paths`` below ``node`` (a model or JSON-shaped data), no paths built."""
    stack: list[tuple[Any, LeafPaths]] = [(node, paths)]
    while stack:
        here, where = stack.pop()
        members = _members(here)
        if members is None:
            continue
        for name in where.fields:
            value = members.get(name)
            if value is not None:
                yield value
        for name, is_list, below in where.children:
            value = members.get(name)
            if value is None:
                continue
            if not is_list:
                stack.append((value, below))
            elif below.fields == ("",):
                yield from (item for item in value if item is not None)
            else:
                stack.extend((item, below) for item in value)


def latest_time(checklist: BaseModel) -> datetime | None:
    """The latest time recorded anywhere in a checklist (a validated model): the default ``as_of``."""
    return max(
        (v for v in leaf_values(checklist, time_paths(type(checklist))) if isinstance(v, datetime)),
        default=None,
    )


def erase(data: Any, paths: LeafPaths, pointer: str, erased: list[str]) -> None:
    """Set every non-null value at ``paths`` in JSON-shaped ``data`` to null; record JSON pointers.

    A list of such values (e.g. a list of free-text strings) is erased as a whole.
    """
    members = data if type(data) is dict else None
    if members is None:
        return
    for name in paths.fields:
        if members.get(name) is not None:
            members[name] = None
            erased.append(f"{pointer}/{name}")
    for name, is_list, below in paths.children:
        value = members.get(name)
        if value is None:
            continue
        if not is_list:
            erase(value, below, f"{pointer}/{name}", erased)
        elif below.fields == ("",):
            members[name] = None
            erased.append(f"{pointer}/{name}")
        elif type(value) is list:
            for index, item in enumerate(value):
                erase(item, below, f"{pointer}/{name}/{index}", erased)


def schema_paths(paths: LeafPaths, prefix: str = "", sep: str = ".") -> Iterator[str]:
    """The schema paths of a leaf-path tree: ``children[].account`` (or ``/children/account``)."""
    for name in paths.fields:
        yield f"{prefix}{sep}{name}" if prefix and name else (name or prefix)
    for name, is_list, below in paths.children:
        where = (f"{prefix}{sep}{name}" if prefix else name) + ("[]" if is_list and sep == "." else "")
        yield from schema_paths(below, where, sep)


# ---- versions: fields newer than a checklist's schema version, and lists read as empty ------------


@dataclass(frozen=True, slots=True)
class VersionTree:
    """Where fields or enumeration values newer than some version can be, or where lists must be filled.

    ``fields``: (name, version, values): the field is refused when set if ``version`` (the schema
    version that added it) is not 0, else only the enumeration ``values`` (value -> version) are;
    ``children``: (field, is_list, below).
    """

    fields: tuple[tuple[str, int, Mapping[str, int]], ...]
    children: tuple[tuple[str, bool, VersionTree], ...]

    def __bool__(self) -> bool:
        return bool(self.fields or self.children)


def _newer(shape: Obj, version: int) -> VersionTree:
    fields: list[tuple[str, int, Mapping[str, int]]] = []
    children: list[tuple[str, bool, VersionTree]] = []
    for name, sub in shape.fields.items():
        if sub.since > version:
            fields.append((name, sub.since, {}))
            continue
        is_list = isinstance(sub, ListOf)
        inner = sub.item if isinstance(sub, ListOf) else sub
        if isinstance(inner, Leaf):
            newer_values = {v: since for v, since in inner.values_since if since > version}
            if newer_values:
                fields.append((name, 0, newer_values))
        elif isinstance(inner, Obj):
            below = _newer(inner, version)
            if below:
                children.append((name, is_list, below))
    return VersionTree(tuple(fields), tuple(children))


@cache
def newer_tree(version: int, model: type[BaseModel] = Checklist) -> VersionTree:
    return _newer(checklist_shape(model), version)


def newer_fields(node: BaseModel, version: int) -> list[tuple[str, int]]:
    """Fields set in ``node``, or enumeration values used, that schema ``version`` lacks: each with
    the schema version that added it (``("call.intel_checks[0].subject = vehicle", 3)``)."""
    found: list[tuple[str, int]] = []
    _find_newer(node, newer_tree(version, type(node)), "", found)
    return found


def _find_newer(node: Any, tree: VersionTree, path: str, found: list[tuple[str, int]]) -> None:
    if not isinstance(node, BaseModel):
        return
    values = node.__dict__
    for name, since, refused in tree.fields:
        value = values.get(name)
        where = f"{path}.{name}" if path else name
        if since:
            if name in node.model_fields_set and value not in (None, []):
                found.append((where, since))
            continue
        items = value if isinstance(value, list) else [value]
        used = sorted({str(getattr(v, "value", v)) for v in items} & refused.keys())
        found.extend((f"{where} = {v}", refused[v]) for v in used)
    for name, is_list, below in tree.children:
        value = values.get(name)
        where = f"{path}.{name}" if path else name
        if is_list and isinstance(value, list):
            for i, item in enumerate(value):
                _find_newer(item, below, f"{where}[{i}]", found)
        elif not is_list:
            _find_newer(value, below, where, found)


def _lists_to_fill(shape: Obj, version: int) -> VersionTree:
    fields: list[tuple[str, int, Mapping[str, int]]] = []
    children: list[tuple[str, bool, VersionTree]] = []
    for name, sub in shape.fields.items():
        # Lists older than ``null_from`` defaulted to [] (in every version, even before their own).
        if isinstance(sub, ListOf) and sub.null_from is not None and sub.since < sub.null_from > version:
            fields.append((name, sub.since, {}))
        inner = sub.item if isinstance(sub, ListOf) else sub
        if isinstance(inner, Obj):
            below = _lists_to_fill(inner, version)
            if below:
                children.append((name, isinstance(sub, ListOf), below))
    return VersionTree(tuple(fields), tuple(children))


@cache
def fill_tree(version: int, model: type[BaseModel] = Checklist) -> VersionTree:
    """The lists that a checklist of schema ``version`` reads as ``[]`` when absent."""
    return _lists_to_fill(checklist_shape(model), version)


def fill_lists(node: Any, version: int, model: type[BaseModel] = Checklist) -> list[str]:
    """Set the absent lists of ``node`` (a model or JSON-shaped data) to ``[]`` as schema ``version``
    reads them; returns the paths of lists given as an explicit ``null`` in a model (refused there).

    On a model the value is written without marking the field as set, so a dump of a version 1 or 2
    checklist is exactly what it was when these lists defaulted to ``[]``.
    """
    nulls: list[str] = []
    _fill(node, fill_tree(version, model), "", nulls)
    return nulls


def _fill(node: Any, tree: VersionTree, path: str, nulls: list[str]) -> None:
    members = _members(node)
    if members is None:
        return
    model = isinstance(node, BaseModel)
    for name, _, _ in tree.fields:
        if members.get(name) is None:
            if model and name in node.model_fields_set:
                nulls.append(f"{path}.{name}" if path else name)
            members[name] = []  # type: ignore[index]  # a model's __dict__, or a JSON object
    for name, is_list, below in tree.children:
        value = members.get(name)
        where = f"{path}.{name}" if path else name
        if value is None:
            continue
        if is_list:
            for i, item in enumerate(value):
                _fill(item, below, f"{where}[{i}]", nulls)
        else:
            _fill(value, below, where, nulls)


def empty_lists(data: Mapping[str, Any], version: int = 2) -> dict[str, Any]:
    """A copy of JSON-shaped checklist ``data`` with its null or absent lists as ``[]``, as rule sets
    written for schema ``version`` (before 3) read them. For a v3 checklist given to an older rule set.
    """
    copy: dict[str, Any] = _deep_copy(dict(data))
    _fill(copy, fill_tree(version), "", [])
    return copy


def _deep_copy(value: Any) -> Any:
    if type(value) is dict:
        return {k: _deep_copy(v) for k, v in value.items()}
    if type(value) is list:
        return [_deep_copy(v) for v in value]
    return value
