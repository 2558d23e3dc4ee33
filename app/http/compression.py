"""Response compression: Starlette's ``GZipMiddleware``, with a leaner path for clients that do not
accept gzip.

For such a client Starlette wraps the response in an ``IdentityResponder``, which parses the request
and response headers into ``Headers`` objects and rebuilds the ``vary`` header through
``MutableHeaders``: ~9 us a request on the evaluate path, more than the rest of the response. Here
the same decisions are read from the raw header lists (the same first ``accept-encoding``,
``content-type`` and ``content-encoding`` values, the same ``vary`` result); any message other
than a one-part body goes to Starlette's own code, with its state set as Starlette sets it.
``tests/http/test_compression.py`` holds every message sent equal to Starlette's.
"""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder, unattached_send
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ACCEPT_ENCODING = b"accept-encoding"


class Compression(GZipMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.responder(scope)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def responder(self, scope: Scope) -> IdentityResponder:
        """The responder Starlette's middleware would give this request: ``GZipResponder`` when its
        first ``accept-encoding`` header names gzip, else (leaner) ``IdentityResponder``."""
        accept = b""
        for key, value in scope["headers"]:
            if key == _ACCEPT_ENCODING:
                accept = value
                break
        if b"gzip" in accept:  # as ``"gzip" in value.decode("latin-1")``: one byte a character
            return GZipResponder(
                self.app,
                self.minimum_size,
                compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size,
                exclude_content_types=self.exclude_content_types,
            )
        excluded = self.exclude_content_types
        return LeanIdentityResponder(self.app, self.minimum_size, exclude_content_types=excluded)


class LeanIdentityResponder(IdentityResponder):
    def __init__(self, app: ASGIApp, minimum_size: int, *, exclude_content_types: tuple[str, ...]) -> None:
        # IdentityResponder's state, with the middleware's already normalised content types.
        self.app, self.minimum_size, self.exclude_content_types = app, minimum_size, exclude_content_types
        self.send = unattached_send
        self.initial_message = {}
        self.started = self.content_encoding_set = self.content_type_is_excluded = False
        self.partial_response = False

    async def send_with_compression(self, message: Message) -> None:
        message_type = message["type"]
        if message_type == "http.response.start":
            self.initial_message = message
            raw = message.setdefault("headers", [])
            content_type: str | None = None
            encoding = False
            for key, value in raw:
                if key == b"content-type" and content_type is None:
                    content_type = value.decode("latin-1")  # the first, as ``Headers.get``
                elif key == b"content-encoding":
                    encoding = True
            media_type = (content_type or "").partition(";")[0].strip().lower()
            media_types = {media_type, media_type.partition("/")[0] + "/*"}
            if media_type.startswith("application/grpc+"):
                media_types.add("application/grpc")
            self.content_encoding_set = encoding
            self.partial_response = message["status"] == 206
            self.content_type_is_excluded = not media_types.isdisjoint(self.exclude_content_types)
            if self.content_encoding_set or self.partial_response or self.content_type_is_excluded:
                await self.send(message)
            return
        if (
            message_type != "http.response.body"
            or self.started
            or message.get("more_body", False)
            or self.content_encoding_set
            or self.partial_response
            or self.content_type_is_excluded
        ):
            await super().send_with_compression(message)
            return
        self.started = True
        if len(message.get("body", b"")) >= self.minimum_size:
            _add_vary(self.initial_message["headers"], b"Accept-Encoding")
        await self.send(self.initial_message)
        await self.send(message)


def _add_vary(raw: list[tuple[bytes, bytes]], vary: bytes) -> None:
    """``MutableHeaders(raw=raw).add_vary_header(vary)``: every ``vary`` value and this one, joined,
    in the place of the first ``vary`` header (the others removed), or appended."""
    found = [i for i, (key, _) in enumerate(raw) if key == b"vary"]
    value = b", ".join([*(raw[i][1] for i in found), vary])
    for i in reversed(found[1:]):
        del raw[i]
    if found:
        raw[found[0]] = (b"vary", value)
    else:
        raw.append((b"vary", value))
