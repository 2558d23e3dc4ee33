"""The HTTP server's protocol: uvicorn's h11 implementation with a deadline per request.

uvicorn closes idle keep-alive connections, but a client that connects and then sends its request
line, headers or body a byte at a time (a slowloris) is waited for indefinitely, each such client
holding a connection and its memory. Here every request must arrive whole within
``SAFESTEPS_CLIENT_TIMEOUT_SECONDS`` of its first byte (or of the connection, for the first one);
otherwise the connection is closed. Headers are limited in number and size by
``app.http.input_guard`` (431), and an incomplete head larger than ``SAFESTEPS_MAX_HEADER_BYTES`` by
h11 (400).
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.settings import get_settings

log = logging.getLogger("safesteps.server")


class DeadlineH11Protocol(H11Protocol):
    """H11Protocol that closes a connection whose request does not arrive in time."""

    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            self._arm()  # a new request is starting (or the first one is still coming)
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()  # received whole (or the connection is done with)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is None:
            seconds = get_settings().client_timeout_seconds
            self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            log.info("slow client disconnected", extra={"fields": {"state": self.conn.their_state.__name__}})
            self.transport.close()
