"""A small piece the pure-ASGI middleware share."""

from __future__ import annotations

from starlette.types import Message, Send


class StatusRecorder:
    """Passes messages on to ``send`` and remembers the response status (500 until one starts, as
    when the app raises before answering)."""

    __slots__ = ("_send", "status")

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status = 500

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        await self._send(message)
