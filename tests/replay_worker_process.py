"""A replay worker in a process of its own, for tests that kill one mid-part.

    python -m tests.replay_worker_process DATABASE_URL NAME --part-size N --batch-size N
        [--stale-seconds S] [--hold-after-batches N]

Runs the worker loop (``ReplayWorker.run_once``) until killed. ``--hold-after-batches N`` stops the
worker for good after its N-th committed batch (in this test process only; no further batch and no
heartbeat), so that a test catches it mid-part by construction, not by timing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import threading
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
    parser.add_argument("--hold-after-batches", type=int, default=0)
    args = parser.parse_args()
    if args.hold_after_batches:
        write = runner._write_batch
        written = itertools.count(1)

        def write_then_hold(*a: Any) -> None:
            write(*a)
            if next(written) == args.hold_after_batches:
                threading.Event().wait()  # until the test kills this process

        runner._write_batch = write_then_hold  # type: ignore[assignment]
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
