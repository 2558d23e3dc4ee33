"""The background worker: a thread that claims parts of replay jobs through the database and runs them.

Started by the app's lifespan, and by ``safesteps replay-worker`` for a process that only replays.
Any number of processes, on one machine or many against one PostgreSQL, may each run one: claims
are conditional updates, and a job is split into parts so that they share it. On shutdown the
parts a worker holds are given back to the queue at their last committed batch; if the process
dies instead, their heartbeats go stale and the next worker to poll resumes each from its cursor
(or fails the job after ``MAX_ATTEMPTS`` interruptions of one part), redoing none of the others.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from sqlalchemy import Engine

from app.rules.registry import RulesetRegistry
from app.services.replay import jobs
from app.services.replay.jobs import LostClaim
from app.services.replay.runner import run_job

log = logging.getLogger("safesteps.replay")


def worker_name(kind: str) -> str:
    return f"{kind}-{socket.gethostname()[:24]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class ReplayWorker:
    def __init__(
        self,
        engine: Engine,
        registry: RulesetRegistry,
        *,
        poll_seconds: float = 1.0,
        stale_after: timedelta = timedelta(seconds=60),
        batch_size: int = 1000,
        part_size: int = jobs.PART_SIZE,
    ) -> None:
        self.engine, self.registry = engine, registry
        self.poll_seconds, self.stale_after, self.batch_size = poll_seconds, stale_after, batch_size
        self.part_size = part_size
        self.name = worker_name("worker")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="replay-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def run_once(self) -> bool:
        """Claim a part and run it and the job's other free parts; False when there was none to claim."""
        job_id = jobs.claim(self.engine, self.name, stale_after=self.stale_after, part_size=self.part_size)
        if job_id is None:
            return False
        try:
            finished = run_job(
                self.engine,
                self.registry,
                job_id,
                self.name,
                batch_size=self.batch_size,
                should_stop=self._stop.is_set,
                stale_after=self.stale_after,
                part_size=self.part_size,
            )
            if not finished:
                jobs.release(self.engine, job_id, self.name)
        except LostClaim:
            log.warning("replay job %s was taken over by another worker", job_id)
        except Exception as exc:
            log.exception("replay job %s failed", job_id)
            jobs.fail(self.engine, job_id, self.name, f"{type(exc).__name__}: {exc}")
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # e.g. the database is unreachable: keep polling
                log.exception("replay worker could not poll for jobs")
                busy = False
            if not busy:
                self._stop.wait(self.poll_seconds)
