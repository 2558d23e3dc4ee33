"""Metrics read from the database at scrape time: the same answer whichever process is scraped.

The decision log's length is its chain head's ``seq`` (one row); replay jobs are counted by status,
with the progress of those running. A database that does not answer yields no samples (and
``safesteps_database_up 0``) rather than a failed scrape: the scrape is how an operator sees it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import col

from app.models.decision import DecisionChainHead
from app.models.replay import ReplayJob
from app.observability import error_type

log = logging.getLogger("safesteps.metrics")
JOB_STATUSES = ("queued", "running", "succeeded", "failed")


class DatabaseCollector(Collector):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("safesteps_database_up", "1 when the database answered this scrape.")
        try:
            with self.engine.connect() as connection:
                length = connection.execute(select(col(DecisionChainHead.seq))).scalar() or 0
                by_status = dict(
                    connection.execute(
                        select(col(ReplayJob.status), func.count()).group_by(col(ReplayJob.status))
                    ).all()
                )
                processed, total = connection.execute(
                    select(
                        func.coalesce(func.sum(col(ReplayJob.processed)), 0),
                        func.coalesce(func.sum(col(ReplayJob.total)), 0),
                    ).where(col(ReplayJob.status) == "running")
                ).one()
        except (DBAPIError, PoolTimeout) as exc:
            log.warning("metrics: database unavailable", extra={"fields": {"error": error_type(exc)}})
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily(
            "safesteps_decision_log_records",
            "Records in the decision log (its chain head's seq).",
            value=length,
        )
        jobs = GaugeMetricFamily("safesteps_replay_jobs", "Replay jobs by status.", labels=["status"])
        for status in JOB_STATUSES:
            jobs.add_metric([status], by_status.get(status, 0))
        yield jobs
        yield GaugeMetricFamily(
            "safesteps_replay_running_processed",
            "Decisions processed so far by the replay jobs running now.",
            value=processed,
        )
        yield GaugeMetricFamily(
            "safesteps_replay_running_total",
            "Decisions selected by the replay jobs running now (progress: processed / total).",
            value=total,
        )
