"""A replay worker in a process of its own, for tests that kill one mid-part.

    python -m tests.replay_worker_process DATABASE_URL NAME --part-size N --batch-size N
        [--stale-seconds S] [--pause-after-batch S]

Runs the worker loop (``ReplayWorker.run_once``) until killed. ``--pause-after-batch`` sleeps after
each committed batch (in this test process only) so that a test can catch the worker mid-part.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import timedelta
from typing import Any

from app.db import build_engine
from app.rules.registry import RulesetRegistry
from app.services.replay import runner
from app.services.replay.worker import ReplayWorker


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("name")
    parser.add_argument("--part-size", type=int, required=True)
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--stale-seconds", type=float, default=60)
    parser.add_argument("--pause-after-batch", type=float, default=0)
    args = parser.parse_args()
    if args.pause_after_batch:
        write = runner._write_batch

        def slow_write(*a: Any) -> int:
            done = write(*a)
            time.sleep(args.pause_after_batch)
            return done

        runner._write_batch = slow_write  # type: ignore[assignment]
    engine = build_engine(args.url, pool_size=3)
    worker = ReplayWorker(
        engine,
        RulesetRegistry.load(),
        stale_after=timedelta(seconds=args.stale_seconds),
        batch_size=args.batch_size,
        part_size=args.part_size,
    )
    worker.name = args.name
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        if not worker.run_once():
            time.sleep(0.05)


if __name__ == "__main__":
    main()
