"""Replay split into parts: several workers share a job; a killed one's part is taken over alone."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.models.replay import ReplayJob
from app.models.tables import PARTS, RECORDS, RESULTS
from app.rules.registry import RulesetRegistry
from app.schemas.replay import ReplayMode
from app.services import demo
from app.services.replay import jobs
from app.services.replay.runner import merge_summaries, run_job
from app.settings import Settings
from tests import replay_support as rs

ROOT = Path(__file__).resolve().parents[2]


def parts(engine: Engine, job_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(PARTS).where(PARTS.c.job_id == job_id).order_by(PARTS.c.part_no))
        return [row._asdict() for row in rows]


@contextmanager
def worker_process(url: str, name: str, *options: str) -> Iterator[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "tests.replay_worker_process", url, name, *options]
    env = {**os.environ, "RUST_BACKTRACE": "0"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_job_is_split_into_parts_of_the_log_that_cover_every_selected_decision_once(
    db_engine: Engine, registry: RulesetRegistry
) -> None:
    demo.seed(db_engine, registry, 250, batch=250, closures=False)
    job_id = rs.create(db_engine, registry, mode="as_recorded", selection={"force": "EASTVALE"})
    assert jobs.claim(db_engine, "w", stale_after=timedelta(seconds=60), part_size=30) == job_id
    job = rs.job(db_engine, job_id)
    with Session(db_engine) as session:
        stored = session.get(ReplayJob, job_id)
        query = jobs.job_query(stored, RECORDS.c.seq).order_by(RECORDS.c.seq)
        seqs = list(session.execute(query).scalars())
    ranges = [(p["seq_from"], p["seq_to"]) for p in parts(db_engine, job_id)]
    assert job.total == len(seqs) > 60
    assert job.parts == len(ranges) == -(-len(seqs) // 30)
    assert ranges[0][0] == 0
    assert ranges[-1][1] == seqs[-1]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))  # contiguous
    sizes = [sum(1 for s in seqs if lo < s <= hi) for lo, hi in ranges]
    # As ``part_sizes`` plans them, to within the grain the ends are chosen from (30 // 16 = 1).
    assert sizes == jobs.part_sizes(len(seqs), 30)
    # The planner holds the first part; the others wait for any worker.
    assert [(p["status"], p["worker"]) for p in parts(db_engine, job_id)][:2] == [
        ("running", "w"),
        ("queued", None),
    ]


def test_a_jobs_last_parts_are_smaller_so_that_its_workers_finish_together() -> None:
    # As many parts as part_size gives; the last three at a half, a quarter and a quarter of the
    # others, so no worker runs a whole part alone at the end of the job.
    assert jobs.part_sizes(20_000, 1000) == [1111] * 4 + [1112] + [1111] * 8 + [1112] + [1111] * 3 + [
        555, 278, 278,
    ]  # fmt: skip
    assert jobs.part_sizes(600, 50) == [60] * 9 + [30, 15, 15]
    # Three parts or fewer: no tail to even out, the parts are equal.
    assert jobs.part_sizes(1500, 1000) == [750, 750]
    assert jobs.part_sizes(0, 1000) == [0]
    for total, part_size in itertools.product((1, 7, 99, 1000, 4001), (1, 3, 4, 50, 1000)):
        sizes = jobs.part_sizes(total, part_size)
        assert sum(sizes) == total
        assert len(sizes) == -(-total // part_size)
        assert all(size > 0 for size in sizes)


def test_two_workers_share_a_job_and_the_last_part_merges_the_summary(
    db_engine: Engine, registry: RulesetRegistry
) -> None:
    demo.seed(db_engine, registry, 200, batch=200, closures=False)
    job_id = rs.create(
        db_engine, registry, mode="impact", ruleset={"id": "concern-for-a-child", "version": "1.0.0"}
    )
    stale = timedelta(seconds=60)
    assert jobs.claim(db_engine, "a", stale_after=stale, part_size=50) == job_id
    assert jobs.claim(db_engine, "b", stale_after=stale, part_size=50) == job_id  # part 1, not a's
    held = {p["part_no"]: p["worker"] for p in parts(db_engine, job_id) if p["worker"]}
    assert held == {0: "a", 1: "b"}
    stops = iter([False, True])  # a does one batch of its part, then is asked to stop
    assert not run_job(db_engine, registry, job_id, "a", batch_size=30, should_stop=lambda: next(stops))
    jobs.release(db_engine, job_id, "a")
    assert run_job(db_engine, registry, job_id, "b", batch_size=30, part_size=50)  # b does the rest
    done = rs.job(db_engine, job_id)
    assert (done.status, done.processed, done.total, done.parts, done.parts_done) == (
        "succeeded", 200, 200, 4, 4,
    )  # fmt: skip
    assert [r["seq"] for r in rs.results(db_engine, job_id)] == list(range(1, 201))
    whole = rs.run(
        db_engine, registry, mode="impact", ruleset={"id": "concern-for-a-child", "version": "1.0.0"}
    )
    assert whole.parts == 1
    assert done.summary == whole.summary


def test_summaries_of_parts_add_up() -> None:
    merged = merge_summaries(
        ReplayMode.impact,
        [
            {"decisions": 2, "changed": 1, "newly_blocking": 1, "no_longer_blocking": 0,
             "by_step": {"S1": {"appeared": 1}}, "by_severity": {"high": {"appeared": 1}}},
            {"decisions": 3, "changed": 2, "newly_blocking": 0, "no_longer_blocking": 1, "erased": 1,
             "by_step": {"S1": {"appeared": 2}, "S0": {"disappeared": 1}},
             "by_severity": {"critical": {"disappeared": 1}, "high": {"appeared": 2}}},
            {},
        ],
    )  # fmt: skip
    assert merged == {
        "decisions": 5,
        "changed": 3,
        "newly_blocking": 1,
        "no_longer_blocking": 1,
        "erased": 1,  # a part summarised before erased records and errors were counted has none
        "errors": 0,
        "by_step": {"S0": {"disappeared": 1}, "S1": {"appeared": 3}},
        "by_severity": {"critical": {"disappeared": 1}, "high": {"appeared": 3}},
    }
    assert list(merged["by_severity"]) == ["critical", "high"]
    as_recorded = [{"decisions": 4, "reproduced": 3, "failed": 1, "erased": 0}, {}]
    assert merge_summaries(ReplayMode.as_recorded, as_recorded) == as_recorded[0]


def test_an_empty_selection_is_one_empty_part_and_succeeds(
    db_engine: Engine, registry: RulesetRegistry
) -> None:
    job = rs.run(db_engine, registry, mode="as_recorded")
    assert (job.status, job.total, job.processed, job.parts, job.parts_done) == ("succeeded", 0, 0, 1, 1)
    assert job.summary == {"decisions": 0, "reproduced": 0, "failed": 0, "erased": 0}


def test_a_job_split_across_two_worker_processes_with_one_killed_mid_part_replays_every_decision_once(
    db_settings: Settings, db_engine: Engine, registry: RulesetRegistry
) -> None:
    demo.seed(db_engine, registry, 600, batch=300, closures=False)
    job_id = rs.create(db_engine, registry, mode="as_recorded")  # every result stored
    url = db_settings.database_url
    # Parts of 50 in batches of 10: the doomed worker finishes its first part and stops for good two
    # batches into its second (no batch, no heartbeat), so it is mid-part whenever the survivor starts,
    # however slowly a loaded machine starts processes. A part goes stale 5 s after its last batch.
    common = ["--part-size", "50", "--batch-size", "10", "--stale-seconds", "5"]
    with worker_process(url, "doomed", *common, "--hold-after-batches", "7") as doomed:

        def doomed_holding() -> bool:  # one part done, the next begun
            mine = [p for p in parts(db_engine, job_id) if p["worker"] == "doomed"]
            return any(p["status"] == "succeeded" for p in mine) and any(
                p["status"] == "running" and p["seq_from"] < p["cursor"] < p["seq_to"] for p in mine
            )

        wait_until(doomed_holding)
        [cut] = [p for p in parts(db_engine, job_id) if p["worker"] == "doomed" and p["status"] == "running"]
        with worker_process(url, "survivor", *common):
            # Both at work on the same job; then the doomed worker is cut off in the middle of its part.
            wait_until(lambda: any(p["worker"] == "survivor" for p in parts(db_engine, job_id)))
            doomed.send_signal(signal.SIGKILL)
            doomed.wait(10)
            wait_until(lambda: rs.job(db_engine, job_id).status != "running")
    done = rs.job(db_engine, job_id)
    assert (done.status, done.processed, done.total, done.parts, done.parts_done) == (
        "succeeded", 600, 600, 12, 12,
    )  # fmt: skip
    assert done.summary == {"decisions": 600, "reproduced": 600, "failed": 0, "erased": 0}
    with db_engine.connect() as conn:
        seqs = list(conn.execute(select(RECORDS.c.seq).order_by(RECORDS.c.seq)).scalars())
        count = conn.execute(
            select(func.count()).select_from(RESULTS).where(RESULTS.c.job_id == job_id)
        ).scalar_one()
    stored = [r["seq"] for r in rs.results(db_engine, job_id)]
    assert stored == seqs
    assert count == 600
    after = {p["part_no"]: p for p in parts(db_engine, job_id)}
    taken_over = after[cut["part_no"]]
    # The cut part was finished by the survivor from the doomed worker's last commit; no other
    # part was claimed twice.
    assert (taken_over["status"], taken_over["worker"], taken_over["attempts"]) == (
        "succeeded",
        "survivor",
        2,
    )
    assert [p["attempts"] for n, p in after.items() if n != cut["part_no"]] == [1] * 11
    assert sorted(p["worker"] for p in after.values()) == ["doomed"] + ["survivor"] * 11
    assert done.attempts == 2
