"""Engine benchmark: the full rule set through the engine vs hand-written Python, same run.

Both sides produce the same ``Decision`` through the shared ``build_decision``, so the only
difference timed is how outcomes are computed: ZEN expressions compiled from the rule-set file
(``engine.evaluate``) or the hand-written twins in ``benchmarks.handwritten``. The two sides are
interleaved (alternating which goes first) and every checklist is timed on its own; the figures are
the median and p99 per checklist over every repeat. Before timing, the decisions of both sides are
compared on every checklist: any difference is an error, not a figure.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from app.rules import vocabulary
from app.rules.canonical import canonical_json
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset, compile_ruleset
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, build_decision, checklist_facts, evaluate
from app.rules.engine import Facts as EngineFacts
from app.rules.language import language_outcomes
from app.rules.model import AnyRule, LanguageRule
from app.rules.registry import RulesetRegistry
from app.rules.shape import empty_lists
from benchmarks.corpus import generate
from benchmarks.handwritten import LANGUAGE_TWINS, TWINS, Twin
from benchmarks.registry import BenchmarkError, Figure
from benchmarks.stats import summary_us

TARGET_RATIO = 2.0
AS_OF = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)

Facts = dict[str, Any]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checklists", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repeats (default 3)")
    parser.add_argument("--seed", type=int, default=20251122)
    parser.add_argument("--ruleset", default="concern-for-a-child@1.0.0", help="id@version")
    parser.add_argument(
        "--subset",
        action="store_true",
        help="time only the rules that have a hand-written twin (default: refuse while any is missing)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=5,
        help="also time a rule set with every non-language rule repeated this many times (5; 1 = skip)",
    )
    parser.add_argument(
        "--hooks",
        default="every",
        help="comma-separated hooks; `all` = every rule; `every` (default) = `all` and each hook in turn",
    )


def rules_at(ruleset: CompiledRuleset, hook: str | None) -> tuple[AnyRule, ...]:
    """The rules a hook evaluates, in rule-set order: the engine's selection, computed independently."""
    if hook is None or hook == vocabulary.ALL_RULES_HOOK:
        return ruleset.document.rules
    return tuple(r for r in ruleset.document.rules if hook in r.hooks)


def check_twins(ruleset: CompiledRuleset, subset: bool) -> CompiledRuleset:
    """The rule set to time: all of it, or with ``subset`` only its rules that have a twin."""
    twinned = set(TWINS) | set(LANGUAGE_TWINS)
    stale = sorted(twinned - {r.id for r in ruleset.document.rules})
    if stale:
        print(f"note: twins for rules not in {ruleset.key} (unused): {', '.join(stale)}")
    missing = [r.id for r in ruleset.document.rules if r.id not in twinned]
    if not missing:
        return ruleset
    if not subset:
        raise BenchmarkError(
            f"{len(missing)} of {len(ruleset.document.rules)} rules of {ruleset.key} have no hand-written "
            "twin in benchmarks/handwritten.py, so the floor would not do the same checks. Write them, "
            f"or run `python -m benchmarks engine --subset` to time the others. Missing: {', '.join(missing)}"
        )
    rules = tuple(r for r in ruleset.document.rules if r.id in twinned)
    print(f"SUBSET: {len(rules)} of {len(ruleset.document.rules)} rules (those with a hand-written twin)")
    return compile_ruleset(ruleset.document.model_copy(update={"rules": rules}), ruleset.source)


def scaled(ruleset: CompiledRuleset, times: int) -> tuple[CompiledRuleset, dict[str, str]]:
    """The rule set with every non-language rule repeated ``times`` times under new ids (the same
    conditions), and which original each copy is of, so it is timed against the same twin."""
    rules: list[AnyRule] = []
    original: dict[str, str] = {}
    for rule in ruleset.document.rules:
        rules.append(rule)
        original[rule.id] = rule.id
        if isinstance(rule, LanguageRule):
            continue
        base, dot, variant = rule.id.partition(".")
        for copy in range(2, times + 1):
            new_id = f"{base}-X{copy}{dot}{variant}"
            rules.append(rule.model_copy(update={"id": new_id}))
            original[new_id] = rule.id
    document = ruleset.document.model_copy(update={"rules": tuple(rules)})
    return compile_ruleset(document, f"{ruleset.source} (x{times})"), original


Side = Callable[[int], Decision]  # evaluates checklist number i of the corpus


def engine_side(ruleset: CompiledRuleset, ctx: EvaluationContext, corpus: Sequence[Facts]) -> Side:
    """The engine on stored facts (replay's input form), parsed before timing as the hand side's dicts
    are, so both start from the same data (replay itself lets ZEN parse the text: see engine.py)."""
    stored = [EngineFacts.stored(canonical_json(facts), 2) for facts in corpus]
    for facts in stored:
        facts.stored_data()

    def run(i: int) -> Decision:
        return evaluate(ruleset, stored[i], ctx)

    return run


def hand_side(
    ruleset: CompiledRuleset,
    ctx: EvaluationContext,
    corpus: Sequence[Facts],
    original: dict[str, str] | None = None,
) -> Side:
    rules = rules_at(ruleset, ctx.hook)
    twin_of = original or {r.id: r.id for r in rules}
    plan: list[tuple[AnyRule, Twin]] = [
        (r, TWINS[twin_of[r.id]]) for r in rules if not isinstance(r, LanguageRule)
    ]
    language = [(r, LANGUAGE_TWINS[r.id]) for r in rules if isinstance(r, LanguageRule)]
    matcher = ruleset.language

    def run(i: int) -> Decision:
        facts = corpus[i]
        outcomes = {rule.id: twin(facts, ctx) for rule, twin in plan}
        details = None
        if language and matcher is not None:
            scanned, details = language_outcomes(
                matcher, [(rule, applies(facts, ctx)) for rule, applies in language], facts
            )
            outcomes.update(scanned)
        return build_decision(
            ruleset, [(r, outcomes[r.id]) for r in rules], ctx, checklist_schema_version=2, details=details
        )

    return run


def model_side(ruleset: CompiledRuleset, ctx: EvaluationContext, models: Sequence[Checklist]) -> Side:
    """The engine as the service calls it: from the validated model (dumped with its projection)."""

    facts = [EngineFacts.of(model) for model in models]

    def run(i: int) -> Decision:
        return evaluate(ruleset, facts[i], ctx)

    return run


def verify(count: int, engine: Side, hand: Side) -> None:
    mismatches: dict[str, int] = {}
    first: str | None = None
    for index in range(count):
        ours, theirs = engine(index), hand(index)
        if ours == theirs:
            continue
        differing = [rid for rid, o in ours.outcomes.items() if theirs.outcomes.get(rid) != o]
        differing = differing or ["(decision)"]
        for rid in differing:
            mismatches[rid] = mismatches.get(rid, 0) + 1
        if first is None:
            rid = differing[0]
            first = f"checklist #{index}, {rid}: engine {ours.outcomes.get(rid)}, "
            first += f"hand {theirs.outcomes.get(rid)}"
    if mismatches:
        counts = ", ".join(f"{rid} x{n}" for rid, n in sorted(mismatches.items()))
        raise BenchmarkError(f"hand-written twins disagree with the engine ({counts}); first: {first}")


def time_each(count: int, run: Side, out: list[int]) -> None:
    clock = time.perf_counter_ns
    for i in range(count):
        start = clock()
        run(i)
        out.append(clock() - start)


def measure(count: int, sides: dict[str, Side], repeats: int) -> dict[str, list[int]]:
    samples: dict[str, list[int]] = {name: [] for name in sides}
    names = list(sides)
    for name in names:  # warm-up: caches, branch predictors, the finding table
        time_each(min(count, 200), sides[name], [])
    for repeat in range(repeats):
        order = names if repeat % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            gc.disable()
            try:
                time_each(count, sides[name], samples[name])
            finally:
                gc.enable()
    return samples


def time_hook(
    label: str,
    ruleset: CompiledRuleset,
    corpus: Sequence[Facts],
    models: Sequence[Checklist],
    hook_name: str,
    repeats: int,
    original: dict[str, str] | None = None,
) -> Figure:
    hook = None if hook_name == "all" else hook_name
    ctx = EvaluationContext(hook=hook, as_of=AS_OF)
    sides = {
        "engine": engine_side(ruleset, ctx, corpus),
        "hand": hand_side(ruleset, ctx, corpus, original),
        "model": model_side(ruleset, ctx, models),
    }
    verify(len(corpus), sides["engine"], sides["hand"])
    samples = measure(len(corpus), sides, repeats)
    (e_med, e_p99), (h_med, h_p99) = summary_us(samples["engine"]), summary_us(samples["hand"])
    m_med, m_p99 = summary_us(samples["model"])
    n_rules = len(rules_at(ruleset, hook))
    print(f"\n{label}hook {hook_name} ({n_rules} rules), decisions identical on all {len(corpus)} checklists")
    print(f"  {'':28} {'median us':>10} {'p99 us':>10}")
    print(f"  {'engine (ZEN, from the file)':28} {e_med:10.1f} {e_p99:10.1f}")
    print(f"  {'hand-written Python':28} {h_med:10.1f} {h_p99:10.1f}")
    print(f"  ratio engine / hand: median {e_med / h_med:.2f}x, p99 {e_p99 / h_p99:.2f}x")
    print(
        f"  service path (engine from the validated model, its projected dump included): median "
        f"{m_med:.1f} us, p99 {m_p99:.1f} us; {m_med / h_med:.2f}x the floor, which starts from dicts"
    )
    suffix = f".x{label.strip(' :x')}" if label else ""
    return Figure(
        f"ratio.{hook_name}{suffix}",
        f"engine/hand median, {label}hook {hook_name}",
        e_med / h_med,
        TARGET_RATIO,
        False,
    )


def run(args: argparse.Namespace) -> list[Figure]:
    ruleset_id, _, version = args.ruleset.partition("@")
    ruleset = check_twins(RulesetRegistry.load().get(ruleset_id, version), args.subset)
    started = time.perf_counter()
    models = [Checklist.model_validate(c) for c in generate(args.checklists, seed=args.seed)]
    # Both sides start from the same dicts: the checklists as a rule set of this schema version
    # reads them (a v3 checklist's absent lists as [] for older rule sets, as the engine does).
    version = ruleset.document.checklist_schema_version
    corpus = [empty_lists(checklist_facts(m), version) if version < 3 else checklist_facts(m) for m in models]
    print(
        f"{ruleset.key}: {len(ruleset.document.rules)} rules; {len(corpus)} synthetic checklists "
        f"(1-8 children, 1-6 adults, seed {args.seed}; built in {time.perf_counter() - started:.1f} s); "
        f"{args.repeats} interleaved repeats"
    )
    hooks = ["all", *vocabulary.hooks()] if args.hooks == "every" else args.hooks.split(",")
    hooks = [h for h in hooks if h == "all" or rules_at(ruleset, h)]  # a hook without rules: no figure
    figures = [time_hook("", ruleset, corpus, models, hook, args.repeats) for hook in hooks]
    if args.scale > 1:
        big, original = scaled(ruleset, args.scale)
        label = f"x{args.scale}: "
        figures += [time_hook(label, big, corpus, models, hook, args.repeats, original) for hook in hooks]
    return figures
