"""The compression middleware sends exactly what Starlette's ``GZipMiddleware`` sends, for clients
that accept gzip and clients that do not, over the kinds of response it treats differently."""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import pytest
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Message

from app.http.compression import Compression

BIG, SMALL = b'{"x":"' + b"a" * 3000 + b'"}', b'{"ok":true}'


def start(status: int, *headers: tuple[bytes, bytes]) -> Message:
    return {"type": "http.response.start", "status": status, "headers": list(headers)}


def body(data: bytes, more: bool = False) -> Message:
    return {"type": "http.response.body", "body": data, "more_body": more}


JSON, PNG = (b"content-type", b"application/json"), (b"content-type", b"image/png")
RESPONSES: list[tuple[str, list[Message]]] = [
    ("small json", [start(200, JSON), {"type": "http.response.body", "body": SMALL}]),
    ("big json", [start(200, JSON, (b"content-length", b"3008")), body(BIG)]),
    (
        "vary twice",
        [start(200, (b"vary", b"Origin"), (b"content-type", b"text/html"), (b"vary", b"Cookie")), body(BIG)],
    ),
    (
        "no headers",
        [{"type": "http.response.start", "status": 200}, {"type": "http.response.body", "body": BIG}],
    ),
    ("excluded type", [start(200, PNG), body(BIG)]),
    ("grpc+", [start(200, (b"content-type", b"application/grpc+proto")), body(BIG)]),
    (
        "already encoded",
        [start(200, (b"content-type", b"text/plain"), (b"content-encoding", b"br")), body(BIG)],
    ),
    ("partial", [start(206, (b"content-type", b"text/plain")), body(BIG)]),
    ("streamed", [start(200, (b"content-type", b"text/csv")), body(BIG, True), body(SMALL, True), body(b"")]),
    ("empty first content type", [start(200, (b"content-type", b""), PNG), body(BIG)]),
]


def _sent(middleware: type[GZipMiddleware], response: list[Message], accept: bytes | None) -> list[Message]:
    messages = copy.deepcopy(response)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        for message in messages:
            await send(message)

    out: list[Message] = []

    async def send(message: Message) -> None:
        out.append(copy.deepcopy(message))

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    headers = [(b"host", b"x")] + ([(b"accept-encoding", accept)] if accept is not None else [])
    scope = {"type": "http", "method": "GET", "path": "/", "headers": headers}
    asyncio.run(middleware(app, minimum_size=1024, compresslevel=6)(scope, receive, send))
    return out


@pytest.mark.parametrize("accept", [None, b"", b"br", b"identity", b"GZIP", b"deflate, br"])
@pytest.mark.parametrize(("name", "response"), RESPONSES, ids=[n for n, _ in RESPONSES])
def test_compression_sends_what_starlettes_gzip_sends(
    name: str, response: list[Message], accept: bytes | None
) -> None:
    assert _sent(Compression, response, accept) == _sent(GZipMiddleware, response, accept)


def test_a_client_that_accepts_gzip_gets_starlettes_gzip() -> None:
    """Compressed output carries a timestamp, so it is compared decompressed."""
    import gzip

    for accept in (b"gzip", b"br, gzip;q=0.5"):
        ours, theirs = (
            _sent(Compression, RESPONSES[1][1], accept),
            _sent(GZipMiddleware, RESPONSES[1][1], accept),
        )
        assert ours[0]["headers"] == theirs[0]["headers"]
        assert (b"content-encoding", b"gzip") in ours[0]["headers"]
        assert gzip.decompress(ours[1]["body"]) == gzip.decompress(theirs[1]["body"]) == BIG
