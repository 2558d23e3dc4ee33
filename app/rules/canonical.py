"""Canonical JSON: the one byte form that content hashes and decision hashes are taken over."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8; datetimes as RFC 3339 text."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
