"""Structured JSON logs with a request id, and nothing personal in them.

Every line is one JSON object: time, level, logger, message, the request id of the request being
served (a context variable, so it reaches sync handlers in the threadpool) and a small ``fields``
dict that callers pass explicitly (``log.info("msg", extra={"fields": {...}})``). Record attributes
are never dumped wholesale. Exception *messages* are left out on purpose: a pydantic
``ValidationError`` or an ``IntegrityError`` quotes the offending input, which may be a child's
name; the exception type and the stack frames are enough to find the bug.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import re
import sys
import threading
import time
import traceback
from collections import deque
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson
from opentelemetry import trace
from opentelemetry.trace import SpanContext

request_id_var: ContextVar[str | None] = ContextVar("safesteps_request_id", default=None)

# Accepted from X-Request-ID: short, and nothing that could forge a log line or a header.
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def new_request_id(candidate: str | None = None) -> str:
    """The caller's id when it is well-formed, otherwise a fresh random one."""
    if candidate is not None and REQUEST_ID_PATTERN.fullmatch(candidate):
        return candidate
    try:
        return _FRESH_IDS.pop()
    except IndexError:
        return _refill()


# Fresh ids: 128 random bits each (as a uuid4 without its object), read from the system 64 at a
# time rather than one ``os.urandom`` call (a system call) a request. ``pop`` and ``extend`` are
# atomic, so threads never share one; a forked child starts with none of its parent's.
_FRESH_IDS: list[str] = []
_IDS_PER_READ = 64


def _refill() -> str:
    fresh = os.urandom(16 * _IDS_PER_READ).hex()
    _FRESH_IDS.extend(fresh[i : i + 32] for i in range(32, len(fresh), 32))
    return fresh[:32]


os.register_at_fork(after_in_child=_FRESH_IDS.clear)


def error_type(exc: BaseException) -> str:
    """The module-qualified type of an error, looking through SQLAlchemy's wrapper to the driver's:
    safe to log where the message is not (it can quote a statement's parameters)."""
    orig = getattr(exc, "orig", None) or exc
    return f"{type(orig).__module__}.{type(orig).__qualname__}"


_second: tuple[int, str] = (0, datetime.fromtimestamp(0, UTC).isoformat(timespec="seconds")[:-6])


def iso_ms(created: float) -> str:
    """``datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")``, with the text of
    the last whole second kept (formatting a datetime was most of a log line's cost). Its
    microseconds rounded as ``fromtimestamp`` rounds them (half to even), then truncated."""
    global _second
    second = int(created)
    micro = round((created - second) * 1e6)
    if created < 0 or micro >= 1_000_000:  # before 1970, or rounded up into the next second
        return datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")
    cached, text = _second
    if cached != second:
        text = datetime.fromtimestamp(second, UTC).isoformat(timespec="seconds")[:-6]
        _second = (second, text)  # one assignment: a thread reads the old pair or the new
    return f"{text}.{micro // 1000:03d}+00:00"


def _entry(
    created: float,
    level: str,
    logger: str,
    message: str,
    context: tuple[str | None, SpanContext] | None = None,
) -> dict[str, Any]:
    """A line's leading keys: time, level, logger, message, and the request and trace it belongs to
    (``context``: as ``_context()`` found them when the line was logged; now, by default)."""
    entry: dict[str, Any] = {
        "ts": iso_ms(created),
        "level": level,
        "logger": logger,
        "message": message,
    }
    request_id, span = context or _context()
    if request_id is not None:
        entry["request_id"] = request_id
    if span.is_valid:  # only while a traced request (SAFESTEPS_TRACING) is being served
        entry["trace_id"] = format(span.trace_id, "032x")
        entry["span_id"] = format(span.span_id, "016x")
    return entry


def _context() -> tuple[str | None, SpanContext]:
    """The request and the span being served."""
    return request_id_var.get(), trace.get_current_span().get_span_context()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = _entry(record.created, record.levelname, record.name, record.getMessage())
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry["fields"] = fields
        if record.exc_info and record.exc_info[0] is not None:
            exc_type, _, tb = record.exc_info
            entry["exception"] = {
                "type": f"{exc_type.__module__}.{exc_type.__qualname__}",
                "stack": [
                    f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)
                ],
            }
        return orjson.dumps(entry, default=str).decode("utf-8")


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at emit time (test runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _write_held()  # the lines logged before this one first
            sys.stderr.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def log_fields(logger: logging.Logger, level: int, message: str, fields: dict[str, Any]) -> None:
    """``logger.log(level, message, extra={"fields": fields})``, for lines written on every request.

    When the record would reach the service's own JSON handler and nothing else (no other handler,
    no filter on the way: ``configure_logging`` as it leaves things), the same line is written
    straight through that handler, without a ``LogRecord`` or the logging call chain (~4 us of
    the ~6 us a line costs). Otherwise (a test's capturing handler, a filter) the record goes
    through ``logging`` as usual. ``tests/routers/test_observability.py`` holds the two lines equal.
    While the service runs, a line logged on its event loop is held to the end of the loop's
    iteration and written with the others finished in it (``HeldLines``).
    """
    if not logger.isEnabledFor(level):
        return
    handler = _only_json_handler(logger, level)
    if handler is None:
        # makeRecord + handle: the same record as .log() without its caller-frame search.
        record = logger.makeRecord(logger.name, level, "", 0, message, (), None, extra={"fields": fields})
        logger.handle(record)
        return
    held = _held
    if held is not None and held.thread == threading.get_ident():
        held.add(handler, (time.time(), level, logger.name, message, _context(), fields))
        return
    line = _line((time.time(), level, logger.name, message, _context(), fields))
    handler.acquire()  # as Handler.handle does around emit
    try:
        _write_held()
        sys.stderr.write(line)
    except Exception:
        handler.handleError(logger.makeRecord(logger.name, level, "", 0, message, (), None))
    finally:
        handler.release()


# What ``log_fields`` needs to write a line later: time, level, logger, message, the request and
# span it was logged in, its fields.
_Pending = tuple[float, int, str, str, tuple[str | None, SpanContext], dict[str, Any]]


def _line(pending: _Pending) -> str:
    created, level, name, message, context, fields = pending
    entry = _entry(created, logging.getLevelName(level), name, message, context)
    entry["fields"] = fields
    return orjson.dumps(entry, default=str).decode("utf-8") + "\n"


class HeldLines:
    """Lines ``log_fields`` writes straight through the JSON handler (the access line of every
    request), held on the event loop until the end of the loop's current iteration and written
    together, in one ``write``: under load the requests finished in one iteration share a system
    call, and their lines are formatted in one warm loop.

    Order and loss: any other line (a warning, an error, a line from another thread) writes the
    held lines first, and so does ``release`` when the service stops (and ``atexit``); at most
    ``MAX_HELD`` lines are held at once. Only a process killed outright loses lines: those of the
    requests finished in its last loop iteration (at most ``MAX_HELD``), whose responses had already
    been sent. Lines logged on other threads are written at once, as before.
    """

    MAX_HELD = 256

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop, self.thread = loop, threading.get_ident()
        self.pending: deque[_Pending] = deque()  # appended on the loop, drained by whoever writes
        self.handler: logging.Handler | None = None
        self.stream: Any = None
        self.scheduled = False

    def add(self, handler: logging.Handler, pending: _Pending) -> None:
        """Hold a line (on the loop's thread) for ``handler``'s stream, ``sys.stderr`` as it is now."""
        if handler is not self.handler or sys.stderr is not self.stream:
            self.write()  # lines for another handler or stream go there first
            self.handler, self.stream = handler, sys.stderr
        self.pending.append(pending)
        if len(self.pending) >= self.MAX_HELD:
            self.write()
        elif not self.scheduled:
            self.scheduled = True
            self.loop.call_soon(self._end_of_iteration)

    def _end_of_iteration(self) -> None:
        self.scheduled = False
        self.write()

    def write(self) -> None:
        """Write every held line, in order, as ``log_fields`` would have written each."""
        handler, pending = self.handler, self.pending
        if handler is None or not pending:
            return
        handler.acquire()
        try:
            lines = []
            while pending:  # popleft: a line added meanwhile is written now or next time, never lost
                lines.append(_line(pending.popleft()))
            self.stream.write("".join(lines))
        except Exception:
            handler.handleError(logging.makeLogRecord({"msg": "held log lines could not be written"}))
        finally:
            handler.release()


_held: HeldLines | None = None


def hold_lines() -> HeldLines:
    """Hold ``log_fields``' lines on the running event loop from now on (``HeldLines``), until
    ``release``: the service's lifespan."""
    global _held
    _held = HeldLines(asyncio.get_running_loop())
    return _held


def release(held: HeldLines) -> None:
    """Write what ``held`` holds; stop holding lines if it is the one in use."""
    global _held
    if _held is held:
        _held = None
    held.write()


def _write_held() -> None:
    held = _held
    if held is not None:
        held.write()


atexit.register(_write_held)


def _only_json_handler(logger: logging.Logger, level: int) -> logging.Handler | None:
    """The handler ``Logger.handle`` would give a record of ``level`` to, when that is the service's
    JSON handler alone with no filter on the way; else None."""
    if logger.disabled or logger.filters:
        return None
    found = None
    current: logging.Logger | None = logger
    while current is not None:
        for handler in current.handlers:
            if found is not None or not getattr(handler, _HANDLER_MARK, False):
                return None
            found = handler
        if not current.propagate:
            break
        current = current.parent
    if found is None or found.filters or level < found.level or type(found.formatter) is not JsonFormatter:
        return None
    return found


_HANDLER_MARK = "_safesteps_json"


def configure_logging(level: str = "INFO") -> None:
    """Send every log record (ours, uvicorn's, libraries') as JSON to stderr. Idempotent."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
    handler = _StderrHandler()
    setattr(handler, _HANDLER_MARK, True)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # uvicorn's access log and httpx's request lines carry raw paths and query strings. The access
    # logger also has no handler to reach (none of its own, no propagation): uvicorn asks
    # ``hasHandlers()`` once a connection and, when true, formats the line's arguments (quoting the
    # path) on every response before the disabled logger drops them.
    access = logging.getLogger("uvicorn.access")
    access.handlers.clear()
    access.propagate = False
    access.disabled = True
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # SQLAlchemy logs statements *with their parameters* (a child's name) whenever INFO is enabled
    # for it, which a DEBUG root would do: never below WARNING, whatever log_level says.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
