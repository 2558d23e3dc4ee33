"""The door: bodies too large (413), headers too many or too large (431), and text the service
cannot store faithfully, refused with the field it is in (422).

PostgreSQL refuses NUL characters in text, and an unpaired UTF-16 surrogate cannot be encoded as
UTF-8 at all: either would otherwise surface as a 500 from deep inside a write, and only on one
database. This pure ASGI middleware answers ``422 validation_error`` in the common shape instead,
naming the field (``path.incident_ref``, ``query.principal_id``, ``body.checklist.children[0].account``)
and never echoing the text. It is cheap on the hot path: the JSON body is scanned for the escape
sequences (``\\u0000``, ``\\ud800``-``\\udfff``) and parsed only when one is there; the raw body, once
read, is passed on unchanged.
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.asgi import replay_first
from app.http.errors import field_path
from app.http.middleware import send_error_body, send_json_error
from app.schemas.errors import ErrorBody, FieldError
from app.schemas.types import UNSAFE_TEXT_MESSAGE, UNSAFE_TEXT_TYPE, unsafe, unsafe_location

_BODY_MARKER = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])|\x00")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def body_problem(body: bytes) -> str | None:
    # Every marker is a raw NUL or starts with ``\u``: two plain byte searches (memchr-fast) settle
    # almost every body before the regular expression, which cost ~45 us on a 10 KB checklist.
    if b"\x00" not in body and (b"\\" not in body or b"\\u" not in body):
        return None
    if _BODY_MARKER.search(body) is None:
        return None
    try:
        document = json.loads(body)
    except ValueError:
        return None  # not JSON: the framework answers 400 malformed_json
    loc = unsafe_location(document)
    return None if loc is None else field_path(("body", *loc))


def query_problem(query_string: bytes) -> str | None:
    if b"%00" not in query_string.lower() and b"\x00" not in query_string:
        return None
    for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if unsafe(name) or unsafe(value):
            return f"query.{name}" if not unsafe(name) else "query"
    return None


async def _reject(send: Send, path: str) -> None:
    body = ErrorBody(
        error="validation_error",
        message="The request does not match the schema.",
        fields=[FieldError(path=path, message=UNSAFE_TEXT_MESSAGE, type=UNSAFE_TEXT_TYPE)],
    )
    await send_error_body(send, 422, body)


class InputGuard:
    """The door, in one pure ASGI layer: bodies over ``max_body_bytes`` refused with 413 (by
    Content-Length, or while the body streams), headers too many or too large with 431, text that
    cannot be stored with 422.

    ``per_item``: paths whose body is a list of items checked one by one by the service (a batch:
    one bad item must not fail the others); their bodies, and those of methods without one, stream
    on to the app under the size limit alone."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        per_item: frozenset[str] = frozenset(),
        max_headers: int = 64,
        max_header_bytes: int = 16_384,
    ) -> None:
        self.app, self.max_body_bytes, self.per_item = app, max_body_bytes, per_item
        self.max_headers, self.max_header_bytes = max_headers, max_header_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if await self.refused(scope, send):
            return
        if scope["method"] not in _BODY_METHODS or scope["path"] in self.per_item:
            await self._streamed(scope, receive, send)
            return
        first = await self.whole_body(scope, receive, send, self.app)
        if first is not None:
            await self.app(scope, replay_first(first, receive), send)

    async def refused(self, scope: Scope, send: Send) -> bool:
        """The door before the body (its size by Content-Length, the headers, the path and query):
        True when a refusal was sent."""
        headers = scope["headers"]
        size = 0
        for name, value in headers:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body_bytes:
                await self._too_large(send)  # before anything else is looked at
                return True
            size += len(name) + len(value)
        if len(headers) > self.max_headers or size > self.max_header_bytes:
            refusal = ErrorBody(
                error="headers_too_large", message="The request headers are too many or too large."
            )
            await send_error_body(send, 431, refusal)
            return True
        problem = "path" if unsafe(scope["path"]) else query_problem(scope["query_string"])
        if problem is not None:
            await _reject(send, problem)
            return True
        return False

    async def whole_body(self, scope: Scope, receive: Receive, send: Send, app: ASGIApp) -> Message | None:
        """The body read whole under the limit and scanned: the message to give ``app`` first (the
        body in one message, or the disconnect that cut it short); None when it was refused (413,
        ``app`` told the client went away; or 422)."""
        chunks: list[bytes] = []
        received = 0
        ended: Message | None = None
        while True:
            message = await receive()
            if message["type"] != "http.request":
                ended = message  # the client went away
                break
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.max_body_bytes:
                await self._too_large(send)
                # The app is told the client went away; whatever it does next is dropped.
                with suppress(Exception):
                    await app(scope, replay_first({"type": "http.disconnect"}, receive), _dropped)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        if ended is not None:
            return ended
        body = b"".join(chunks)
        if (problem := body_problem(body)) is not None:
            await _reject(send, problem)
            return None
        return {"type": "http.request", "body": body, "more_body": False}

    async def _streamed(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The body passed on as it arrives, refused with 413 once it exceeds the limit."""
        received = 0
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # Answer now and tell the app the client went away; whatever it does next is dropped.
                    # (Raising here would be swallowed by the framework's body parsing as a 400.)
                    rejected = True
                    await self._too_large(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not rejected:
                await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not rejected:
                raise

    async def _too_large(self, send: Send) -> None:
        await send_json_error(
            send,
            413,
            "payload_too_large",
            f"The request body exceeds the limit of {self.max_body_bytes} bytes.",
        )


async def _dropped(message: Message) -> None:
    """A response nobody may see (one was sent already)."""
