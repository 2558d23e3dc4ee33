"""The benchmarks ``python -m benchmarks`` knows. Add one by appending a line to ``BENCHMARKS``.

Each benchmark is a module with two functions, imported only when that benchmark runs:

- ``add_arguments(parser: argparse.ArgumentParser) -> None``: its options, every one with a default;
- ``run(args: argparse.Namespace) -> list[Figure]``: prints its figures, returns them (each under a
  stable key, a target with it or none), and raises ``BenchmarkError`` when a result is wrong (not
  merely slow).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast


class BenchmarkError(Exception):
    """The benchmark could not produce a trustworthy figure (wrong outcomes, server errors...)."""


@dataclass(frozen=True)
class Figure:
    """One measured figure under a stable ``key`` (``python -m benchmarks --json`` writes it).

    ``value`` is the figure of merit; ``spread`` is (min, median, max) over interleaved rounds when
    there were several. With a ``limit``, it is a design target: ``value`` must be ``at least`` or
    ``at most`` the limit."""

    key: str
    name: str
    value: float
    limit: float | None = None
    at_least: bool = True
    spread: tuple[float, float, float] | None = None
    unit: str = ""

    @property
    def is_target(self) -> bool:
        return self.limit is not None

    @property
    def met(self) -> bool:
        if self.limit is None:
            return True
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "value": round(self.value, 4)}
        if self.unit:
            data["unit"] = self.unit
        if self.spread is not None:
            data["min"], data["median"], data["max"] = (round(v, 4) for v in self.spread)
        if self.limit is not None:
            data["target"] = f"{'>=' if self.at_least else '<='} {self.limit:g}"
            data["met"] = self.met
        return data

    def __str__(self) -> str:
        spread = ""
        if self.spread is not None:
            spread = " (min {:.2f} / median {:.2f} / max {:.2f})".format(*self.spread)
        if self.limit is None:
            return f"{self.name}: {self.value:.2f}{self.unit}{spread}"
        sign = ">=" if self.at_least else "<="
        verdict = "met" if self.met else "MISSED"
        return f"{self.name}: {self.value:.2f}{spread} (target {sign} {self.limit:g}) {verdict}"


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """(min, median, max) of per-round values."""
    return min(values), statistics.median(values), max(values)


class BenchmarkModule(Protocol):
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], list[Figure]]


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
        "the rule set over synthetic checklists vs hand-written Python, also with 5x the rules (<= 2x)",
        "benchmarks.engine_bench",
    ),
    Benchmark(
        "http",
        "POST /v1/evaluate vs a Starlette floor and a validate-only endpoint (>= 85% / >= 100%, p99 <= 1.3x)",
        "benchmarks.http_bench",
    ),
    Benchmark(
        "asgi",
        "POST /v1/evaluate through the app's and the floor's ASGI apps in process: CPU per request, the gap",
        "benchmarks.asgi_bench",
    ),
    Benchmark(
        "persistence",
        "persisted submissions vs stateless evaluation by server CPU, SQLite and PostgreSQL (<= 2x)",
        "benchmarks.persistence",
    ),
    Benchmark(
        "replay",
        "replay vs the in-memory engine, one process and two (>= 80%; 2 processes >= 1.8x one)",
        "benchmarks.replay",
    ),
    Benchmark(
        "offline",
        "the JavaScript offline evaluator vs the server engine per checklist (target: within 10x)",
        "benchmarks.offline",
    ),
    Benchmark(
        "history",
        "a submission reading person history vs without, 1M person_history rows on PostgreSQL "
        "(<= 1.2x CPU and p99)",
        "benchmarks.history",
    ),
)
