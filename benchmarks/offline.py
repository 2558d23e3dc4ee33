"""Offline evaluator benchmark: the reference JavaScript evaluator (clients/offline-js, GoRules ZEN's
npm build under Node.js) against the server's engine, per checklist, on the same machine and run.

Both evaluate the same synthetic checklists (canonical form) at the same hooks with the same
``as_of``, from the same rule-set version: the server's ``engine.evaluate`` on a validated checklist
(what a submission costs after validation) and the JavaScript ``Bundle.evaluate`` on a verified
signed bundle (what an MDT costs with no signal). Rounds are interleaved (alternating which side
goes first); each side's figure per round is its median per checklist, reported as min/median/max
over rounds. Before any figure, every JavaScript decision (outcomes, blocking, score) is compared
with the server's: any difference is an error, not a figure. The target is a ceiling on the ratio
(JavaScript / Python): an MDT answer must stay in the same order as the server's.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.rules.checklist import Checklist
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.registry import RulesetRegistry
from app.services.bundles import BundleService, load_private_key, new_private_key_text
from benchmarks.corpus import as_facts, generate
from benchmarks.registry import BenchmarkError, Figure, spread

CLIENT = Path(__file__).resolve().parents[1] / "clients" / "offline-js"
AS_OF = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
TARGET_RATIO = 10.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checklists", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--seed", type=int, default=20251122)
    parser.add_argument("--ruleset", default="concern-for-a-child@1.1.0", help="id@version")
    parser.add_argument("--hooks", default="all,scene.depart", help="comma-separated; `all` = every rule")


def python_round(ruleset: Any, models: list[Checklist], hooks: list[str]) -> tuple[dict[str, list[int]], Any]:
    samples: dict[str, list[int]] = {}
    decisions: dict[str, list[dict[str, Any]]] = {}
    for name in hooks:
        hook = None if name == "all" else name
        context = EvaluationContext(hook=hook, as_of=AS_OF)
        facts = [Facts.of(m) for m in models]
        for f in facts:  # warm-up, as the JavaScript side
            evaluate(ruleset, f, context)
        samples[name], decisions[name] = [], []
        for f in facts:
            start = time.perf_counter_ns()
            decision = evaluate(ruleset, f, context)
            samples[name].append(time.perf_counter_ns() - start)
            data = decision.model_dump(mode="json")
            decisions[name].append({k: data[k] for k in ("outcomes", "blocking", "score")})
    return samples, decisions


def node_round(files: dict[str, Path], hooks: list[str]) -> tuple[dict[str, list[int]], Any]:
    command = [
        "node",
        str(CLIENT / "bench.js"),
        str(files["bundle"]),
        str(files["keys"]),
        str(files["checklists"]),
    ]
    done = subprocess.run(
        [*command, AS_OF.isoformat(), ",".join(hooks)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BenchmarkError(f"the JavaScript evaluator failed: {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout)
    return result["samples_ns"], result["decisions"]


def run(args: argparse.Namespace) -> list[Figure]:
    if shutil.which("node") is None or not (CLIENT / "node_modules").is_dir():
        raise BenchmarkError(
            "needs Node.js and `npm ci` in clients/offline-js (clients/offline-js/run-kit.sh does it)"
        )
    ruleset_id, _, version = args.ruleset.partition("@")
    registry = RulesetRegistry.load()
    ruleset = registry.get(ruleset_id, version)
    service = BundleService(registry, load_private_key(new_private_key_text()))
    hooks = args.hooks.split(",")
    raw = generate(args.checklists, args.seed)
    models = [Checklist.model_validate(c) for c in raw]
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "bundle": Path(tmp) / "bundle.json",
            "keys": Path(tmp) / "keys.json",
            "checklists": Path(tmp) / "c.json",
        }
        files["bundle"].write_bytes(service.bundle(ruleset_id, version).body)
        files["keys"].write_text(json.dumps({"keys": service.public_keys()}), "utf-8")
        files["checklists"].write_text(json.dumps([as_facts(c) for c in raw]), "utf-8")
        per_round: dict[str, dict[str, list[float]]] = {
            side: {h: [] for h in hooks} for side in ("python", "js")
        }
        first: dict[str, Any] = {}
        for r in range(args.rounds):
            for side in ("python", "js") if r % 2 == 0 else ("js", "python"):
                if side == "python":
                    samples, decisions = python_round(ruleset, models, hooks)
                else:
                    samples, decisions = node_round(files, hooks)
                first.setdefault(side, decisions)
                for h in hooks:
                    per_round[side][h].append(statistics.median(samples[h]) / 1000)
    wrong = sum(a != b for h in hooks for a, b in zip(first["js"][h], first["python"][h], strict=True))
    if wrong:
        raise BenchmarkError(f"{wrong} JavaScript decisions differ from the server engine's")
    print(f"{ruleset.key}: {len(raw)} synthetic checklists x {len(hooks)} hooks, {args.rounds} rounds")
    print("every JavaScript decision (outcomes, blocking, score) equals the server engine's")
    figures: list[Figure] = []
    for h in hooks:
        py, js = per_round["python"][h], per_round["js"][h]
        ratios = [j / p for j, p in zip(js, py, strict=True)]
        figures += [
            Figure(
                f"server_us.{h}",
                f"server engine per checklist, {h}",
                statistics.median(py),
                spread=spread(py),
                unit=" us",
            ),
            Figure(
                f"js_us.{h}",
                f"JS offline evaluator per checklist, {h}",
                statistics.median(js),
                spread=spread(js),
                unit=" us",
            ),
            Figure(
                f"ratio.{h}",
                f"JS/server time per checklist, {h}",
                statistics.median(ratios),
                TARGET_RATIO,
                False,
                spread=spread(ratios),
            ),
        ]
    return figures
