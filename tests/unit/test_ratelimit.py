import pytest

from app.http.ratelimit import RateLimiter, retry_after_header


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refuse_then_refill() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.acquire("a") for _ in range(3)] == [None, None, None]
    wait = limiter.acquire("a")
    assert wait == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") == pytest.approx(0.5)


def test_clients_have_separate_buckets() -> None:
    limiter = RateLimiter(rate=1.0, burst=1, clock=FakeClock())
    assert limiter.acquire("a") is None
    assert limiter.acquire("a") is not None
    assert limiter.acquire("b") is None


def test_refill_never_exceeds_burst() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=10.0, burst=2, clock=clock)
    clock.now += 3600
    assert [limiter.acquire("a") is None for _ in range(3)] == [True, True, False]


def test_full_buckets_are_forgotten_past_the_key_limit() -> None:
    clock = FakeClock()
    limiter = RateLimiter(rate=1.0, burst=1, clock=clock, max_keys=2)
    for key in ("a", "b"):
        limiter.acquire(key)
    clock.now += 10  # a and b have refilled
    limiter.acquire("c")
    assert set(limiter._buckets) == {"c"}


def test_invalid_parameters_refused() -> None:
    with pytest.raises(ValueError, match="rate must be positive"):
        RateLimiter(rate=0, burst=1)


@pytest.mark.parametrize(("seconds", "header"), [(0.01, "1"), (1.0, "1"), (1.2, "2"), (30.0, "30")])
def test_retry_after_rounds_up(seconds: float, header: str) -> None:
    assert retry_after_header(seconds) == header
