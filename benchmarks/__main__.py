"""``python -m benchmarks [NAME [options]]``: run one benchmark, or every one in turn with defaults.

Exit status: 0 every target met; 1 a benchmark failed (wrong results, a server that would not
start); 2 bad usage; 3 every result correct but a target missed.
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks.registry import BENCHMARKS, Benchmark, BenchmarkError, Target

USAGE = "usage: python -m benchmarks [NAME [options]]   (NAME --help for a benchmark's options)"


def describe() -> str:
    lines = [USAGE, "", "Without NAME, runs every benchmark with its defaults. Benchmarks:"]
    lines += [f"  {b.name:12} {b.help}" for b in BENCHMARKS]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
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
    results: list[tuple[str, list[Target]]] = []
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
            targets = module.run(args)
        except BenchmarkError as exc:
            print(f"\nFAILED {bench.name}: {exc}", file=sys.stderr, flush=True)
            failed.append(bench.name)
            continue
        print(f"({bench.name} took {time.perf_counter() - started:.0f} s)")
        results.append((bench.name, targets))
    print("\n=== targets")
    missed = False
    for name, targets in results:
        for target in targets:
            missed = missed or not target.met
            print(f"{name:8} {target}")
    for name in failed:
        print(f"{name:8} FAILED (see above): no figure")
    return 1 if failed else 3 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
