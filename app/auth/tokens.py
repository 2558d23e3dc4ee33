"""API-key format and hashing. Pure: no database, no clock.

A key reads ``ss_<id>_<secret>``: ``ss_`` makes leaked keys easy to spot (secret scanners), the
16-hex-digit id finds the row without scanning, and the secret carries 256 random bits. Only
``HMAC-SHA256(pepper, id:secret)`` is stored: with that much entropy a slow password hash buys
nothing, while the server-side pepper makes a stolen table useless on its own.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

PREFIX = "ss_"
_KEY = re.compile(r"^ss_(?P<id>[0-9a-f]{16})_(?P<secret>[A-Za-z0-9_-]{43})$")


@dataclass(frozen=True, slots=True)
class ParsedKey:
    key_id: str
    secret: str


def generate() -> tuple[ParsedKey, str]:
    """A new key: its parts and the string shown to the administrator once."""
    parsed = ParsedKey(secrets.token_hex(8), secrets.token_urlsafe(32))
    return parsed, f"{PREFIX}{parsed.key_id}_{parsed.secret}"


def parse(token: str) -> ParsedKey | None:
    match = _KEY.fullmatch(token)
    return ParsedKey(match["id"], match["secret"]) if match else None


def looks_like_api_key(token: str) -> bool:
    return token.startswith(PREFIX)


def digest(pepper: str, key: ParsedKey) -> str:
    # The id is inside the MAC so that a hash copied onto another row does not verify there.
    message = f"{key.key_id}:{key.secret}".encode()
    return hmac.new(pepper.encode(), message, hashlib.sha256).hexdigest()


def matches(pepper: str, key: ParsedKey, stored: str) -> bool:
    """Constant-time comparison with the stored hash."""
    return hmac.compare_digest(digest(pepper, key), stored)
