"""The rate limiter: ``burst`` requests in any window of ``burst / rate`` seconds, per key, with the
headers a refused client needs. (Across processes: tests/http/test_shared_rate_limit.py.)"""

import threading
import time

import pytest

from app.http.ratelimit import InlineExpiryMemoryStorage, RateLimiter, retry_after_header


def test_burst_then_refuse_with_headers_then_admit_after_the_window() -> None:
    limiter = RateLimiter(rate=3.0, burst=3)  # 3 in any 1 s
    assert [limiter.acquire("a") for _ in range(3)] == [None, None, None]
    refused = limiter.acquire("a")
    assert refused is not None
    assert 0 < refused.reset <= 1.0
    assert refused.headers() == {
        "Retry-After": "1",
        "RateLimit-Policy": "3;w=1",
        "RateLimit": "limit=3, remaining=0, reset=1",
    }
    time.sleep(refused.reset + 0.05)
    assert limiter.acquire("a") is None


def test_the_window_is_burst_over_rate_rounded_up() -> None:
    assert RateLimiter(rate=20.0, burst=60).window == 3
    assert RateLimiter(rate=2.0, burst=30).window == 15
    assert RateLimiter(rate=100.0, burst=1).window == 1


def test_clients_have_separate_budgets() -> None:
    limiter = RateLimiter(rate=1.0, burst=1)
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") is not None
    assert limiter.acquire("b") is None


def test_namespaces_do_not_share_counts() -> None:
    clients, failures = RateLimiter(1.0, 1, namespace="client"), RateLimiter(1.0, 1, namespace="failed")
    assert clients.acquire("x") is None
    assert failures.acquire("x") is None


def test_an_unreachable_shared_storage_admits_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    limiter = RateLimiter(rate=1.0, burst=1, storage_url="redis://127.0.0.1:1/1")  # nothing listens
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") is None  # counted nowhere: admitted
    assert [r.message for r in caplog.records] == ["rate-limit storage unavailable; requests admitted"]


def test_rate_and_burst_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        RateLimiter(rate=0, burst=1)


@pytest.mark.parametrize(("seconds", "header"), [(0.01, "1"), (1.0, "1"), (1.2, "2")])
def test_retry_after_rounds_up(seconds: float, header: str) -> None:
    assert retry_after_header(seconds) == header


def test_the_in_process_storage_starts_no_thread_and_still_expires_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limiter = RateLimiter(rate=5.0, burst=5)  # 5 in any 1 s
    started: list[threading.Thread] = []
    monkeypatch.setattr(threading.Thread, "start", lambda self: started.append(self))
    for _ in range(5):
        assert limiter.acquire("a") is None
        time.sleep(0.012)  # past the library's timer period each time: it would start a thread
    assert limiter.acquire("a") is not None  # the counts hold
    assert started == []
    time.sleep(1.05)
    assert limiter.acquire("a") is None
    storage = limiter._limiter.storage
    assert isinstance(storage, InlineExpiryMemoryStorage)
    assert len(storage.events[next(iter(storage.events))]) == 1  # the expired five were dropped
