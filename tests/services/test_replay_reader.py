"""The replay's reader (``runner._batches``) gives the rows ``Connection.execute`` gives, on every
backend, and its inline reproduction (``_Replayer._reproduce``) the results of the plain path.

The reader reads on the driver's cursor, with PostgreSQL's text columns as UTF-8 bytes: every value must
still be the same (as text), for every kind of selection, and the pooled connection it used must
read text as text again afterwards.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from app.models.base import utcnow
from app.models.tables import RECORDS as DECISIONS
from app.rules.registry import RulesetRegistry
from app.schemas.replay import ReplayMode, ReplaySelection
from app.services import demo
from app.services.replay import runner
from app.services.replay.jobs import selection_query
from app.services.retention import apply_retention
from tests import replay_support as rs


@pytest.fixture
def seeded(db_engine: Engine, registry: RulesetRegistry) -> Engine:
    demo.seed(db_engine, registry, 120, batch=60, closures=False)
    return db_engine


def _plain(engine: Engine, query: Any) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def _as_text(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(v.decode() if isinstance(v, bytes) else v for v in row)


def _read(engine: Engine, query: Any, batch_size: int) -> list[tuple[Any, ...]]:
    with runner._batches(engine, query, batch_size) as batches:
        return [tuple(row) for batch in batches for row in batch]


def _selections(engine: Engine) -> list[tuple[ReplayMode, dict[str, Any]]]:
    with engine.connect() as conn:
        query = select(DECISIONS.c.incident_ref).where(DECISIONS.c.seq > 10).order_by(DECISIONS.c.seq)
        refs = [r for (r,) in conn.execute(query.limit(3))]
    return [
        (ReplayMode.as_recorded, {}),
        (ReplayMode.as_recorded, {"from_date": "2025-03-01", "to_date": "2025-09-30"}),
        (ReplayMode.as_recorded, {"incident_refs": refs}),
        (ReplayMode.impact, {"hook": "scene.depart"}),
        (ReplayMode.as_recorded, {"force": "NORTHSHIRE"}),
    ]


@pytest.mark.parametrize("batch_size", [7, 1000])
def test_the_reader_gives_the_rows_execute_gives(seeded: Engine, batch_size: int) -> None:
    rs.tamper_result(seeded, 5, note="Zoë — ñ 🚓")  # text beyond ASCII, read as its UTF-8 bytes
    columns = runner._columns(seeded)
    for mode, selection in _selections(seeded):
        query = selection_query(mode, ReplaySelection.model_validate(selection), *columns).where(
            DECISIONS.c.seq > 3
        )
        query = query.order_by(DECISIONS.c.seq)
        plain = _plain(seeded, query)
        read = _read(seeded, query, batch_size)
        assert [_as_text(r) for r in read] == [_as_text(r) for r in plain], selection
        assert read or selection.get("hook"), selection  # every selection but a hook's finds some
        if not selection:
            assert len(read) == 117
        # The stored input and result are read as the bytes the engine and the comparison take.
        assert all(isinstance(r[7], bytes) and isinstance(r[9], bytes) for r in read)
        if not selection:
            (fifth,) = [r for r in read if r[0] == 5]
            assert '"note":"Zoë — ñ 🚓"'.encode() in fifth[9]


def test_a_reader_stopped_early_leaves_its_connection_as_it_was(seeded: Engine) -> None:
    query = select(*runner._columns(seeded)).order_by(DECISIONS.c.seq)
    with runner._batches(seeded, query, 10) as batches:
        first = next(batches)
    assert len(first) == 10
    for _ in range(3):  # whichever pooled connection comes next reads text as text
        with seeded.connect() as conn:
            value = conn.execute(select(DECISIONS.c.input).limit(1)).scalar_one()
            assert isinstance(value, str)
            if seeded.dialect.name == "postgresql":
                encoding = conn.execute(text("SHOW client_encoding")).scalar_one()
                assert encoding == "UTF8"
    assert _read(seeded, query, 50) == _read(seeded, query, 1000)


def test_without_chunked_streams_the_reader_gives_the_same_rows(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older libpq (before 17) cannot stream in chunks: a server-side cursor reads instead."""
    query = select(*runner._columns(seeded)).order_by(DECISIONS.c.seq)
    chunked = _read(seeded, query, 25)
    monkeypatch.setattr(runner, "_chunked_streams", lambda: False)
    assert _read(seeded, query, 25) == chunked
    with runner._batches(seeded, query, 10) as batches:  # stopped early
        assert len(next(batches)) == 10
    assert [_as_text(r) for r in _read(seeded, query, 1000)] == [_as_text(r) for r in _plain(seeded, query)]


def test_the_inline_reproduction_gives_the_results_and_counts_of_the_plain_path(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    """``_Replayer._reproduce`` (as recorded, flagged results only) against ``_Replayer._replay``
    on the same rows: reproduced, tampered, erased, and a version the registry does not hold."""
    rs.tamper_result(seeded, 42, score=100.0, blocking=False)
    apply_retention(seeded, cutoff=datetime(2025, 2, 1, tzinfo=UTC), now=utcnow())
    query = select(*runner._columns(seeded)).order_by(DECISIONS.c.seq)
    rows = _read(seeded, query, 1000)
    assert any(r[10] for r in rows)  # some erased
    assert not all(r[10] for r in rows)  # not all
    unknown = list(rows[60])
    unknown[4] = b"9.9.9" if isinstance(unknown[4], bytes) else "9.9.9"
    rows[60] = tuple(unknown)
    for batches in ([rows], [rows[:50], rows[50:]]):
        fast, plain = runner._Tally(ReplayMode.as_recorded), runner._Tally(ReplayMode.as_recorded)
        fast_replayer = runner._Replayer(registry, ReplayMode.as_recorded, None)
        plain_replayer = runner._Replayer(registry, ReplayMode.as_recorded, None)
        fast_rows = [r for b in batches for r in fast_replayer.replay("j", b, fast, False)]
        plain_rows = [r for b in batches for r in plain_replayer._replay("j", b, plain, False)]
        assert fast_rows == plain_rows
        assert fast.summary() == plain.summary()
        assert fast.summary()["failed"] == 2
        assert fast.summary()["erased"] > 0
        assert {r[1] for r in fast_rows if "stored_hash" in r[7]} == {42}

    # Only what does not reproduce leaves the inline loop, from the first row of a version on.
    replayer = runner._Replayer(registry, ReplayMode.as_recorded, None)
    handed_on: list[int] = []
    plain_replay = replayer._replay

    def spy(job_id: str, rows: Any, tally: Any, store_all: bool) -> list[Any]:
        rows = list(rows)
        handed_on.extend(r[0] for r in rows)
        return plain_replay(job_id, rows, tally, store_all)

    replayer._replay = spy  # type: ignore[method-assign]
    replayer.replay("j", rows, runner._Tally(ReplayMode.as_recorded), False)
    assert set(handed_on) == {r[0] for r in rows if r[10] is not None} | {42, rows[60][0]}
