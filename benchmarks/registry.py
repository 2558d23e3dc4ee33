"""The benchmarks ``python -m benchmarks`` knows. Add one by appending a line to ``BENCHMARKS``.

Each benchmark is a module with two functions, imported only when that benchmark runs:

- ``add_arguments(parser: argparse.ArgumentParser) -> None``: its options, every one with a default;
- ``run(args: argparse.Namespace) -> list[Target]``: prints its figures, returns the targets it
  checked, and raises ``BenchmarkError`` when a result is wrong (not merely slow).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, cast


class BenchmarkError(Exception):
    """The benchmark could not produce a trustworthy figure (wrong outcomes, server errors...)."""


@dataclass(frozen=True)
class Target:
    """One design target: ``measured`` must be ``at least`` or ``at most`` ``limit``."""

    name: str
    measured: float
    limit: float
    at_least: bool

    @property
    def met(self) -> bool:
        return self.measured >= self.limit if self.at_least else self.measured <= self.limit

    def __str__(self) -> str:
        sign = ">=" if self.at_least else "<="
        verdict = "met" if self.met else "MISSED"
        return f"{self.name}: {self.measured:.2f} (target {sign} {self.limit:g}) {verdict}"


class BenchmarkModule(Protocol):
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], list[Target]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    help: str
    module: str

    def load(self) -> BenchmarkModule:
        return cast(BenchmarkModule, importlib.import_module(self.module))


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark(
        "engine",
        "the full rule set over synthetic checklists vs hand-written Python (target: within 3x)",
        "benchmarks.engine_bench",
    ),
    Benchmark(
        "http",
        "POST /v1/evaluate vs a bare validate-only endpoint over loopback (target: >= 75%, p99 <= 1.5x)",
        "benchmarks.http_bench",
    ),
    Benchmark(
        "offline",
        "the JavaScript offline evaluator vs the server engine per checklist (target: within 10x)",
        "benchmarks.offline",
    ),
    # Benchmark("persistence", "...", "benchmarks.persistence_bench"),
    # Benchmark("replay", "...", "benchmarks.replay_bench"),
)
