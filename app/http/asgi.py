"""Small pieces the pure-ASGI middleware share."""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send


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


def route_template(scope: Scope) -> str | None:
    """The matched route's path *template* (``/v1/incidents/{incident_ref}``; a mount by its mount
    path), never the raw path: what logs, metrics and traces name a request by. None before routing
    or when no route matched."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else None


def replay_first(first: Message, receive: Receive) -> Receive:
    """A ``receive`` that gives ``first`` (a message already read, e.g. the whole body), then
    whatever ``receive`` gives."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return first
        return await receive()

    return replay
