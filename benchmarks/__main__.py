"""``python -m benchmarks [--json FILE] [NAME [options]]``: one benchmark, or every one with defaults.

Exit status: 0 every target met; 1 a benchmark failed (wrong results, a server that would not
start); 2 bad usage; 3 every result correct but a target missed. ``--json FILE`` writes every
figure under its stable key (``engine.ratio.scene.depart``, ``http.floor.throughput``...), with its
min/median/max over rounds and its target, so that a script can check them.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.registry import BENCHMARKS, Benchmark, BenchmarkError, Figure

USAGE = "usage: python -m benchmarks [--json FILE] [NAME [options]]   (NAME --help for its options)"


def describe() -> str:
    lines = [USAGE, "", "Without NAME, runs every benchmark with its defaults. Benchmarks:"]
    lines += [f"  {b.name:12} {b.help}" for b in BENCHMARKS]
    return "\n".join(lines)


def write_json(path: Path, results: list[tuple[str, list[Figure]]], failed: list[str]) -> None:
    figures = {f"{name}.{fig.key}": fig.as_json() for name, figs in results for fig in figs}
    document = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "failed": failed,
        "figures": figures,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    json_path: Path | None = None
    if argv[:1] == ["--json"]:
        if len(argv) < 2:
            print(f"--json needs a file name\n\n{describe()}", file=sys.stderr)
            return 2
        json_path, argv = Path(argv[1]), argv[2:]
    by_name = {b.name: b for b in BENCHMARKS}
    if argv and argv[0] in ("-h", "--help"):
        print(describe())
        return 0
    if argv and argv[0] not in by_name:
        print(f"unknown benchmark {argv[0]!r}\n\n{describe()}", file=sys.stderr)
        return 2
    chosen: list[tuple[Benchmark, list[str]]] = (
        [(by_name[argv[0]], argv[1:])] if argv else [(b, []) for b in BENCHMARKS]
    )
    results: list[tuple[str, list[Figure]]] = []
    failed: list[str] = []
    for bench, rest in chosen:
        # A benchmark's module is imported only when it runs: one that cannot import stops only itself.
        module = bench.load()
        parser = argparse.ArgumentParser(prog=f"python -m benchmarks {bench.name}", description=bench.help)
        module.add_arguments(parser)
        args = parser.parse_args(rest)
        print(f"\n=== {bench.name}: {bench.help}", flush=True)
        started = time.perf_counter()
        try:
            figures = module.run(args)
        except BenchmarkError as exc:
            print(f"\nFAILED {bench.name}: {exc}", file=sys.stderr, flush=True)
            failed.append(bench.name)
            continue
        print(f"({bench.name} took {time.perf_counter() - started:.0f} s)")
        results.append((bench.name, figures))
    print("\n=== figures")
    missed = False
    for name, figures in results:
        for figure in figures:
            missed = missed or not figure.met
            print(f"{name:11} {figure}")
    for name in failed:
        print(f"{name:11} FAILED (see above): no figure")
    if json_path is not None:
        write_json(json_path, results, failed)
        print(f"wrote {json_path}")
    return 1 if failed else 3 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
