"""The request context's response headers: the app's own, then the request id, no-store, nosniff."""

from __future__ import annotations

import pytest

from app.http.middleware import response_headers

Headers = list[tuple[bytes, bytes]]


def former(headers: Headers, request_id: str) -> Headers:
    """How the request context built them before ``response_headers`` (the reference)."""
    kept = [h for h in headers if h[0].lower() != b"x-request-id"]
    kept.append((b"x-request-id", request_id.encode()))
    if not any(h[0].lower() == b"cache-control" for h in kept):
        kept.append((b"cache-control", b"no-store"))
    kept.append((b"x-content-type-options", b"nosniff"))
    return kept


@pytest.mark.parametrize(
    "headers",
    [
        [],
        [(b"content-type", b"application/json"), (b"content-length", b"2")],
        [(b"content-type", b"text/html"), (b"cache-control", b"max-age=60")],
        [(b"Cache-Control", b"private"), (b"X-Request-ID", b"forged"), (b"etag", b'"3"')],
        [(b"x-request-id", b"a"), (b"x-request-id", b"b"), (b"vary", b"Accept")],
    ],
)
def test_the_headers_are_the_apps_then_the_id_no_store_and_nosniff(headers: Headers) -> None:
    got = response_headers(headers, "req-7")
    assert got == former(headers, "req-7")
    assert got.count((b"x-request-id", b"req-7")) == 1
    assert [h for h in got if h[0].lower() == b"x-request-id"] == [(b"x-request-id", b"req-7")]
    assert (b"cache-control", b"no-store") in got or any(h[0].lower() == b"cache-control" for h in headers)
