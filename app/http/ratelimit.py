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
import threading
import time
from collections import deque
from dataclasses import dataclass

from limits import RateLimitItemPerSecond
from limits.storage import storage_from_string
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
        self._local = None if self.shared else LocalWindows(burst, self.window)
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_url)) if self.shared else None
        self._last_failure = 0.0

    def acquire(self, key: str) -> Refusal | None:
        """Count a request for ``key``: ``None`` if admitted, else the refusal."""
        if self._local is not None:
            reset = self._local.acquire(key)
            return None if reset is None else Refusal(self.item.amount, self.window, reset)
        assert self._limiter is not None
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


class LocalWindows:
    """The moving window of ``limits``' memory storage for one process, on the request's thread.

    ``limits``' ``MemoryStorage`` expires entries in a timer thread that it restarts, from inside
    ``hit``, whenever the last one has run (every 10 ms under load): a thread start on the event
    loop, which waits for the thread to run, and a second thread taking the GIL. Here each key keeps
    the times of its admitted requests (at most ``limit``); times older than the window are dropped
    as the key is used, and keys left empty are swept once a window. The same decisions: a request
    is refused when ``limit`` requests were admitted within the last ``window`` seconds, and told
    when the oldest of them leaves the window (``tests/unit/test_ratelimit.py``).
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._times: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # the loop and the thread pool (sync guards) both count
        self._swept = time.monotonic()

    def acquire(self, key: str) -> float | None:
        """Count a request: None if admitted, else the seconds until one would be."""
        now = time.monotonic()
        horizon = now - self.window
        with self._lock:
            times = self._times.get(key)
            if times is None:
                times = self._times[key] = deque()
            while times and times[0] < horizon:
                times.popleft()
            if len(times) >= self.limit:
                return max(0.0, times[0] + self.window - now)
            times.append(now)
            if now - self._swept > self.window:
                self._sweep(horizon)
                self._swept = now
            return None

    def _sweep(self, horizon: float) -> None:
        for key in [k for k, times in self._times.items() if not times or times[-1] < horizon]:
            del self._times[key]


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` takes whole seconds; round up so a client that obeys it succeeds."""
    return str(max(1, math.ceil(seconds)))
