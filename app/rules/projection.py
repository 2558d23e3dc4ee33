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

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from operator import itemgetter
from typing import Any

from pydantic import BaseModel

from app.rules.checklist import Checklist
from app.rules.expressions import ExpressionSyntaxError, read_paths, tokenize
from app.rules.shape import (
    FreeTextPaths,
    ListOf,
    Obj,
    VersionTree,
    checklist_shape,
    facts_shape,
    free_text_paths,
)

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


def include_tree(
    expressions: Iterable[str], model: type[BaseModel] = Checklist, root: Obj | None = None
) -> Include | None:
    """The include tree for ``model`` that keeps what ``expressions`` can read; None = keep all.

    Per expression, by path where its paths can be followed (``path_tree``: ``len(children)`` keeps
    the list's length, not its children's fields), else by name (every field of that name, at any
    depth); the union of the two kinds. ``root``: what conditions read (the facts with ``context``
    and the rule set's times; default the checklist's fields and ``context``).
    """
    expressions = list(expressions)
    names = names_used(expressions)
    if names is None:
        return None
    shape = checklist_shape(model)
    facts = root or facts_shape(model)
    tree: Include = {}
    for expression in expressions:
        own = path_tree(expression, facts)
        if own is None:
            own_names = names_used([expression])
            assert own_names is not None  # it scanned as part of all of them
            own = _tree(shape, own_names)
        tree = merge(tree, own)
    return tree


def path_tree(expression: str, root: Obj) -> Include | None:
    """The include tree of what one condition can observe, by schema path (``read_paths``); None
    when that cannot be said with certainty (or the condition could observe the whole checklist).
    ``context`` is left out: the engine adds it beside the checklist."""
    reads = read_paths(expression, root)
    if reads is None:
        return None
    tree: Include = {}
    for where, whole in [(w, False) for w in sorted(reads.present)] + [
        (w, True) for w in sorted(reads.whole)
    ]:
        if where == "":
            if whole:
                return None  # ``$root`` observed whole
            continue
        if not _add(tree, root, where.split("."), whole):
            return None
    return _normalise(tree)


def context_fields(expressions: Iterable[str], root: Obj) -> frozenset[str] | None:
    """The fields of ``context`` that ``expressions`` can observe (``read_paths``), so the engine
    computes and hands ZEN only those (none at most hooks of the older rule sets: formatting
    ``as_of`` alone costs ~0.4 µs); None, the whole context, where that cannot be said with
    certainty or a condition observes ``context`` or ``$root`` whole."""
    fields: set[str] = set()
    for expression in expressions:
        reads = read_paths(expression, root)
        if reads is None:
            return None
        if {"", "context"} & reads.whole:
            return None
        for path in reads.whole | reads.present:
            head, _, rest = path.partition(".")
            if head == "context" and rest:
                fields.add(rest.partition(".")[0])
    return frozenset(fields)


def _add(tree: Include, shape: Obj, steps: list[str], whole: bool) -> bool:
    """Keep the path ``steps`` (``children[]``: each item) in ``tree``, as far as the schema's
    shapes go; False for a path the tree cannot say (a list literal's, a list of lists)."""
    node: Include | bool = tree
    current: Any = shape
    for i, step in enumerate(steps):
        name = step.removesuffix("[]")
        if not isinstance(node, dict) or not isinstance(current, Obj) or name not in current.fields:
            return False
        if i == 0 and name == "context":
            return True  # beside the checklist, not part of it
        sub = current.fields[name]
        if step.endswith("[]"):
            if not isinstance(sub, ListOf) or step.count("[]") > 1:
                return False
        last = i == len(steps) - 1
        if node.get(name) is True:
            return True
        if last and whole and not step.endswith("[]"):
            node[name] = True
            return True
        if isinstance(sub, ListOf):
            item = node.setdefault(name, {}).setdefault("__all__", {})
            if last:
                if whole:
                    node[name]["__all__"] = True
                return True
            if not step.endswith("[]"):
                return False  # a member of a list: not a path the parser gives
            node, current = item, sub.item
        else:
            node, current = node.setdefault(name, {}), sub
    return True


def _normalise(tree: Include) -> Include:
    """``{"__all__": True}`` -> ``True`` (a list kept whole), recursively."""
    out: Include = {}
    for key, below in tree.items():
        if isinstance(below, dict):
            below = _normalise(below)
            if below == {"__all__": True}:
                below = True
        out[key] = below
    return out


def merge(a: Include, b: Include) -> Include:
    """The union of two include trees."""
    out: Include = dict(a)
    for key, below in b.items():
        mine = out.get(key)
        if mine is None:
            out[key] = below
        elif mine is True or below is True:
            out[key] = True
        else:
            out[key] = merge(mine, below)
    return out


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


Projector = Callable[[Mapping[str, Any]], dict[str, Any]]


class NotRows(ValueError):
    """An element of a list projected as rows is not an object (stored facts the schema would refuse)."""


def _not_rows(value: Any) -> Any:
    raise NotRows(type(value).__name__)


def compile_projector(
    tree: Include,
    fill: VersionTree | None = None,
    rows: Mapping[str, tuple[str, ...]] | None = None,
    *,
    presence: frozenset[str] | None = None,
) -> Projector:
    """``project`` specialised to ``tree``, as generated Python (a function per node of the tree; no
    walk of the tree per call). The same result as ``project`` for every input (with ``fill``: as
    ``project(empty_lists(facts), tree)``, ``tests/rules/test_projection.py``).

    ``fill`` (``shape.fill_tree``): the lists of the tree that a rule set written for an older
    schema reads as ``[]`` when they are null or absent.

    ``rows``: lists (by dotted path) whose elements become arrays (tuples) of the named fields'
    projected values in that order, null where absent (``compiler.Rows``: ZEN parses an array's values faster
    than an object's); an element that is not an object raises ``NotRows``.

    ``presence``: the leaves (schema paths, ``adults[].full_name``) that conditions only test against
    null (``Reads.tested``); they, and every object the tree keeps no field of (``{}``: only whether
    it is there can be observed, or, in a list, how many there are), become ``true``, which ZEN
    reads faster than a text or an empty object. Only for a tree of what conditions observe,
    followed with certainty (``Rows``): a tree made by names keeps ``{}`` where a condition might
    compare the object itself. None: values as they are.
    """
    empty = "{}" if presence is None else "True"
    tested = presence or frozenset()
    functions: list[str] = []
    names: dict[tuple[int, int, str], str] = {}
    namespace: dict[str, Any] = {"_not_rows": _not_rows}
    rows = rows or {}

    def constant(value: Any) -> str:
        name = f"_c{len(namespace)}"
        namespace[name] = value
        return name

    def forms(below: Include, fills: VersionTree | None, path: str) -> list[tuple[str, str]]:
        """A structured value's projections, as (type, expression of ``v``), the expected type first."""
        item = below.get("__all__")
        as_dict = f"{function(below, fills, path)}(v)" if below else empty
        if path in rows and isinstance(item, dict):
            as_list = f"[{row(item, fills, path)}(x) if isinstance(x, dict) else _not_rows(x) for x in v]"
        elif item is None:
            as_list = "list(v)"
        elif not item:  # items looked into by length only: empty objects, no call each
            as_list = f"[{empty} if isinstance(x, dict) else x for x in v]"
        else:
            as_list = f"[{function(item, fills, path + '[]')}(x) if isinstance(x, dict) else x for x in v]"
        cases = [("dict", as_dict), ("list", as_list)]
        if item is not None:  # the tree expects a list: test for it first (one test, not two)
            cases.reverse()
        return cases

    def function(node: Include, fills: VersionTree | None, path: str) -> str:
        key = (id(node), id(fills), path)
        if key in names:
            return names[key]
        name = names[key] = f"_p{len(names)}"
        filled = {f for f, _, _ in fills.fields} if fills is not None else set()
        below_fills = {f: b for f, _, b in fills.children} if fills is not None else {}
        lines = [f"def {name}(facts):", "    out = {}", "    get = facts.get"]
        for field, below in node.items():
            k = constant(field)
            lines.append(f"    v = get({k})")
            lines.append("    if v is None:")
            lines.append(f"        {f'out[{k}] = []' if field in filled else 'pass'}")
            if below is True:
                kept = "True" if f"{path}.{field}".lstrip(".") in tested else "v"
                lines.append(f"    else:\n        out[{k}] = {kept}")
                continue
            for kind, value in forms(below, below_fills.get(field), f"{path}.{field}".lstrip(".")):
                lines.append(f"    elif isinstance(v, {kind}):\n        out[{k}] = {value}")
            lines.append(f"    else:\n        out[{k}] = v")
        lines.append("    return out")
        functions.append("\n".join(lines))
        return name

    def row(item: Include, fills: VersionTree | None, path: str) -> str:
        """An element of the list at ``path`` as the array of ``rows[path]``'s fields."""
        key = (id(item), id(fills), path + "[row]")
        if key in names:
            return names[key]
        name = names[key] = f"_r{len(names)}"
        below_fills = {f: b for f, _, b in fills.children} if fills is not None else {}
        values: list[str] = []
        plain: list[str] = []  # the leading fields kept as they are
        for field in rows[path]:
            below = item[field]
            if below is True and f"{path}[].{field}" not in tested and len(plain) == len(values):
                plain.append(field)
                values.append(f"get({constant(field)})")
                continue
            if below is True:
                got = f"get({constant(field)})"
                values.append(f"({got} is not None or None)" if f"{path}[].{field}" in tested else got)
                continue
            value = f"_v{len(names)}_{len(values)}"
            cases = forms(below, below_fills.get(field), f"{path}[].{field}")
            functions.append(
                "\n".join(
                    [f"def {value}(v):", "    if v is None:\n        return None"]
                    + [f"    if isinstance(v, {kind}):\n        return {form}" for kind, form in cases]
                    + ["    return v"]
                )
            )
            values.append(f"{value}(get({constant(field)}))")
        rest = values[len(plain) :]
        if len(plain) < 2:
            functions.append(f"def {name}(facts):\n    get = facts.get\n    return ({', '.join(values)},)")
            return name
        # One C call for the leading values where every one is there (stored facts have each field,
        # null or not); ``get`` for each where one is absent. A tuple: JSON's array, as a list is.
        fetch = constant(itemgetter(*plain))
        lines = [
            f"def {name}(facts):",
            "    get = facts.get",
            f"    try:\n        head = {fetch}(facts)",
            f"    except KeyError:\n        head = ({', '.join(values[: len(plain)])},)",
            f"    return head + ({', '.join(rest)},)" if rest else "    return head",
        ]
        functions.append("\n".join(lines))
        return name

    root = function(tree, fill, "")
    exec("\n\n".join(functions), namespace)  # generated from the tree's field names, as constants
    projector: Projector = namespace[root]
    return projector


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
