"""Real threads on real connections: ordering of chain appends, idempotent and conditional races."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest
from sqlalchemy import Engine, select
from sqlmodel import col

from app.db import build_engine, session_scope
from app.errors import StaleRevision
from app.models import ChecklistRevision
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import audit, submissions
from app.settings import Settings
from tests.submissions import submission

T = TypeVar("T")
WORKERS = 20


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=WORKERS)
    yield engine
    engine.dispose()


def race(engine: Engine, count: int, work: Callable[[int], T]) -> list[T | Exception]:
    """Run ``work(i)`` in ``count`` threads released together, each in its own unit of work."""
    barrier = threading.Barrier(count)

    def run(i: int) -> T | Exception:
        barrier.wait()
        try:
            return work(i)
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def submit(
    engine: Engine,
    registry: RulesetRegistry,
    ref: str,
    *,
    key: str | None = None,
    base: int | None = None,
    by: str = "t",
) -> submissions.Stored:
    body = SubmissionCreate.model_validate(submission(ref, submitted_by=by, base_revision=base))
    with session_scope(engine) as session:
        return submissions.submit(
            session, registry, ref, body, idempotency_key=key, if_match=None, requested_by="test"
        )


def test_20_concurrent_submitters_leave_a_chain_that_verifies(
    engine: Engine, registry: RulesetRegistry
) -> None:
    # Half write to their own incident, half to one shared incident.
    results = race(
        engine, WORKERS, lambda i: submit(engine, registry, f"WMP-{i}" if i % 2 else "WMP-SHARED", by=str(i))
    )
    assert not [r for r in results if isinstance(r, Exception)]
    with session_scope(engine) as session:
        report = audit.verify(session)
        numbers = session.execute(select(col(ChecklistRevision.number))).scalars().all()
    assert report.verified is True
    assert report.records == WORKERS
    shared = sorted(
        r.revision for r in results if isinstance(r, submissions.Stored) and r.incident_ref == "WMP-SHARED"
    )
    assert shared == list(range(1, WORKERS // 2 + 1))
    assert sorted(numbers) == sorted([1] * (WORKERS // 2) + shared)


def test_concurrent_retries_with_one_key_store_once(engine: Engine, registry: RulesetRegistry) -> None:
    results = race(engine, 10, lambda i: submit(engine, registry, "WMP-RETRY", key="same-key"))
    stored = [r for r in results if isinstance(r, submissions.Stored)]
    assert len(stored) == 10
    assert sum(not r.replayed for r in stored) == 1
    assert len({r.response for r in stored}) == 1
    with session_scope(engine) as session:
        assert audit.verify(session).records == 1


def test_concurrent_conditional_writes_let_exactly_one_win(engine: Engine, registry: RulesetRegistry) -> None:
    submit(engine, registry, "WMP-COND")
    results = race(engine, 10, lambda i: submit(engine, registry, "WMP-COND", base=1, by=str(i)))
    winners = [r for r in results if isinstance(r, submissions.Stored)]
    losers = [r for r in results if isinstance(r, StaleRevision)]
    assert [w.revision for w in winners] == [2]
    assert len(losers) == 9
    assert {e.current for e in losers} == {2}
    with session_scope(engine) as session:
        assert audit.verify(session).records == 2
