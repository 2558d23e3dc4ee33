"""A small closed-loop HTTP/1.1 load generator on asyncio: keep-alive connections, fixed duration.

Pure Python so that the project installs everything it needs (no wrk). Requests are prebuilt
bytes and responses are parsed no further than the status line and Content-Length, so the client
costs far less per request than the server it measures. Runs on uvloop when it is installed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# The requests to send: prebuilt bytes sent in turn, or a function building request number n
# (e.g. each with its own Idempotency-Key). The function must be cheap: it runs in the client.
Requests = Sequence[bytes] | Callable[[int], bytes]


@dataclass
class LoadResult:
    seconds: float
    latencies_ns: list[int] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    warmup_requests: int = 0
    answered: dict[int, int] = field(default_factory=dict)  # every final status, warm-up included
    retries: int = 0  # 503s sent again (same bytes: same Idempotency-Key), as a real client would

    @property
    def requests(self) -> int:
        return len(self.latencies_ns)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def post_request(
    host: str, port: int, path: str, body: bytes, headers: dict[str, str] | None = None
) -> bytes:
    extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n{extra}"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
            break
    if length:
        await reader.readexactly(length)
    return status


RETRIES = 2


async def _connection(
    host: str,
    port: int,
    build: Callable[[int], bytes],
    numbers: range,
    warm_until: float,
    stop_at: float,
    result: LoadResult,
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    clock = time.perf_counter_ns
    try:
        for n in numbers:
            start = clock()
            if start >= stop_at:
                return
            request = build(n)
            status = await _exchange(reader, writer, request)
            for _ in range(RETRIES):
                if status != 503:
                    break
                result.retries += 1
                status = await _exchange(reader, writer, request)
            result.answered[status] = result.answered.get(status, 0) + 1
            if start >= warm_until:
                result.latencies_ns.append(clock() - start)
                result.statuses[status] = result.statuses.get(status, 0) + 1
            else:
                result.warmup_requests += 1
    finally:
        writer.close()


async def _run(
    host: str, port: int, requests: Requests, connections: int, warmup: float, duration: float
) -> LoadResult:
    now = time.perf_counter_ns()
    warm_until = now + int(warmup * 1e9)
    stop_at = warm_until + int(duration * 1e9)
    result = LoadResult(seconds=duration)
    if callable(requests):
        build = requests
        # Connection c sends numbers c, c + connections, ...: every number at most once overall.
        ranges = [range(c, 1 << 62, connections) for c in range(connections)]
    else:
        prebuilt = requests
        build = lambda n: prebuilt[n % len(prebuilt)]  # noqa: E731
        ranges = [range(c * 7, 1 << 62) for c in range(connections)]
    await asyncio.gather(
        *(_connection(host, port, build, ranges[c], warm_until, stop_at, result) for c in range(connections))
    )
    # Requests that started before the deadline finish after it: count the real span.
    result.seconds = max(duration, (time.perf_counter_ns() - warm_until) / 1e9)
    return result


def drive(
    host: str, port: int, requests: Requests, *, connections: int, warmup: float, duration: float
) -> LoadResult:
    """``connections`` clients, each sending its next request as soon as the last one answers."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvicorn[standard] installs it
        return asyncio.run(_run(host, port, requests, connections, warmup, duration))
    return uvloop.run(_run(host, port, requests, connections, warmup, duration))
