"""Compile a rule-set document once into something fast to evaluate many times.

Every rule becomes one ZEN expression that yields an outcome code, and the rules that apply at each
hook are joined into one list expression: converting a checklist into the engine's values is the
fixed cost of a call, so the engine is called once per checklist, never once per rule. Each rule
also keeps its own compiled expression, used only to isolate a rule that fails at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

import zen

from app.rules import vocabulary
from app.rules.calendar import TimeTable
from app.rules.canonical import canonical_json, sha256_hex
from app.rules.decision import FindingTable, Outcome, RulesetIdentity
from app.rules.errors import RuleCompileError, RulesetCheckError
from app.rules.expressions import element_accesses
from app.rules.language import LanguageMatcher, compile_language
from app.rules.lint import facts_root, lint
from app.rules.model import (
    LIFECYCLE_FIELDS,
    SEMANTICS_2_DOCUMENT_FIELDS,
    SEMANTICS_2_RULE_FIELDS,
    TERM_FIELDS_ADDED,
    AnyRule,
    LanguageRule,
    Rule,
    RulesetDocument,
)
from app.rules.projection import (
    Include,
    Projector,
    compile_projector,
    context_fields,
    include_tree,
    path_tree,
)
from app.rules.shape import Obj, fill_tree

# Outcome codes produced by a rule's expression. NOT_RECORDED (semantics 2 only): missing, because
# nothing was recorded by the rule's due moment.
NOT_APPLICABLE, UNKNOWN, MISSING, MET, NOT_RECORDED = 0, 1, 2, 3, 4
OUTCOMES: dict[int, Outcome] = {  # by code; ZEN gives floats, equal (and hashing equal) to these
    NOT_APPLICABLE: Outcome.not_applicable,
    UNKNOWN: Outcome.unknown,
    MISSING: Outcome.missing,
    MET: Outcome.met,
    NOT_RECORDED: Outcome.missing,
}


def _same(condition: str) -> str:
    return condition


def rule_expression(rule: AnyRule, condition: Callable[[str], str] = _same) -> str:
    """The outcome code of one rule. A condition holds only if it is exactly ``true``.

    A language rule's expression only says whether it applies (``UNKNOWN`` stands for "applies,
    scan the text"); the engine then scans the free text (``app/rules/language.py``).
    ``condition``: applied to each condition's source first (``Rows`` rewrites element accesses).
    """
    return f"(({condition(rule.applies_if)}) == true) ? {_outcome(rule, condition)} : {NOT_APPLICABLE}"


def _outcome(rule: AnyRule, condition: Callable[[str], str]) -> str:
    """A rule's outcome code where it applies."""
    if isinstance(rule, LanguageRule):
        return str(UNKNOWN)
    absent = (
        str(UNKNOWN)
        if rule.due is None
        else f"(({condition(rule.due.expression())}) ? {NOT_RECORDED} : {UNKNOWN})"
    )
    return (
        f"((({condition(rule.missing_if)}) == true) ? {MISSING} : "
        f"((({condition(rule.met_if)}) == true) ? {MET} : {absent}))"
    )


def program_source(rules: Iterable[AnyRule], condition: Callable[[str], str] = _same) -> str:
    """The ZEN source of a hook's program: the rules' expressions as one list, in order (as a bundle
    ships it; the engine compiles ``joined_source``, which gives the same codes)."""
    return "[" + ", ".join(rule_expression(r, condition) for r in rules) + "]"


def joined_source(rules: Iterable[AnyRule], condition: Callable[[str], str] = _same) -> str:
    """``program_source`` as the engine compiles it: adjacent rules with the same ``applies_if`` (a
    step and its variants) test it once, giving the list of their codes, which ``flatten`` splices
    back in place. The same codes from the same subexpressions (each applies test stands for the
    same test in every rule of its run, and a rule's other conditions are reached only where it
    applies, as before), so a program fails where the plain one fails; ZEN evaluates each shared
    test once (``tests/rules/test_engine_input.py`` holds both to the same codes)."""
    runs: list[list[AnyRule]] = []
    for rule in rules:
        if runs and runs[-1][0].applies_if == rule.applies_if:
            runs[-1].append(rule)
        else:
            runs.append([rule])
    if all(len(run) == 1 for run in runs):
        return program_source((run[0] for run in runs), condition)
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(rule_expression(run[0], condition))
            continue
        codes = ", ".join(_outcome(rule, condition) for rule in run)
        none = ", ".join([str(NOT_APPLICABLE)] * len(run))
        parts.append(f"(({condition(run[0].applies_if)}) == true) ? [{codes}] : [{none}]")
    return "flatten([" + ", ".join(parts) + "])"


def content_hash(document: RulesetDocument) -> str:
    """SHA-256 of the canonical form of everything but the lifecycle fields (status, dates).

    The hash identifies what a version says, not where it stands in its lifecycle: publishing,
    closing (``effective_to``) and retiring a version leave it unchanged.
    """
    content = _without_defaults(
        document.model_dump(mode="json", exclude=set(LIFECYCLE_FIELDS)), SEMANTICS_2_DOCUMENT_FIELDS
    )
    content["rules"] = [_without_defaults(rule, SEMANTICS_2_RULE_FIELDS) for rule in content["rules"]]
    for rule in content["rules"]:
        if "terms" in rule:
            rule["terms"] = [_without_defaults(term, TERM_FIELDS_ADDED) for term in rule["terms"]]
    return sha256_hex(canonical_json(content))


def _without_defaults(data: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` without the fields of ``defaults`` that hold their default (see ``content_hash``)."""
    return {k: v for k, v in data.items() if k not in defaults or v != defaults[k]}


@dataclass(frozen=True, slots=True)
class Rows:
    """A program again, for the elements of some lists given as arrays rather than objects.

    ZEN parses an array's values faster than an object's keyed values, and Python builds the array
    from a dict faster than a cut-down dict: for hooks whose rules read many fields of the children
    or adults this is most of the engine's own work. ``fields``: per list (dotted path), the fields
    of its elements in array order; in the conditions each access to such an element's field
    (``#.seen``) reads its position instead (``#[3]``). Only for lists whose elements every
    condition reads by field (never whole) and only with certainty (``expressions.element_accesses``);
    a stored element that is not an object raises ``projection.NotRows`` and the plain program
    decides (``tests/rules/test_engine_input.py`` holds both to the whole checklist's decisions).
    What conditions only test against null, or only count, reaches ZEN as ``true`` (``presence``).
    """

    expression: Any  # zen.PyExpression
    fields: Mapping[str, tuple[str, ...]]
    projector: Projector
    presence: frozenset[str] = frozenset()  # leaves given as ``true`` (``compile_projector``)


@dataclass(frozen=True, slots=True)
class Program:
    """The rules evaluated at one hook, compiled into one list expression."""

    rules: tuple[AnyRule, ...]
    expression: Any  # zen.PyExpression; untyped in the binding
    language: tuple[int, ...] = ()  # positions of the language rules in ``rules``
    include: Include | None = None  # what of a checklist the rules can read (``projection``)
    due: bool = False  # some rule has a due moment (its code can be NOT_RECORDED)
    # The fields of ``context`` the rules can read (``projection.context_fields``); None: all of it.
    context: frozenset[str] | None = None
    source: str = field(default="", repr=False, compare=False)  # the rule set's, for ``rows``
    root: Obj | None = field(default=None, repr=False, compare=False)  # the facts' tree, for ``rows``
    _projectors: dict[int | None, Projector] = field(default_factory=dict, repr=False, compare=False)
    _rows: list[Rows | None] = field(default_factory=list, repr=False, compare=False)
    # Per rule, in order: its code -> the (rule, outcome) pair the decision is built from, made once
    # here rather than per evaluation.
    pairs: tuple[dict[float, tuple[AnyRule, Outcome]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = tuple({code: (rule, outcome) for code, outcome in OUTCOMES.items()} for rule in self.rules)
        object.__setattr__(self, "pairs", pairs)

    def rows(self) -> Rows | None:
        """The same program over lists as rows (``Rows``), for projected stored facts; built on
        first use (it compiles the program again), None where no list qualifies."""
        if not self._rows:
            root, include = self.root, self.include
            built = None
            if self.rules and include is not None and root is not None:
                built = _rows(self.source, self.rules, root, include)
            self._rows.append(built)
        return self._rows[0]

    def projector(self, fill_for: int | None = None) -> Projector | None:
        """``include`` as a compiled projector of JSON-shaped facts (``projection.compile_projector``),
        built on first use; ``fill_for``: also fill the lists a rule set for that older schema
        version reads as ``[]``. None when there is no projection."""
        if self.include is None:
            return None
        found = self._projectors.get(fill_for)
        if found is None:
            fill = fill_tree(fill_for) if fill_for is not None else None
            found = self._projectors[fill_for] = compile_projector(self.include, fill)
        return found


@dataclass(frozen=True)
class CompiledRuleset:
    document: RulesetDocument
    hash: str
    source: str
    rule_expressions: MappingProxyType[str, Any] = field(repr=False)
    programs: MappingProxyType[str | None, Program] = field(repr=False)
    language: LanguageMatcher | None = field(default=None, repr=False)

    @cached_property
    def identity(self) -> RulesetIdentity:
        return RulesetIdentity(id=self.document.id, version=self.document.version, hash=self.hash)

    @cached_property
    def findings(self) -> FindingTable:
        """The findings this rule set's rules can produce, validated once (see ``FindingTable``)."""
        return FindingTable(self.document.rules, with_basis=self.document.semantics >= 2)

    @property
    def key(self) -> str:
        return f"{self.document.id}@{self.document.version}"

    @cached_property
    def times(self) -> TimeTable | None:
        """The engine-computed times (``context.times``), if the rule set declares any."""
        if not self.document.times:
            return None
        return TimeTable.build(self.document.times, self.document.calendars)

    @cached_property
    def blocking_hooks(self) -> frozenset[str]:
        """Where an open critical step blocks: the rule set's list, or the vocabulary's flags."""
        if self.document.blocking_hooks is not None:
            return frozenset(self.document.blocking_hooks)
        return frozenset(h.id for h in vocabulary.hooks().values() if h.blocking)

    def program(self, hook: str | None) -> Program:
        """Rules for a hook; ``None`` and the replay hook evaluate every rule."""
        if hook is None or hook == vocabulary.ALL_RULES_HOOK:
            return self.programs[None]
        return self.programs.get(hook) or _NO_RULES

    @cached_property
    def at_hook(self) -> Mapping[str | None, Program]:
        """``program`` for ``None`` and every hook of the vocabulary, as one lookup (the engine's: a
        hook not in it is unknown)."""
        table: dict[str | None, Program] = {hook: self.program(hook) for hook in vocabulary.hooks()}
        table[None] = self.program(None)
        return table


_NO_RULES = Program(rules=(), expression=None)


# Rule-set contents that passed the static checks in this process: reloading the same file (every
# app instance in the test suite does) skips them.
_CHECKED: set[tuple[str, str]] = set()


def _compile(source: str, rule_id: str, what: str, expression: str) -> Any:
    try:
        return zen.compile_expression(expression)
    except Exception as exc:  # the binding raises bare RuntimeError with a JSON payload
        raise RuleCompileError(source, rule_id, what, str(exc).split("\n", 1)[0]) from None


def compile_program(source: str, rules: tuple[AnyRule, ...], root: Obj) -> Program:
    """One hook's program over ``rules`` (also used for a subset of a hook's rules:
    ``app/rules/history_effect.py``); ``root``: the facts' field tree (``facts_root``)."""
    return Program(
        rules,
        _compile(source, "*", "program", joined_source(rules)) if rules else None,
        tuple(i for i, r in enumerate(rules) if isinstance(r, LanguageRule)),
        include_tree((rule_expression(r) for r in rules), root=root),
        any(isinstance(r, Rule) and r.due is not None for r in rules),
        context_fields((rule_expression(r) for r in rules), root),
        source,
        root,
    )


def _rows(source: str, rules: tuple[AnyRule, ...], root: Obj, include: Include) -> Rows | None:
    """``Rows`` for the lists (not inside another list) whose elements the rules read by field
    only, and every field read kept by ``include``; None when there are none or it is not certain
    (``include`` is not the paths' tree of every condition: some could observe more)."""
    expressions = [rule_expression(r) for r in rules]
    found = [element_accesses(e, root) for e in expressions]
    if any(f is None for f in found) or any(path_tree(e, root) is None for e in expressions):
        return None
    readings = [f for f in found if f is not None]
    whole = frozenset().union(*(reads.whole for reads, _ in readings))
    tested = frozenset().union(*(reads.tested for reads, _ in readings))
    observed = frozenset().union(*(reads.whole - reads.tested for reads, _ in readings))
    presence = tested - observed
    fields: dict[str, tuple[str, ...]] = {}
    for path in sorted({a.list_path for _, accesses in readings for a in accesses}):
        item = _item_tree(include, path)
        if "[]" not in path and path not in whole and f"{path}[]" not in whole and item:
            # values kept as they are first: the projector reads those in one call
            fields[path] = tuple(
                sorted(item, key=lambda f: item[f] is not True or f"{path}[].{f}" in presence)
            )
    if not fields:
        return None

    def by_position(condition: str) -> str:
        """``condition`` reading the fields of ``fields``' elements by position (each condition is
        an expression of its own: its accesses are those it makes inside the rule's)."""
        reading = element_accesses(condition, root)
        if reading is None:
            raise _NotRows
        for access in sorted(reading[1], key=lambda a: a.start, reverse=True):
            order = fields.get(access.list_path)
            if order is None:
                continue
            if access.field not in order:
                raise _NotRows
            position = order.index(access.field)
            condition = f"{condition[: access.start]}[{position}]{condition[access.end :]}"
        return condition

    try:
        rewritten = joined_source(rules, by_position)
    except _NotRows:
        return None
    expression = _compile(source, "*", "program (rows)", rewritten)
    projector = compile_projector(include, rows=fields, presence=presence)
    return Rows(expression, MappingProxyType(fields), projector, presence)


class _NotRows(Exception):
    """A condition that ``Rows`` cannot rewrite."""


def _item_tree(include: Include, path: str) -> Include | None:
    """The include tree of the elements of the list at ``path``, if it is a tree of fields."""
    node: Any = include
    for step in path.split("."):
        node = node.get(step) if isinstance(node, dict) else None
    item = node.get("__all__") if isinstance(node, dict) else None
    return item if isinstance(item, dict) else None


def compile_ruleset(document: RulesetDocument, source: str) -> CompiledRuleset:
    """Check (``app/rules/lint.py``) and compile; raises ``RulesetCheckError`` with every problem."""
    digest = content_hash(document)
    if (digest, source) not in _CHECKED:  # the checks depend only on the content (and this code)
        problems, _ = lint(document, source)
        if problems:
            raise RulesetCheckError(source, problems)
        _CHECKED.add((digest, source))
    per_rule = {r.id: _compile(source, r.id, "conditions", rule_expression(r)) for r in document.rules}
    root = facts_root(document)
    programs: dict[str | None, Program] = {None: compile_program(source, document.rules, root)}
    for hook in vocabulary.hooks():
        rules = tuple(r for r in document.rules if hook in r.hooks)
        if rules:
            programs[hook] = compile_program(source, rules, root)
    return CompiledRuleset(
        document=document,
        hash=digest,
        source=source,
        rule_expressions=MappingProxyType(per_rule),
        programs=MappingProxyType(programs),
        language=compile_language(r for r in document.rules if isinstance(r, LanguageRule)),
    )
