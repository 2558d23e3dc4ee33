"""How long-lived processes (the service, replay workers, the CLI's long runs, and the benchmarks'
floors, which get the same conventions) set the garbage collector once start-up is done.

- Everything built by then lives as long as the process (the compiled rule sets are ~150k
  objects): collected once and frozen, full collections stop rescanning it (a ~72 ms pause every
  ~420 requests was the p99 of the evaluate endpoint).
- The young generation's threshold goes from 700 to ``YOUNG_THRESHOLD``. Work in flight keeps
  containers alive across a collection (32 queued submissions hold ~1,600), and their later
  deallocations no longer count against it, so at 700 the count never drains: the persisted path
  ran ~1,000 young collections per 6,000 submissions (~30 µs each, ~23 on the event loop). At
  20,000 it runs none in a benchmark phase; what dies by reference counting (nearly everything)
  never waits for a collection either way, and cycles wait for at most 20,000 allocations.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000

Thresholds = tuple[int, int, int]


def settle() -> Thresholds:
    """After start-up: collect, freeze what is left, raise the young threshold; returns the
    thresholds before, for ``release``."""
    gc.collect()
    gc.freeze()
    before: Thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, before[1], before[2])
    return before


def release(before: Thresholds) -> None:
    """Undo ``settle`` (an app shutting down in a process that goes on: tests, benchmarks)."""
    gc.set_threshold(*before)
    gc.unfreeze()
