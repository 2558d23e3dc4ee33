"""Helpers for replay tests: seeded databases, jobs run to completion, direct tampering."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import orjson
from sqlalchemy import Engine, select, text
from sqlmodel import Session

from app.db import begin_write
from app.models.tables import RECORDS as DECISIONS
from app.models.tables import RESULTS
from app.rules.registry import RulesetRegistry
from app.schemas.replay import ReplayCreate, ReplayJobPublic
from app.services.replay import jobs
from app.services.replay.runner import run_job


def create(engine: Engine, registry: RulesetRegistry, **body: Any) -> str:
    """A queued job; these tests store every result unless they say otherwise."""
    body.setdefault("results", "all")
    with Session(engine) as session:
        job_id = jobs.create_job(session, registry, ReplayCreate.model_validate(body), "test").id
        session.commit()
    return job_id


def run(engine: Engine, registry: RulesetRegistry, batch_size: int = 100, **body: Any) -> ReplayJobPublic:
    """Create a job, claim it and run it to the end in this thread."""
    job_id = create(engine, registry, **body)
    assert jobs.claim(engine, "test-worker", stale_after=timedelta(seconds=60), job_id=job_id) == job_id
    assert run_job(engine, registry, job_id, "test-worker", batch_size=batch_size)
    return job(engine, job_id)


def job(engine: Engine, job_id: str) -> ReplayJobPublic:
    with Session(engine) as session:
        return jobs.public(session, jobs.get_job(session, job_id))


def results(engine: Engine, job_id: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(RESULTS).where(RESULTS.c.job_id == job_id).order_by(RESULTS.c.seq)).all()
    return [{**row._asdict(), "detail": orjson.loads(row.detail)} for row in rows]


def stored_result(engine: Engine, seq: int) -> str:
    """A decision record's stored result, as the text it is stored as."""
    with engine.connect() as conn:
        return str(conn.execute(select(DECISIONS.c.result).where(DECISIONS.c.seq == seq)).scalar_one())


def tamper_result(engine: Engine, seq: int, **changes: Any) -> None:
    """Alter a stored decision's result behind the API's back: ``changes`` merged into it."""
    altered = {**orjson.loads(stored_result(engine, seq)), **changes}
    overwrite(engine, seq, result=orjson.dumps(altered).decode())


def overwrite(engine: Engine, seq: int, **columns: str) -> None:
    """Overwrite columns of a stored decision behind the API's back (PostgreSQL's append-only
    trigger switched off), e.g. with text that is not JSON."""
    with Session(engine) as session:
        begin_write(session)  # SQLite: take the write lock up front, waiting for a busy worker
        if engine.dialect.name == "postgresql":
            session.execute(text("SET LOCAL session_replication_role = replica"))
        session.execute(DECISIONS.update().where(DECISIONS.c.seq == seq).values(**columns))
        session.commit()
