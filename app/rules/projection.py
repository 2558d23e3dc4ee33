"""The part of a checklist a program can read, so the engine converts only that.

Converting the checklist into ZEN's values is the largest fixed cost of an evaluation and grows
with the checklist, not with the rules. A program can only read a field by naming it, so the
checklist is dumped with a Pydantic ``include`` tree that keeps every field whose name appears as
an identifier or a string anywhere in the program (at any depth, under a parent that is kept too).
That over-approximates what the rules read and never removes a field they name: an object whose
fields are all left out stays an (empty) object, so ``x != null`` is unchanged, and lists keep
their length. When the names cannot be read with certainty (a syntax the scanner does not know),
there is no projection at all. ``tests/rules/test_engine_input.py`` compares projected and full
inputs on varied checklists at every hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from app.rules.checklist import Checklist
from app.rules.expressions import ExpressionSyntaxError, tokenize
from app.rules.shape import FreeTextPaths, ListOf, Obj, checklist_shape, free_text_paths

Include = dict[str, Any]  # Pydantic's include tree: field -> True | Include | {"__all__": Include}


# Functions that see an object's keys, not just the fields named: no projection where they are used.
WHOLE_OBJECT_FUNCTIONS = frozenset({"keys", "values", "entries", "string", "json"})


def names_used(expressions: Iterable[str]) -> frozenset[str] | None:
    """Every identifier and string literal in ``expressions``; None if one cannot be scanned or
    a condition reads a whole object (``keys(x)``...), where a cut-down object would read differently.
    """
    names: set[str] = set()
    pending = list(expressions)
    while pending:
        try:
            tokens = tokenize(pending.pop())
        except ExpressionSyntaxError:
            return None
        for token in tokens:
            if token.kind in ("ident", "str"):
                if token.kind == "ident" and token.value in WHOLE_OBJECT_FUNCTIONS:
                    return None
                names.add(token.value)
            elif token.kind == "tmpl":
                pending.extend(token.parts)
    return frozenset(names)


def include_tree(expressions: Iterable[str], model: type[BaseModel] = Checklist) -> Include | None:
    """The include tree for ``model`` that keeps what ``expressions`` can read; None = keep all."""
    names = names_used(expressions)
    return None if names is None else _tree(checklist_shape(model), names)


def _tree(shape: Obj, names: frozenset[str]) -> Include:
    """From the schema walker's shapes: an object below is cut down, a list of objects per item, and
    a value (or a union of several models, which the walker reads as a value) is kept whole."""
    tree: Include = {}
    for field, sub in shape.fields.items():
        if field not in names:
            continue
        if isinstance(sub, Obj):
            tree[field] = _tree(sub, names)
        elif isinstance(sub, ListOf) and isinstance(sub.item, Obj):
            tree[field] = {"__all__": _tree(sub.item, names)}
        else:
            tree[field] = True
    return tree


def project(facts: Mapping[str, Any], tree: Include) -> dict[str, Any]:
    """``facts`` (JSON-shaped, e.g. stored facts) cut down to ``tree``, without nulls.

    The dict counterpart of ``model_dump(include=tree, exclude_none=True)``, for facts that come as
    data (replays) rather than as a validated model.
    """
    out: dict[str, Any] = {}
    for key, below in tree.items():
        value = facts.get(key)
        if value is None:
            continue  # absent and null read the same in ZEN
        if below is True or not isinstance(value, dict | list):
            out[key] = value
        elif isinstance(value, dict):
            out[key] = project(value, below)
        else:
            item = below.get("__all__")
            out[key] = [project(v, item) if isinstance(v, dict) and item is not None else v for v in value]
    return out


@cache
def free_text_tree() -> Include:
    """The include tree of every free-text field: all the language rules' scan reads."""
    return _text_tree(free_text_paths())


def _text_tree(paths: FreeTextPaths) -> Include:
    tree: Include = dict.fromkeys(paths.fields, True)
    for name, is_list, below in paths.children:
        if below.fields == ("",):  # a list of free-text strings
            tree[name] = True
        else:
            tree[name] = {"__all__": _text_tree(below)} if is_list else _text_tree(below)
    return tree
