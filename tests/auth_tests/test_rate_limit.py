"""Per-client rate limits over HTTP: 429 in the common shape with Retry-After, per credential."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.auth import as_role


@pytest.fixture
def limited(settings: Settings) -> Iterator[TestClient]:
    values = {**settings.model_dump(), "rate_limit_per_second": 0.01, "rate_limit_burst": 3}
    values.update(auth_failure_rate_per_second=0.01, auth_failure_burst=2)
    with TestClient(create_app(Settings(**values))) as client:
        yield client


def test_a_client_past_its_burst_gets_429_with_retry_after(limited: TestClient) -> None:
    mdt = as_role(limited, "mdt")
    statuses = [limited.get("/v1/rulesets", headers=mdt).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = limited.get("/v1/rulesets", headers=mdt)
    assert refused.status_code == 429
    assert refused.json() == {"error": "rate_limited", "message": "Too many requests; slow down."}
    # 3 in any 300 s (burst / rate): the oldest of the three frees its slot within the window.
    assert 1 <= int(refused.headers["retry-after"]) <= 300
    assert refused.headers["ratelimit-policy"] == "3;w=300"
    assert refused.headers["ratelimit"] == f"limit=3, remaining=0, reset={refused.headers['retry-after']}"
    # Another client has its own bucket.
    assert limited.get("/v1/rulesets", headers=as_role(limited, "auditor")).status_code == 200
    # Public probes are not limited.
    assert all(limited.get("/healthz").status_code == 200 for _ in range(5))


def test_failed_authentication_is_limited_per_address_and_logged_without_the_credential(
    limited: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "A" * 43
    bad = {"Authorization": f"Bearer ss_0123456789abcdef_{secret}"}
    capsys.readouterr()
    statuses = [limited.get("/v1/rulesets", headers=bad).status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert "retry-after" in limited.get("/v1/rulesets", headers=bad).headers
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    refusals = [line["fields"] for line in lines if line["message"] == "authentication refused"]
    assert refusals[0] == {"reason": "unknown API key", "client_ip": "testclient"}
    assert len(refusals) == 4
    assert secret not in json.dumps(lines)
