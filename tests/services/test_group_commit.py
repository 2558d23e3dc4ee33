"""Group commit (``app.db.GroupWriter``) and the queued submission path (``submissions.queued``).

Jobs queued before the writer starts form one transaction, so every test here knows what shares a
commit. The queued path must store and answer exactly as the plain path (``submissions.submit``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import orjson
import pytest
from sqlalchemy import Connection, Engine, func, select

from app.db import GroupWriter, begin_write, build_engine, session_scope
from app.errors import DatabaseBusy, IdempotencyConflict, StaleRevision
from app.models.base import utcnow
from app.models.tables import INCIDENTS, KEYS, RECORDS
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import aggregates, audit, statements, submissions
from app.settings import Settings
from tests.submissions import submission


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=4)
    yield engine
    engine.dispose()


def body(ref: str, **extra: Any) -> SubmissionCreate:
    return SubmissionCreate.model_validate(submission(ref, **extra))


def queue_all(
    engine: Engine, registry: RulesetRegistry, calls: list[tuple[str, dict[str, Any]]]
) -> list[submissions.Stored | Exception]:
    """Queue every submission, then start the writer: they share one transaction."""
    writer = GroupWriter(engine)
    futures = [
        writer.submit(
            *submissions.queued(
                registry,
                ref,
                body(ref, **extra.pop("body", {})),
                idempotency_key=extra.get("key"),
                if_match=extra.get("if_match"),
                requested_by="test",
            )
        )
        for ref, extra in calls
    ]
    writer.start()
    try:
        return [_outcome(f) for f in futures]
    finally:
        writer.stop()


def _outcome(future: Future[submissions.Stored]) -> submissions.Stored | Exception:
    error = future.exception(timeout=60)
    return error if isinstance(error, Exception) else future.result()


def verified(engine: Engine) -> int:
    with session_scope(engine) as session:
        report = audit.verify(session)
    assert report.verified is True
    return report.records


def test_queued_submissions_share_a_transaction_and_the_chain_verifies(
    engine: Engine, registry: RulesetRegistry
) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [(f"GC-{i % 3}", {}) for i in range(9)]
    results = queue_all(engine, registry, calls)
    stored = [r for r in results if isinstance(r, submissions.Stored)]
    assert len(stored) == 9
    # Revisions per incident in the order the submissions were queued; records in the same order.
    assert [s.revision for s in stored] == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert verified(engine) == 9
    with engine.connect() as conn:
        logged = conn.execute(select(RECORDS.c.incident_ref, RECORDS.c.revision).order_by(RECORDS.c.seq))
        assert [tuple(r) for r in logged] == [(s.incident_ref, s.revision) for s in stored]
        # The aggregates written for the whole transaction are what a rebuild from the log gives.
        assert aggregates.check(conn, registry).ok


def test_the_queued_path_stores_and_answers_as_the_plain_path(
    engine: Engine, registry: RulesetRegistry
) -> None:
    with session_scope(engine) as session:
        plain = submissions.submit(
            session, registry, "GC-PLAIN", body("GC-PLAIN"), idempotency_key="k1", if_match=None,
            requested_by="t",
        )  # fmt: skip
    (queued,) = queue_all(engine, registry, [("GC-QUEUED", {"key": "k1"})])
    assert isinstance(queued, submissions.Stored)

    def comparable(stored: submissions.Stored) -> dict[str, Any]:
        answer: dict[str, Any] = orjson.loads(stored.response)
        for name in ("incident_ref", "decision_id", "received_at"):
            answer.pop(name)
        return answer

    assert (queued.status_code, queued.revision, queued.replayed) == (plain.status_code, 1, False)
    assert comparable(queued) == comparable(plain)
    assert verified(engine) == 2
    with engine.connect() as conn:
        assert aggregates.check(conn, registry).ok


def test_a_failing_submission_rolls_back_alone(engine: Engine, registry: RulesetRegistry) -> None:
    results = queue_all(
        engine,
        registry,
        [
            ("GC-A", {}),
            ("GC-B", {"if_match": 4}),  # stale: the incident does not exist
            ("GC-A", {"key": "dup"}),
            ("GC-C", {"key": "dup"}),  # the same key for another request
            ("GC-A", {}),
        ],
    )
    assert isinstance(results[1], StaleRevision)
    assert isinstance(results[3], IdempotencyConflict)
    assert [r.revision for r in results if isinstance(r, submissions.Stored)] == [1, 2, 3]
    assert verified(engine) == 3
    with engine.connect() as conn:
        refs = conn.execute(select(INCIDENTS.c.reference).order_by(INCIDENTS.c.reference)).scalars().all()
    assert refs == ["GC-A"]


def test_a_retry_in_the_same_transaction_is_answered_with_the_stored_response(
    engine: Engine, registry: RulesetRegistry
) -> None:
    results = queue_all(engine, registry, [("GC-R", {"key": "same"})] * 4)
    stored = [r for r in results if isinstance(r, submissions.Stored)]
    assert [s.replayed for s in stored] == [False, True, True, True]
    assert len({s.response for s in stored}) == 1
    assert verified(engine) == 1


def test_conditional_writes_in_one_transaction_let_exactly_one_win(
    engine: Engine, registry: RulesetRegistry
) -> None:
    queue_all(engine, registry, [("GC-COND", {})])
    results = queue_all(engine, registry, [("GC-COND", {"if_match": 1})] * 5)
    assert [r.revision for r in results if isinstance(r, submissions.Stored)] == [2]
    losers = [r for r in results if isinstance(r, StaleRevision)]
    assert len(losers) == 4
    assert {e.current for e in losers} == {2}
    assert verified(engine) == 2


def _claim(key: str) -> Callable[[Connection], str]:
    """A small unit of work: claim an idempotency key."""

    def apply(conn: Connection) -> str:
        params = {"scope": "gc", "key": key, "request_hash": "h", "created_at": utcnow()}
        conn.execute(statements.claim_key(conn.dialect.name), params)
        return key

    return apply


def keys(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(KEYS)).scalar_one())


def test_when_the_shared_finish_fails_each_unit_of_work_runs_alone(engine: Engine) -> None:
    finished: list[list[str]] = []

    def finish(conn: Connection, refs: list[str]) -> None:
        finished.append(refs)
        if len(refs) > 1:
            raise RuntimeError("only alone")

    writer = GroupWriter(engine)
    futures = [writer.submit(_claim(f"GC-F{i}"), finish) for i in range(3)]
    writer.start()
    writer.stop()
    assert [f.result() for f in futures] == ["GC-F0", "GC-F1", "GC-F2"]
    assert finished == [["GC-F0", "GC-F1", "GC-F2"], ["GC-F0"], ["GC-F1"], ["GC-F2"]]
    assert keys(engine) == 3


def test_a_future_resolves_only_once_its_work_is_committed(engine: Engine) -> None:
    seen: list[int] = []

    def look(_: Future[str]) -> None:  # runs in the writer thread, as the future resolves
        seen.append(keys(engine))

    writer = GroupWriter(engine)
    futures = [writer.submit(_claim(f"GC-D{i}"), lambda conn, refs: None) for i in range(3)]
    for future in futures:
        future.add_done_callback(look)
    writer.start()
    writer.stop()
    assert seen == [3, 3, 3]


def test_a_busy_database_fails_the_whole_transaction_at_once(db_settings: Settings) -> None:
    if not db_settings.database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL writers take no lock up front")
    engine = build_engine(db_settings.database_url, busy_timeout_ms=200)
    holder_ready, release = threading.Event(), threading.Event()

    def hold() -> None:  # another writer of this process keeps the write lock
        with session_scope(engine) as session:
            begin_write(session)
            holder_ready.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    holder_ready.wait(10)
    writer = GroupWriter(engine)
    futures = [writer.submit(_claim(f"GC-BUSY{i}"), lambda conn, refs: None) for i in range(3)]
    writer.start()
    try:
        assert all(isinstance(f.exception(timeout=10), DatabaseBusy) for f in futures)
    finally:
        release.set()
        holder.join()
        writer.stop()
        engine.dispose()
