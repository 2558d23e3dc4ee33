"""Per-client rate limits that hold across processes and replicas (the ``limits`` library).

Each client may send ``burst`` requests in any window of ``burst / rate`` seconds (a moving window:
``rate`` a second sustained, ``burst`` at once). The counts live in the storage named by
``SAFESTEPS_RATE_LIMIT_STORAGE_URL``: ``memory://`` (the default) for one process, or a shared
``redis://host:6379/<db>`` so that every worker and replica draws on one budget per client. If the
shared storage cannot be reached the request is let through and the failure logged (a control
room must not be cut off because a counter is down); ``/readyz`` is unaffected.

A refused request gets ``Retry-After`` and the IETF ``RateLimit`` headers (draft-ietf-httpapi-
ratelimit-headers): ``RateLimit-Policy: <burst>;w=<window>`` and
``RateLimit: limit=<burst>, remaining=0, reset=<seconds>``.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger("safesteps.ratelimit")


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request was refused, as headers a client can act on."""

    limit: int
    window: int
    reset: float  # seconds until a request would be admitted again

    def headers(self) -> dict[str, str]:
        reset = retry_after_header(self.reset)
        return {
            "Retry-After": reset,
            "RateLimit-Policy": f"{self.limit};w={self.window}",
            "RateLimit": f"limit={self.limit}, remaining=0, reset={reset}",
        }


class InlineExpiryMemoryStorage(MemoryStorage):
    """``limits``' in-process storage, expiring old entries inline instead of on a timer thread.

    The library's ``MemoryStorage`` starts a new ``threading.Timer`` (0.01 s) on a hit whenever the
    last one has finished: at under a hundred requests a second per process, nearly every request
    started a thread and waited for it to start (~17% of the event loop's time under the persisted
    submission benchmark). Here the same pruning runs on the hit itself, at most every 0.01 s, and
    counts stay what they were: the moving window reads only entries inside the window, expiry only
    frees memory (``tests/unit/test_ratelimit.py``)."""

    EXPIRE_EVERY = 0.01

    def __init__(self) -> None:
        super().__init__()
        self.timer.cancel()  # the one the base class started
        self._expired_at = time.monotonic()

    def _MemoryStorage__schedule_expiry(self) -> None:  # replaces the base class's (name-mangled)
        now = time.monotonic()
        if now - self._expired_at >= self.EXPIRE_EVERY:
            self._expired_at = now
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


class RateLimiter:
    """``rate`` requests a second per key, at most ``burst`` in any ``burst / rate`` seconds."""

    def __init__(
        self, rate: float, burst: int, *, storage_url: str = "memory://", namespace: str = "api"
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.window = max(1, math.ceil(burst / rate))
        self.item = RateLimitItemPerSecond(burst, self.window, namespace=f"safesteps-{namespace}")
        self.shared = not storage_url.startswith("memory://")
        memory = storage_url.startswith("memory://")
        storage = InlineExpiryMemoryStorage() if memory else storage_from_string(storage_url)
        self._limiter = MovingWindowRateLimiter(storage)
        self._last_failure = 0.0

    def acquire(self, key: str) -> Refusal | None:
        """Count a request for ``key``: ``None`` if admitted, else the refusal."""
        try:
            if self._limiter.hit(self.item, key):
                return None
            stats = self._limiter.get_window_stats(self.item, key)
        except Exception as exc:  # the shared storage is down: admit, and say so (at most once a minute)
            now = time.monotonic()
            if now - self._last_failure > 60:
                self._last_failure = now
                log.error(
                    "rate-limit storage unavailable; requests admitted",
                    extra={"fields": {"error": type(exc).__name__}},
                )
            return None
        return Refusal(self.item.amount, self.window, max(0.0, stats.reset_time - time.time()))


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` takes whole seconds; round up so a client that obeys it succeeds."""
    return str(max(1, math.ceil(seconds)))
