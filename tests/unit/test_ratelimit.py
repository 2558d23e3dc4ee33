"""The rate limiter: ``burst`` requests in any window of ``burst / rate`` seconds, per key, with the
headers a refused client needs. (Across processes: tests/http/test_shared_rate_limit.py.)"""

import time

import pytest

from app.http.ratelimit import RateLimiter, retry_after_header


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


def test_the_local_window_admits_exactly_limit_in_any_window() -> None:
    """The in-process moving window (no expiry thread) decides as ``limits``' memory storage does."""
    from limits import RateLimitItemPerSecond
    from limits.storage import MemoryStorage
    from limits.strategies import MovingWindowRateLimiter

    from app.http.ratelimit import LocalWindows

    local, reference = LocalWindows(3, 1), MovingWindowRateLimiter(MemoryStorage())
    item = RateLimitItemPerSecond(3, 1)
    decisions = []
    for pause in (0.0, 0.0, 0.0, 0.0, 0.4, 0.0, 0.7, 0.0, 0.0, 0.0, 1.1, 0.0):
        time.sleep(pause)
        decisions.append((local.acquire("k") is None, reference.hit(item, "k")))
    assert [mine for mine, _ in decisions] == [theirs for _, theirs in decisions]
    expected = [True, True, True, False, False, False, True, True, True, False, True, True]
    assert [mine for mine, _ in decisions] == expected


def test_the_local_window_forgets_idle_keys() -> None:
    from app.http.ratelimit import LocalWindows

    windows = LocalWindows(1, 0.05)
    assert windows.acquire("a") is None
    time.sleep(0.12)
    assert windows.acquire("b") is None  # a window has passed: "a" is swept
    assert set(windows._times) == {"b"}
