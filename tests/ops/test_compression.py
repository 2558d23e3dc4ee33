"""Responses are gzip-compressed for clients that accept it, and only for them."""

from __future__ import annotations

import gzip

from fastapi.testclient import TestClient


def test_large_responses_are_compressed_when_the_client_accepts_gzip(client: TestClient) -> None:
    plain = client.get("/v1/hooks", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200
    assert "content-encoding" not in plain.headers
    # httpx would decode transparently: read the raw bytes to see what went over the wire
    with client.stream("GET", "/v1/hooks", headers={"Accept-Encoding": "gzip"}) as compressed:
        assert compressed.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in compressed.headers["vary"].lower()
        wire = b"".join(compressed.iter_raw())
    assert len(wire) < len(plain.content) / 4
    assert gzip.decompress(wire) == plain.content


def test_small_responses_and_error_bodies_keep_their_headers(client: TestClient) -> None:
    response = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers  # under 1 KiB: not worth it
    assert response.headers["x-request-id"]
