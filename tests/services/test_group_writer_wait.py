"""``GroupWriter.wait``: the event loop's way into the group writer gets what ``submit`` gives.

The writer hands a transaction's outcomes to the loop in one call after the commit instead of a
thread-safe future per unit of work; each caller must still get its own result or exception, only
after the commit, and a caller that gave up before the writer took its work stores nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine

from app.db import GroupWriter, build_engine
from app.errors import IdempotencyConflict, StaleRevision
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import SubmissionCreate
from app.services import submissions
from app.settings import Settings
from tests.services.test_group_commit import _claim, keys
from tests.submissions import submission

CALLS: list[tuple[str, dict[str, Any]]] = [
    ("GW-A", {}),
    ("GW-B", {"if_match": 4}),  # stale: the incident does not exist
    ("GW-A", {"key": "dup"}),
    ("GW-C", {"key": "dup"}),  # the same key for another request
    ("GW-A", {"key": "dup"}),  # a retry of the third: the stored response
]


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url, pool_size=4)
    yield engine
    engine.dispose()


def _work(registry: RulesetRegistry, ref: str, extra: dict[str, Any], run: str) -> submissions.Queued:
    """``CALLS``' submission on incidents and keys of their own for each ``run``."""
    ref = f"{ref}-{run}"
    key = extra.get("key")
    return submissions.queued(
        registry,
        ref,
        SubmissionCreate.model_validate(submission(ref)),
        idempotency_key=None if key is None else f"{key}-{run}",
        if_match=extra.get("if_match"),
        requested_by="test",
    )


def _comparable(outcome: submissions.Stored | BaseException) -> Any:
    if isinstance(outcome, BaseException):
        return type(outcome)
    answer = orjson.loads(outcome.response)
    for name in ("incident_ref", "decision_id", "received_at"):
        answer.pop(name)
    return outcome.revision, outcome.status_code, outcome.replayed, answer


async def _answered(writer: GroupWriter, waiting: Sequence[asyncio.Future[Any]]) -> list[Any]:
    """Start ``writer`` once everything in ``waiting`` is queued (one transaction), gather the
    outcomes (exceptions as values), and stop it."""
    writer.start()
    try:
        return await asyncio.gather(*waiting, return_exceptions=True)
    finally:
        await asyncio.to_thread(writer.stop)


def test_awaited_outcomes_are_those_of_submit(engine: Engine, registry: RulesetRegistry) -> None:
    threaded = GroupWriter(engine)  # the plain hand-off, first: the same calls on their own incidents
    futures = [threaded.submit(*_work(registry, ref, extra, "S")) for ref, extra in CALLS]
    threaded.start()
    threaded.stop()
    expected = [_comparable(f.exception() or f.result()) for f in futures]

    async def awaited() -> list[submissions.Stored | BaseException]:
        writer = GroupWriter(engine)
        waiting = [asyncio.ensure_future(writer.wait(*_work(registry, ref, e, "W"))) for ref, e in CALLS]
        await asyncio.sleep(0)  # all queued before the writer starts: one transaction
        return await _answered(writer, waiting)

    got = asyncio.run(awaited())
    assert [type(o) for o in got if isinstance(o, BaseException)] == [StaleRevision, IdempotencyConflict]
    assert [_comparable(o) for o in got] == expected


def test_an_awaited_outcome_arrives_only_after_the_commit(engine: Engine) -> None:
    async def run() -> tuple[list[str], list[int]]:
        writer = GroupWriter(engine)
        seen: list[int] = []

        async def one(key: str) -> str:
            value = await writer.wait(_claim(key), lambda conn, refs: None)
            seen.append(keys(engine))  # on the loop, as soon as the outcome arrives
            return value

        waiting = [asyncio.ensure_future(one(f"GW-D{i}")) for i in range(3)]
        await asyncio.sleep(0)
        return await _answered(writer, waiting), seen

    values, seen = asyncio.run(run())
    assert values == ["GW-D0", "GW-D1", "GW-D2"]
    assert seen == [3, 3, 3]


def test_a_caller_that_gave_up_before_the_writer_took_it_stores_nothing(engine: Engine) -> None:
    async def run() -> list[Any]:
        writer = GroupWriter(engine)
        waiting = [
            asyncio.ensure_future(writer.wait(_claim(f"GW-X{i}"), lambda conn, refs: None)) for i in range(3)
        ]
        await asyncio.sleep(0)
        waiting[1].cancel()
        await asyncio.sleep(0)
        return await _answered(writer, waiting)

    outcomes = asyncio.run(run())
    assert (outcomes[0], outcomes[2]) == ("GW-X0", "GW-X2")
    assert isinstance(outcomes[1], asyncio.CancelledError)
    assert keys(engine) == 2
