"""Replay jobs say in the logs when they start, pause, resume and finish (ids and counts only)."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from app.db import build_engine, migrate
from app.rules.registry import RulesetRegistry
from app.services import demo
from app.services.replay import jobs
from app.services.replay.runner import run_job
from tests import replay_support as rs


def events(caplog: pytest.LogCaptureFixture) -> list[tuple[str, dict[str, Any]]]:
    return [(r.getMessage(), r.fields) for r in caplog.records if r.name == "safesteps.replay"]  # type: ignore[attr-defined]


def test_a_job_logs_its_start_pause_resumption_and_end(
    tmp_path: Path, registry: RulesetRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    engine: Engine = build_engine(f"sqlite:///{tmp_path / 'replay.db'}")
    migrate(engine)
    demo.seed(engine, registry, 60, batch=30)
    job_id = rs.create(engine, registry, mode="as_recorded")
    stops = iter([False, True])  # one batch, then a shutdown
    with caplog.at_level(logging.INFO, logger="safesteps.replay"):
        assert jobs.claim(engine, "worker-a", stale_after=timedelta(seconds=60), job_id=job_id) == job_id
        assert not run_job(
            engine, registry, job_id, "worker-a", batch_size=25, should_stop=lambda: next(stops)
        )
        jobs.release(engine, job_id, "worker-a")
        assert jobs.claim(engine, "worker-b", stale_after=timedelta(seconds=60), job_id=job_id) == job_id
        assert run_job(engine, registry, job_id, "worker-b", batch_size=25)

    logged = events(caplog)
    assert [message for message, _ in logged] == [
        "replay job started",
        "replay job paused",
        "replay job resumed",
        "replay job finished",
    ]
    started, paused, resumed, finished = (fields for _, fields in logged)
    decisions = rs.job(engine, job_id).total  # the seeder stores some incidents' closures too
    engine.dispose()
    assert decisions is not None
    assert decisions >= 60
    assert started == {
        "job_id": job_id,
        "mode": "as_recorded",
        "worker": "worker-a",
        "part": 0,  # a job this size is one part of the log
        "attempt": 1,
        "total": decisions,
    }
    assert paused["processed"] == 25
    assert (resumed["worker"], resumed["processed"], resumed["cursor"]) == ("worker-b", 25, 25)
    assert (finished["processed"], finished["flagged"]) == (decisions, 0)
    assert finished["seconds"] >= 0
