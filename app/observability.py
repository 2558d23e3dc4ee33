"""Structured JSON logs with a request id, and nothing personal in them.

Every line is one JSON object: time, level, logger, message, the request id of the request being
served (a context variable, so it reaches sync handlers in the threadpool) and a small ``fields``
dict that callers pass explicitly (``log.info("msg", extra={"fields": {...}})``). Record attributes
are never dumped wholesale. Exception *messages* are left out on purpose: a pydantic
``ValidationError`` or an ``IntegrityError`` quotes the offending input, which may be a child's
name; the exception type and the stack frames are enough to find the bug.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson
from opentelemetry import trace

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


def _entry(created: float, level: str, logger: str, message: str) -> dict[str, Any]:
    """A line's leading keys: time, level, logger, message, and the request and trace it belongs to."""
    entry: dict[str, Any] = {
        "ts": iso_ms(created),
        "level": level,
        "logger": logger,
        "message": message,
    }
    request_id = request_id_var.get()
    if request_id is not None:
        entry["request_id"] = request_id
    span = trace.get_current_span().get_span_context()
    if span.is_valid:  # only while a traced request (SAFESTEPS_TRACING) is being served
        entry["trace_id"] = format(span.trace_id, "032x")
        entry["span_id"] = format(span.span_id, "016x")
    return entry


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
    """
    if not logger.isEnabledFor(level):
        return
    handler = _only_json_handler(logger, level)
    if handler is None:
        # makeRecord + handle: the same record as .log() without its caller-frame search.
        record = logger.makeRecord(logger.name, level, "", 0, message, (), None, extra={"fields": fields})
        logger.handle(record)
        return
    entry = _entry(time.time(), logging.getLevelName(level), logger.name, message)
    entry["fields"] = fields
    line = orjson.dumps(entry, default=str).decode("utf-8") + "\n"
    handler.acquire()  # as Handler.handle does around emit
    try:
        sys.stderr.write(line)
    except Exception:
        handler.handleError(logger.makeRecord(logger.name, level, "", 0, message, (), None))
    finally:
        handler.release()


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
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # uvicorn's access log and httpx's request lines carry raw paths and query strings.
    logging.getLogger("uvicorn.access").disabled = True
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # SQLAlchemy logs statements *with their parameters* (a child's name) whenever INFO is enabled
    # for it, which a DEBUG root would do: never below WARNING, whatever log_level says.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
