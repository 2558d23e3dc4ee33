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
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision
from app.rules.engine import EvaluationContext, build_decision, evaluate
from app.rules.model import Rule
from app.rules.registry import RulesetRegistry
from benchmarks.corpus import as_facts, generate
from benchmarks.handwritten import TWINS, Twin
from benchmarks.registry import BenchmarkError, Target
from benchmarks.stats import summary_us

TARGET_RATIO = 3.0
AS_OF = datetime(2025, 12, 1, 12, 0, tzinfo=UTC)

Facts = dict[str, Any]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checklists", type=int, default=3000, help="corpus size (default 3000)")
    parser.add_argument("--repeats", type=int, default=6, help="interleaved repeats (default 6)")
    parser.add_argument("--seed", type=int, default=20251122)
    parser.add_argument("--ruleset", default="concern-for-a-child@1.0.0", help="id@version")
    parser.add_argument(
        "--hooks",
        default="all,scene.depart",
        help="comma-separated hooks; `all` = every rule (default: all,scene.depart)",
    )


def rules_at(ruleset: CompiledRuleset, hook: str | None) -> tuple[Rule, ...]:
    """The rules a hook evaluates, in rule-set order: the engine's selection, computed independently."""
    if hook is None or hook == vocabulary.ALL_RULES_HOOK:
        return ruleset.document.rules
    return tuple(r for r in ruleset.document.rules if hook in r.hooks)


def check_twins(ruleset: CompiledRuleset) -> None:
    missing = [r.id for r in ruleset.document.rules if r.id not in TWINS]
    if missing:
        raise BenchmarkError(
            f"{len(missing)} rule(s) of {ruleset.key} have no hand-written twin in "
            f"benchmarks/handwritten.py, so the floor would not do the same checks: {', '.join(missing)}"
        )
    stale = sorted(set(TWINS) - {r.id for r in ruleset.document.rules})
    if stale:
        print(f"note: twins for rules not in {ruleset.key} (unused): {', '.join(stale)}")


def engine_side(ruleset: CompiledRuleset, ctx: EvaluationContext) -> Callable[[Facts], Decision]:
    def run(facts: Facts) -> Decision:
        return evaluate(ruleset, facts, ctx, checklist_schema_version=2)

    return run


def hand_side(ruleset: CompiledRuleset, ctx: EvaluationContext) -> Callable[[Facts], Decision]:
    plan: list[tuple[Rule, Twin]] = [(rule, TWINS[rule.id]) for rule in rules_at(ruleset, ctx.hook)]

    def run(facts: Facts) -> Decision:
        outcomes = [(rule, twin(facts, ctx)) for rule, twin in plan]
        return build_decision(ruleset, outcomes, ctx, checklist_schema_version=2)

    return run


Side = Callable[[Facts], Decision]


def verify(corpus: Sequence[Facts], engine: Side, hand: Side) -> None:
    mismatches: dict[str, int] = {}
    first: str | None = None
    for index, facts in enumerate(corpus):
        ours, theirs = engine(facts), hand(facts)
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


def time_each(corpus: Sequence[Facts], run: Callable[[Facts], Decision], out: list[int]) -> None:
    clock = time.perf_counter_ns
    for facts in corpus:
        start = clock()
        run(facts)
        out.append(clock() - start)


def measure(
    corpus: Sequence[Facts], sides: dict[str, Callable[[Facts], Decision]], repeats: int
) -> dict[str, list[int]]:
    samples: dict[str, list[int]] = {name: [] for name in sides}
    names = list(sides)
    for name in names:  # warm-up: caches, branch predictors, the finding table
        time_each(corpus[:200], sides[name], [])
    for repeat in range(repeats):
        order = names if repeat % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            gc.disable()
            try:
                time_each(corpus, sides[name], samples[name])
            finally:
                gc.enable()
    return samples


def run(args: argparse.Namespace) -> list[Target]:
    ruleset_id, _, version = args.ruleset.partition("@")
    ruleset = RulesetRegistry.load().get(ruleset_id, version)
    check_twins(ruleset)
    started = time.perf_counter()
    corpus = [as_facts(c) for c in generate(args.checklists, seed=args.seed)]
    print(
        f"{ruleset.key}: {len(ruleset.document.rules)} rules; {len(corpus)} synthetic checklists "
        f"(1-8 children, 1-6 adults, seed {args.seed}; built in {time.perf_counter() - started:.1f} s); "
        f"{args.repeats} interleaved repeats"
    )
    targets: list[Target] = []
    for hook_name in args.hooks.split(","):
        hook = None if hook_name == "all" else hook_name
        ctx = EvaluationContext(hook=hook, as_of=AS_OF)
        sides = {"engine": engine_side(ruleset, ctx), "hand": hand_side(ruleset, ctx)}
        verify(corpus, sides["engine"], sides["hand"])
        samples = measure(corpus, sides, args.repeats)
        (e_med, e_p99), (h_med, h_p99) = summary_us(samples["engine"]), summary_us(samples["hand"])
        n_rules = len(rules_at(ruleset, hook))
        print(f"\nhook {hook_name} ({n_rules} rules), decisions identical on all {len(corpus)} checklists")
        print(f"  {'':28} {'median us':>10} {'p99 us':>10}")
        print(f"  {'engine (ZEN, from the file)':28} {e_med:10.1f} {e_p99:10.1f}")
        print(f"  {'hand-written Python':28} {h_med:10.1f} {h_p99:10.1f}")
        print(f"  ratio engine / hand: median {e_med / h_med:.2f}x, p99 {e_p99 / h_p99:.2f}x")
        targets.append(Target(f"engine/hand median, hook {hook_name}", e_med / h_med, TARGET_RATIO, False))
    return targets
