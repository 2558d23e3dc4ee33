"""Static checks of a rule-set document, run whenever one is compiled (so a broken file is refused).

ZEN turns most mistakes into a silent ``null``: a misspelt field, a list read as an object, a
condition that raises on absent data. Each check here turns one of those into a load error that
names the file, the rule and the field:

- every condition compiles, and every field path it reads exists in the checklist schema
  (``app/rules/expressions.py``); no condition reads the wall clock;
- rule ids are unique; step ids and hooks exist in the vocabulary; a rule whose step rests on an
  unverified source cites at least one reference with ``verified: false``;
- language rules exclude only free-text fields that exist;
- every condition, evaluated on four synthetic checklists (the minimal one, a sparse one with one
  bare item in every list, and two fully filled ones, all answers true / all false), returns
  ``true``, ``false`` or ``null`` and never raises (ZEN raises on ``null`` in ``and``, ``or``,
  ``not`` and ``?:``; write ``x == true`` rather than ``x``).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from typing import Any

import zen

from app.rules import vocabulary
from app.rules.errors import RuleCompileError
from app.rules.expressions import ExpressionSyntaxError, check_paths
from app.rules.model import AnyRule, LanguageRule, Rule, RulesetDocument
from app.rules.shape import (
    Leaf,
    ListOf,
    Obj,
    Shape,
    checklist_shape,
    facts_shape,
    free_text_paths,
    schema_paths,
)

FIXTURE_AS_OF = "2025-03-01T12:00:00Z"


def conditions(rule: AnyRule) -> list[tuple[str, str]]:
    """``(field, expression)`` for every condition of a rule."""
    if isinstance(rule, Rule):
        return [("applies_if", rule.applies_if), ("missing_if", rule.missing_if), ("met_if", rule.met_if)]
    return [("applies_if", rule.applies_if)]


def check_vocabulary(document: RulesetDocument, source: str) -> list[RuleCompileError]:
    """Rule ids are unique; steps and hooks exist; unverified steps cite an unverified reference."""
    problems: list[RuleCompileError] = []
    steps, hooks = vocabulary.steps(), vocabulary.hooks()
    for rule_id, n in Counter(r.id for r in document.rules).items():
        if n > 1:
            problems.append(RuleCompileError(source, rule_id, "id", f"rule id is not unique ({n} rules)"))
    for rule in document.rules:
        step = steps.get(rule.step)
        if step is None:
            problems.append(RuleCompileError(source, rule.id, "step", f"unknown step id {rule.step!r}"))
        elif not step.verified and rule.verified:
            problems.append(
                RuleCompileError(
                    source,
                    rule.id,
                    "references",
                    f"step {rule.step} rests on an unverified source: cite it with verified: false",
                )
            )
        for hook in rule.hooks:
            if hook not in hooks or hook == vocabulary.ALL_RULES_HOOK:
                problems.append(RuleCompileError(source, rule.id, "hooks", f"unknown hook {hook!r}"))
    return problems


def _engine_message(exc: Exception) -> str:
    """The binding raises RuntimeError carrying JSON such as ``{"type": ..., "source": ...}``."""
    text = str(exc).split("\n", 1)[0]
    try:
        payload = json.loads(text)
    except ValueError:
        return text
    return str(payload.get("source") or text) if isinstance(payload, dict) else text


def check_expressions(
    document: RulesetDocument, source: str
) -> tuple[list[RuleCompileError], dict[str, Any]]:
    """Every condition compiles and reads only fields of the schema; returns the compiled ones."""
    problems: list[RuleCompileError] = []
    compiled: dict[str, Any] = {}
    root = facts_shape()
    for rule in document.rules:
        for what, expression in conditions(rule):
            try:
                compiled[f"{rule.id}:{what}"] = zen.compile_expression(expression)
            except Exception as exc:  # the binding raises bare RuntimeError with a JSON payload
                message = _engine_message(exc)
                if expression.count("(") != expression.count(")"):
                    message += " (unbalanced brackets: in YAML write conditions as block scalars, `>-`)"
                problems.append(RuleCompileError(source, rule.id, what, f"does not compile: {message}"))
                continue
            try:
                for problem in check_paths(expression, root):
                    problems.append(
                        RuleCompileError(source, rule.id, what, f"{problem.path}: {problem.message}")
                    )
            except ExpressionSyntaxError as exc:
                problems.append(
                    RuleCompileError(source, rule.id, what, f"the field checker cannot read it: {exc}")
                )
        if isinstance(rule, LanguageRule):
            known = set(schema_paths(free_text_paths()))
            for path in rule.exclude_fields:
                if path not in known:
                    problems.append(
                        RuleCompileError(source, rule.id, "exclude_fields", f"{path}: not a free-text field")
                    )
    return problems, compiled


def check_runtime(document: RulesetDocument, source: str, compiled: dict[str, Any]) -> list[RuleCompileError]:
    """On every synthetic checklist, each condition the engine would evaluate returns true, false or
    null and never raises. As in the engine, ``missing_if`` is only evaluated when ``applies_if``
    holds and ``met_if`` only when ``missing_if`` does not, so a guard in ``applies_if`` counts."""
    problems: list[RuleCompileError] = []
    for fixture, facts in sample_facts(document.checklist_schema_version).items():
        for rule in document.rules:
            for what, _ in conditions(rule):
                expression = compiled.get(f"{rule.id}:{what}")
                if expression is None:
                    break
                try:
                    value = expression.evaluate(facts)
                except Exception as exc:
                    problems.append(
                        RuleCompileError(
                            source,
                            rule.id,
                            what,
                            f"raises on the {fixture} checklist: {_engine_message(exc)} (ZEN raises on "
                            "null in and/or/not/?: and in comparisons such as null > 1: write "
                            "`x == true`, guard with `x != null and ...`)",
                        )
                    )
                    break
                if value is not None and not isinstance(value, bool):
                    problems.append(
                        RuleCompileError(
                            source,
                            rule.id,
                            what,
                            f"returns {type(value).__name__} {value!r} on the {fixture} checklist, "
                            "not true/false/null",
                        )
                    )
                    break
                if (what == "applies_if" and value is not True) or (what == "missing_if" and value is True):
                    break
    return _first_per_rule_field(problems)


def _first_per_rule_field(problems: list[RuleCompileError]) -> list[RuleCompileError]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for problem in problems:
        if (problem.rule_id, problem.field) not in seen:
            seen.add((problem.rule_id, problem.field))
            kept.append(problem)
    return kept


def lint(document: RulesetDocument, source: str) -> tuple[list[RuleCompileError], dict[str, Any]]:
    """All static checks; the runtime check runs the rules whose conditions passed the others."""
    problems = check_vocabulary(document, source)
    expression_problems, compiled = check_expressions(document, source)
    problems += expression_problems
    # Rules with a static problem are not run: a misspelt path would only add noise.
    broken = {p.rule_id for p in expression_problems}
    runnable = {key: value for key, value in compiled.items() if key.split(":", 1)[0] not in broken}
    problems += check_runtime(document, source, runnable)
    return problems, compiled


# -- synthetic checklists (built from the schema walker's shapes, ``app/rules/shape.py``) ----------------


@cache
def sample_facts(schema_version: int = 1) -> dict[str, dict[str, Any]]:
    """Facts (as the engine sees them) for the four synthetic checklists, as a rule set written for
    ``schema_version`` reads them: before version 3 an absent list is ``[]``, from 3 on it is null."""
    samples: dict[str, dict[str, Any]] = {}
    for mode in ("minimal", "sparse", "all-true", "all-false"):
        facts = _model(checklist_shape(), mode, schema_version)
        facts["context"] = {"hook": None, "as_of": None if mode == "minimal" else FIXTURE_AS_OF}
        samples[mode] = facts
    return samples


def _model(shape: Obj, mode: str, version: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, sub in shape.fields.items():
        if name in shape.required or mode in ("all-true", "all-false"):
            data[name] = _value(sub, mode, name, version)
        elif mode == "sparse" and not isinstance(sub, Leaf):
            data[name] = _value(sub, mode, name, version)
        elif isinstance(sub, ListOf):
            data[name] = [] if sub.null_from is not None and sub.null_from > version else None
        else:
            data[name] = sub.default if isinstance(sub, Leaf) else None
    return data


def _value(shape: Shape, mode: str, name: str, version: int) -> Any:
    truthy = mode != "all-false"
    if isinstance(shape, Obj):
        return _model(shape, mode, version)
    if isinstance(shape, ListOf):
        count = 1 if mode == "sparse" else 2
        return [_value(shape.item, mode, name, version) for _ in range(count)]
    kind = shape.kind
    if kind == "enum":
        return shape.values[0] if truthy else shape.values[-1]
    if kind == "bool":
        return truthy
    if kind == "int":
        low, high = shape.bounds or (0, 1000)
        return max(low, min(high, 10 if truthy else 15))
    if kind == "number":
        return 1.5
    if kind == "time":
        return "2025-03-01T10:00:00Z" if truthy else "2025-02-27T23:30:00Z"
    if kind == "date":
        return "2014-06-01" if truthy else "2009-01-15"
    return f"S-{name}" if truthy else f"Other {name}"
