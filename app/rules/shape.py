"""The shape of the facts that rules see, derived from the checklist schema (Pydantic models).

Rules address facts by path (``incident.grade``, ``some(children, #.checks.done)``); the static
checks walk these shapes to prove that every path a condition uses exists, and the language check
uses them to find every free-text field. Both follow the schema automatically when it grows.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from app.rules.checklist import Checklist
from app.rules.checklist_types import FreeText


@dataclass(frozen=True, slots=True)
class Leaf:
    """A value without fields (text, number, answer, time, enumeration)."""

    free_text: bool = False


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Shape


@dataclass(frozen=True, slots=True)
class Obj:
    name: str
    fields: typing.Mapping[str, Shape]


Shape = Leaf | ListOf | Obj

# What the engine adds beside the checklist (``EvaluationContext.facts``).
CONTEXT = Obj("context", {"as_of": Leaf(), "hook": Leaf()})


def _is_free_text(hint: Any) -> bool:
    if hint is FreeText:
        return True
    if get_origin(hint) is Annotated:
        return bool(get_args(hint) == get_args(FreeText))
    return False


def shape_of(hint: Any, seen: tuple[type, ...] = ()) -> Shape:
    """The shape of a type hint (with ``Annotated`` extras kept)."""
    if _is_free_text(hint):
        return Leaf(free_text=True)
    origin = get_origin(hint)
    if origin is Annotated:
        return shape_of(get_args(hint)[0], seen)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        shapes = [shape_of(a, seen) for a in options]
        if len(shapes) == 1:
            return shapes[0]
        if any(isinstance(s, Leaf) and s.free_text for s in shapes):
            return Leaf(free_text=True)
        return Leaf()
    if origin in (list, tuple, set, frozenset):
        args = [a for a in get_args(hint) if a is not Ellipsis]
        return ListOf(shape_of(args[0], seen) if args else Leaf())
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        if hint in seen:  # a recursive model: stop checking below this point
            return Leaf()
        hints = get_type_hints(hint, include_extras=True)
        return Obj(
            hint.__name__,
            {name: shape_of(hints[name], (*seen, hint)) for name in hint.model_fields},
        )
    return Leaf()


@cache
def facts_shape(model: type[BaseModel] = Checklist) -> Obj:
    """The root the engine evaluates over: the checklist's fields plus ``context``."""
    root = shape_of(model)
    assert isinstance(root, Obj)
    return Obj("facts", {**root.fields, "context": CONTEXT})


@dataclass(frozen=True, slots=True)
class FreeTextPaths:
    """A tree of the places free text can be: fields at this level, lists and objects below."""

    fields: tuple[str, ...]
    children: tuple[tuple[str, bool, FreeTextPaths], ...]  # (field, is_list, below)

    def __bool__(self) -> bool:
        return bool(self.fields or self.children)


def _free_text_paths(shape: Obj) -> FreeTextPaths:
    fields: list[str] = []
    children: list[tuple[str, bool, FreeTextPaths]] = []
    for name, sub in shape.fields.items():
        is_list = isinstance(sub, ListOf)
        inner = sub.item if isinstance(sub, ListOf) else sub
        if isinstance(inner, Leaf):
            if inner.free_text:
                if is_list:
                    children.append((name, True, FreeTextPaths(("",), ())))
                else:
                    fields.append(name)
        else:
            below = _free_text_paths(inner) if isinstance(inner, Obj) else None
            if below:
                children.append((name, is_list, below))
    return FreeTextPaths(tuple(fields), tuple(children))


@cache
def free_text_paths(model: type[BaseModel] = Checklist) -> FreeTextPaths:
    root = shape_of(model)
    assert isinstance(root, Obj)
    return _free_text_paths(root)


def iter_free_text(data: Any, paths: FreeTextPaths, prefix: str = "") -> list[tuple[str, str]]:
    """Every non-empty free-text value in JSON-shaped facts, with its path (``narratives[2].text``).

    On the hot path of every evaluation with a language rule: a plain loop over the precomputed
    free-text paths, with no work below an absent section.
    """
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, FreeTextPaths, str]] = [(data, paths, prefix)]
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
            elif below.fields == ("",):  # a list of free-text strings
                found.extend(
                    (f"{path}[{i}]", item) for i, item in enumerate(value) if item and type(item) is str
                )
            elif type(value) is list:
                stack.extend((item, below, f"{path}[{i}]") for i, item in reversed(list(enumerate(value))))
    return found
