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
  ``not`` and ``?:``; write ``x == true`` rather than ``x``);
- history (``history: 1``): only such a rule set may read ``context.history``, and only the fields
  of ``HistoryFacts`` (``app/rules/history.py``); its conditions are also run on the synthetic
  checklists with no history (``context.history`` null) and with a synthetic history, and must return
  true, false or null on both (never raise);
- semantics (``check_semantics``): the semantics-2 fields are refused under semantics 1 and the ones
  semantics 2 requires are there (``hooks_rationale``; ``message_unknown`` unless ``never_unknown``;
  ``message_not_recorded`` exactly when there is a ``due``); due hooks are hooks of the rule; blocking
  hooks exist; computed times name a calendar shipped with the version, a known time zone and a
  recorded time of the checklist; ``due.by`` compiles, reads only existing paths and, on the synthetic
  checklists, gives a time or null.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from functools import cache, partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import zen

from app.rules import vocabulary
from app.rules.calendar import TimeTable, read_json_time
from app.rules.errors import RuleCompileError
from app.rules.expressions import ExpressionSyntaxError, check_paths
from app.rules.history import HistoryFacts
from app.rules.model import SEMANTICS_2_DOCUMENT_FIELDS, AnyRule, LanguageRule, Rule, RulesetDocument
from app.rules.shape import (
    CONTEXT,
    Leaf,
    ListOf,
    Obj,
    Shape,
    checklist_shape,
    facts_shape,
    free_text_paths,
    schema_paths,
    shape_of,
)

FIXTURE_AS_OF = "2025-03-01T12:00:00Z"


RULESET = "(rule set)"  # the rule id in problems with the document's own fields


def conditions(rule: AnyRule) -> list[tuple[str, str]]:
    """``(field, expression)`` for every condition of a rule."""
    if isinstance(rule, Rule):
        return [("applies_if", rule.applies_if), ("missing_if", rule.missing_if), ("met_if", rule.met_if)]
    return [("applies_if", rule.applies_if)]


def expressions(rule: AnyRule) -> list[tuple[str, str]]:
    """Every ZEN expression of a rule: its conditions, and its due time if it has one."""
    found = conditions(rule)
    if isinstance(rule, Rule) and rule.due is not None and rule.due.by is not None:
        found.append(("due.by", rule.due.by))
    return found


HISTORY_PATH = "context.history"


@cache
def history_shape() -> Obj:
    """``context.history`` as conditions read it: the fields of ``HistoryFacts``."""
    shape = shape_of(HistoryFacts)
    assert isinstance(shape, Obj)
    return shape


def facts_root(document: RulesetDocument) -> Obj:
    """What conditions can read: the checklist, ``context``, the document's computed times and,
    for a rule set with ``history: 1``, the history facts."""
    return _facts_root(tuple(document.times), document.history is not None)


@cache
def _facts_root(times: tuple[str, ...], history: bool) -> Obj:
    """One root per kind of document, so what is remembered per root (``read_paths``) is shared by
    every version and every load of the same kind."""
    root = facts_shape()
    if not times and not history:
        return root
    context: dict[str, Shape] = dict(CONTEXT.fields)
    if times:
        context["times"] = Obj("times", {name: Leaf() for name in times})
    if history:
        context["history"] = history_shape()
    return Obj(root.name, {**root.fields, "context": Obj("context", context)})


def _reads_history(expression: str) -> bool:
    return HISTORY_PATH in expression


def check_semantics(document: RulesetDocument, source: str) -> list[RuleCompileError]:
    """The fields of due moments, times and blocking hooks: refused or required by ``semantics``."""
    problems: list[RuleCompileError] = []

    def problem(rule_id: str, field: str, message: str) -> None:
        problems.append(RuleCompileError(source, rule_id, field, message))

    if document.semantics == 1:
        for name, default in SEMANTICS_2_DOCUMENT_FIELDS.items():
            if name != "semantics" and getattr(document, name) != default:
                problem(RULESET, name, "only under `semantics: 2`")
        for rule in document.rules:
            for name in ("hooks_rationale", "due", "message_unknown", "message_not_recorded"):
                if getattr(rule, name) is not None:
                    problem(rule.id, name, "only under `semantics: 2`")
        return problems
    hooks = vocabulary.hooks()
    for hook in document.blocking_hooks or ():
        if hook not in hooks or hook == vocabulary.ALL_RULES_HOOK:
            problem(RULESET, "blocking_hooks", f"unknown hook {hook!r}")
    root = facts_shape()
    for name, spec in document.times.items():
        where = f"times.{name}"
        if spec.calendar not in document.calendars:
            shipped = ", ".join(sorted(document.calendars)) or "none"
            problem(RULESET, f"{where}.calendar", f"no calendar {spec.calendar!r} (shipped: {shipped})")
        try:
            ZoneInfo(spec.zone)
        except (ZoneInfoNotFoundError, ValueError):
            problem(RULESET, f"{where}.zone", f"unknown time zone {spec.zone!r}")
        path_problems = check_paths(spec.after, root)
        for found in path_problems:
            problem(RULESET, f"{where}.after", f"{found.path}: {found.message}")
        sample = sample_facts()["all-true"]
        if not path_problems and read_json_time(sample, tuple(spec.after.split("."))) is None:
            problem(RULESET, f"{where}.after", f"{spec.after} is not a recorded time (a date-time field)")
    for rule in document.rules:
        if rule.hooks_rationale is None:
            problem(
                rule.id, "hooks_rationale", "required under `semantics: 2`: why the rule runs at these hooks"
            )
        if not isinstance(rule, Rule):
            continue
        if rule.message_unknown is None and not rule.never_unknown:
            problem(
                rule.id, "message_unknown", "required under `semantics: 2`: the text of an unknown finding"
            )
        if rule.due is None:
            if rule.message_not_recorded is not None:
                problem(rule.id, "message_not_recorded", "never shown: the rule has no `due`")
            continue
        if rule.message_not_recorded is None:
            problem(
                rule.id, "message_not_recorded", "required with `due`: the text of a not-recorded finding"
            )
        for hook in rule.due.hooks:
            if hook not in rule.hooks:
                problem(rule.id, "due.hooks", f"{hook!r} is not one of the rule's hooks")
    return problems


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
    root = facts_root(document)
    for rule in document.rules:
        for what, expression in expressions(rule):
            try:
                compiled[f"{rule.id}:{what}"] = zen.compile_expression(expression)
            except Exception as exc:  # the binding raises bare RuntimeError with a JSON payload
                message = _engine_message(exc)
                if expression.count("(") != expression.count(")"):
                    message += " (unbalanced brackets: in YAML write conditions as block scalars, `>-`)"
                problems.append(RuleCompileError(source, rule.id, what, f"does not compile: {message}"))
                continue
            if document.history is None and _reads_history(expression):
                # One clear refusal, not the noise of every history field read below it.
                problems.append(
                    RuleCompileError(
                        source,
                        rule.id,
                        what,
                        f"{HISTORY_PATH}: only a rule set with `history: 1` reads history facts "
                        "(the service computes them only for such a version)",
                    )
                )
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
            for field, paths in (("exclude_fields", rule.exclude_fields), ("only_fields", rule.only_fields)):
                for path in paths:
                    if path not in known:
                        problems.append(
                            RuleCompileError(source, rule.id, field, f"{path}: not a free-text field")
                        )
    return problems, compiled


def check_runtime(document: RulesetDocument, source: str, compiled: dict[str, Any]) -> list[RuleCompileError]:
    """On every synthetic checklist, each condition the engine would evaluate returns true, false or
    null and never raises. As in the engine, ``missing_if`` is only evaluated when ``applies_if``
    holds and ``met_if`` only when ``missing_if`` does not, so a guard in ``applies_if`` counts."""
    problems: list[RuleCompileError] = []
    for fixture, facts in _samples(document).items():
        for rule in document.rules:
            problems += _check_due(document, source, rule, fixture, facts)
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


def _samples(document: RulesetDocument) -> dict[str, dict[str, Any]]:
    """The synthetic checklists, with the document's computed times in their context; for a rule
    set that reads history, each twice: without history (``context.history`` null, as when none is
    passed) and with a synthetic one."""
    samples = sample_facts(document.checklist_schema_version)
    if document.history is not None:
        with_history: dict[str, dict[str, Any]] = {}
        for name, facts in samples.items():
            with_history[name] = {**facts, "context": {**facts["context"], "history": None}}
            with_history[f"{name} (with history)"] = {
                **facts,
                "context": {**facts["context"], "history": sample_history(name)},
            }
        samples = with_history
    if not document.times or any(t.calendar not in document.calendars for t in document.times.values()):
        return samples
    try:
        table = TimeTable.build(document.times, document.calendars)
    except (ZoneInfoNotFoundError, ValueError):
        return samples  # reported by check_semantics
    return {
        name: {
            **facts,
            "context": {**facts["context"], "times": table.compute(partial(read_json_time, facts))},
        }
        for name, facts in samples.items()
    }


def _check_due(
    document: RulesetDocument, source: str, rule: AnyRule, fixture: str, facts: dict[str, Any]
) -> list[RuleCompileError]:
    """``due.by`` gives a time or null, and the due test itself never raises."""
    if not isinstance(rule, Rule) or rule.due is None:
        return []
    checks = [("due", rule.due.expression())]
    if rule.due.by is not None:
        checks.insert(0, ("due.by", rule.due.by))
    for what, expression in checks:
        try:
            value = zen.evaluate_expression(expression, facts)
        except Exception as exc:
            return [
                RuleCompileError(
                    source, rule.id, what, f"raises on the {fixture} checklist: {_engine_message(exc)}"
                )
            ]
        if what == "due.by" and value is not None and not _is_time(value):
            return [
                RuleCompileError(
                    source,
                    rule.id,
                    what,
                    f"gives {value!r} on the {fixture} checklist, not an ISO 8601 time or null",
                )
            ]
    return []


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


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
    problems = check_vocabulary(document, source) + check_semantics(document, source)
    expression_problems, compiled = check_expressions(document, source)
    problems += expression_problems
    # Rules with a static problem are not run: a misspelt path would only add noise.
    broken = {p.rule_id for p in expression_problems}
    runnable = {key: value for key, value in compiled.items() if key.split(":", 1)[0] not in broken}
    problems += check_runtime(document, source, runnable)
    return problems, compiled


# -- synthetic checklists ---------------------------------------------------------------------------


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


@cache
def _sample_history(mode: str) -> str:
    return json.dumps(_model(history_shape(), mode, 3))


def sample_history(mode: str) -> dict[str, Any]:
    """Synthetic history facts in the shape of ``HistoryFacts`` (filled as the checklists are)."""
    value: dict[str, Any] = json.loads(_sample_history(mode))
    return value


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
