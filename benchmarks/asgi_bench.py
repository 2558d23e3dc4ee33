"""ASGI benchmark: ``POST /v1/evaluate`` through the service's ASGI app and the floor's, in process.

The ``http`` benchmark measures what clients see, through uvicorn and loopback sockets; on a shared
2-core machine its app / floor ratio moves by several points from run to run. This one takes the
network, uvicorn and the load generator away: the service (``app.main.create_app``, authenticated as
a control-room client, its lifespan entered) and the floor (``benchmarks.floor_app``) are each
called as ASGI applications on the same request bodies, in this one process and event loop, and
the CPU time per request of each is what is measured. What is left between the two is the
service's own work beyond the floor's (middleware, the inline lane, the credential check, rate
limit, access line, metrics): the figure to work on when the ``http`` ratio misses.

Before timing, every body's answer must be a 200 and equal, byte for byte, between the two. Rounds
alternate which side goes first; each round passes over the bodies ``--passes`` times per side.
The access lines are written (to ``/dev/null``), as the service writes them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from app.auth.roles import Role
from app.main import create_app
from app.settings import Settings
from benchmarks.corpus import request_bodies
from benchmarks.floor_app import create_floor_app
from benchmarks.keys import bearer_keys
from benchmarks.registry import BenchmarkError, Figure, spread

Headers = list[tuple[bytes, bytes]]
Receive = Callable[[], Awaitable[Any]]
App = Callable[[MutableMapping[str, Any], Receive, Callable[[Any], Awaitable[None]]], Awaitable[None]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bodies", type=int, default=64, help="request bodies (64, as http)")
    parser.add_argument("--hook", default="scene.depart", help="hook of every request (scene.depart; all)")
    parser.add_argument("--rounds", type=int, default=10, help="interleaved rounds (10)")
    parser.add_argument("--passes", type=int, default=3, help="passes over the bodies per side per round (3)")
    parser.add_argument("--seed", type=int, default=20251122)


async def post(app: App, body: bytes, headers: Headers) -> tuple[int, bytes]:
    """One ``POST /v1/evaluate`` as uvicorn hands it to an ASGI app: its status and body."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/evaluate",
        "raw_path": b"/v1/evaluate",
        "query_string": b"",
        "root_path": "",
        "headers": [
            *headers,
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> Any:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # the client stays: nothing more to read

    async def send(message: Any) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


async def measure(args: argparse.Namespace, workdir: Path) -> dict[str, list[float]]:
    bodies = request_bodies(args.bodies, args.hook, args.seed)
    url = f"sqlite:///{workdir / 'asgi.db'}"
    settings = Settings(
        database_url=url, replay_worker=False, rate_limit_per_second=1e6, rate_limit_burst=1_000_000
    )
    service, floor = create_app(settings), create_floor_app()
    async with service.router.lifespan_context(service), floor.router.lifespan_context(floor):
        token = bearer_keys(url, [Role.control_room])[Role.control_room.value]["Authorization"]
        sides: dict[str, tuple[App, Headers]] = {
            "app": (service, [(b"authorization", token.encode())]),
            "floor": (floor, []),
        }
        for body in bodies:
            answers = {name: await post(app, body, headers) for name, (app, headers) in sides.items()}
            statuses = {name: status for name, (status, _) in answers.items()}
            if set(statuses.values()) != {200}:
                raise BenchmarkError(f"every body must get a 200 first: {statuses}")
            if answers["app"] != answers["floor"]:
                raise BenchmarkError("the app and the floor answered differently: not the same work")
        per_request: dict[str, list[float]] = {name: [] for name in sides}
        for number in range(args.rounds):
            for name in sides if number % 2 == 0 else reversed(sides):
                app, headers = sides[name]
                started = time.process_time()
                for _ in range(args.passes):
                    for body in bodies:
                        await post(app, body, headers)
                seconds = time.process_time() - started
                per_request[name].append(seconds / (args.passes * len(bodies)) * 1e6)
    return per_request


def run(args: argparse.Namespace) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="safesteps-bench-") as tmp, open(os.devnull, "w") as null:
        with contextlib.redirect_stderr(null):  # the service's access lines, as it writes them
            per_request = asyncio.run(measure(args, Path(tmp)))
    app, floor = per_request["app"], per_request["floor"]
    series = {
        "floor.cpu": (
            "floor/app CPU per request, in process",
            [f / a for a, f in zip(app, floor, strict=True)],
        ),
        "app_us": ("app CPU per request (us), in process", app),
        "floor_us": ("floor CPU per request (us), in process", floor),
        "gap_us": (
            "app - floor CPU per request (us), in process",
            [a - f for a, f in zip(app, floor, strict=True)],
        ),
    }
    figures = [
        Figure(key, name, spread(values)[1], spread=spread(values)) for key, (name, values) in series.items()
    ]
    for figure in figures:
        print(f"  {figure}")
    return figures
