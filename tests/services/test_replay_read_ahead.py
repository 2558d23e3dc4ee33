"""PostgreSQL's read-ahead hands over exactly the batches a plain read would, and always ends its thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.services.replay.runner import _read_ahead

BATCHES = [[(1, "a"), (2, "b")], [(3, "c")], [(4, "d"), (5, "e")]]


def fetcher(batches: list[list[Any]], fail_after: int | None = None) -> Callable[[], list[Any]]:
    """A cursor's ``fetchmany``: the batches in order, then empty (or an error after some)."""
    source: Iterator[list[Any]] = iter(batches)
    fetched = 0

    def fetch() -> list[Any]:
        nonlocal fetched
        if fail_after is not None and fetched == fail_after:
            raise ConnectionError("server closed the connection")
        fetched += 1
        return next(source, [])

    return fetch


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "replay-read-ahead"]


def test_the_batches_are_the_plain_reads_in_order() -> None:
    plain = list(iter(fetcher(BATCHES), []))
    with _read_ahead(fetcher(BATCHES)) as batches:
        assert list(batches) == plain == BATCHES
    assert readers() == []


def test_a_read_error_is_raised_in_the_replaying_thread_after_the_batches_before_it() -> None:
    seen: list[Any] = []
    with pytest.raises(ConnectionError), _read_ahead(fetcher(BATCHES, fail_after=2)) as batches:
        seen.extend(batches)
    assert seen == BATCHES[:2]
    assert readers() == []


def test_leaving_early_ends_the_reader_even_while_it_waits_to_hand_over() -> None:
    many = [[(i,)] for i in range(50)]

    def replay_one_batch_then_lose_the_claim() -> None:
        with _read_ahead(fetcher(many)) as batches:
            assert next(batches) == [(0,)]
            raise RuntimeError("lost the claim")  # as LostClaim leaves the part

    with pytest.raises(RuntimeError, match="lost the claim"):
        replay_one_batch_then_lose_the_claim()
    assert readers() == []
