"""The replay API: jobs queued at once, run by the background worker, results paged and downloaded."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.main import create_app
from app.rules.registry import RulesetRegistry
from app.schemas.pagination import encode_cursor
from app.services import demo
from app.services.replay import jobs
from app.services.replay.runner import run_job
from app.settings import Settings
from tests import replay_support as rs
from tests.auth import as_role

IMPACT = {"mode": "impact", "ruleset": {"id": "concern-for-a-child", "version": "1.0.0"}, "results": "all"}


@pytest.fixture
def replay_client(
    db_settings: Settings, db_engine: Engine, registry: RulesetRegistry
) -> Iterator[TestClient]:
    demo.seed(db_engine, registry, 120, closures=False)
    settings = db_settings.model_copy(update={"replay_poll_seconds": 0.05})
    with TestClient(create_app(settings)) as client:
        client.headers.update(as_role(client, "auditor"))  # replays and exports are the auditor's
        yield client


def wait_for(client: TestClient, job_id: str) -> dict[str, Any]:
    """Poll until the worker finishes (bounded: a stuck job fails the test, not the run)."""
    for _ in range(400):
        body: dict[str, Any] = client.get(f"/v1/replays/{job_id}").json()
        if body["status"] in ("succeeded", "failed"):
            return body
        time.sleep(0.05)
    raise AssertionError(f"replay job {job_id} did not finish: {body}")


def test_a_replay_is_queued_at_once_and_run_by_the_worker(replay_client: TestClient) -> None:
    response = replay_client.post("/v1/replays", json={"mode": "as_recorded"})
    assert response.status_code == 202
    job = response.json()
    assert job["status"] in ("queued", "running", "succeeded")
    assert job["selection"] == {
        "from_date": None,
        "to_date": None,
        "force": None,
        "incident_refs": None,
        "hook": None,
        "history_changed": None,
    }
    done = wait_for(replay_client, job["id"])
    assert (done["status"], done["total"], done["processed"], done["progress"]) == (
        "succeeded",
        120,
        120,
        100.0,
    )
    assert done["summary"] == {"decisions": 120, "reproduced": 120, "failed": 0, "erased": 0}
    assert done["results"] == "flagged"  # by default only failures are stored: here, none
    assert replay_client.get(f"/v1/replays/{job['id']}/results").json() == {"items": [], "next_cursor": None}


def test_results_page_in_log_order_and_download_as_csv_and_jsonl(replay_client: TestClient) -> None:
    job_id = replay_client.post("/v1/replays", json=IMPACT).json()["id"]
    assert wait_for(replay_client, job_id)["status"] == "succeeded"
    seen: list[int] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 50} if cursor is None else {"limit": 50, "cursor": cursor}
        page = replay_client.get(f"/v1/replays/{job_id}/results", params=params).json()
        assert len(page["items"]) == 50 or page["next_cursor"] is None
        seen += [item["seq"] for item in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert seen == list(range(1, 121))
    for foreign in (encode_cursor("replay_results/another-job", 60), encode_cursor("incidents", "x", "y")):
        refused = replay_client.get(f"/v1/replays/{job_id}/results", params={"cursor": foreign})
        assert (refused.status_code, refused.json()["error"]) == (422, "invalid_cursor")
        assert foreign not in refused.text
    download = replay_client.get(f"/v1/replays/{job_id}/results.csv")
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert len(rows) == 120
    assert {r["changed"] for r in rows if r["recorded_ruleset"].endswith("@1.0.0")} == {"false"}
    later = [r for r in rows if r["recorded_ruleset"].endswith("@1.1.0")]  # decided after 1 July 2026
    assert later
    for row in later:  # back to 1.0.0: only the rules 1.1.0 changed can differ
        tokens = " ".join(row[k] for k in ("appeared", "disappeared", "severity_changed", "outcome_changed"))
        rule_ids = {t.split("(")[0].split(":")[0] for t in tokens.split()}
        assert rule_ids <= {
            "CFC-VOICE-OF-CHILD",
            "CFC-VOICE-OF-CHILD.police-protection",
            "PP-INFORM-CHILD-WISHES",
        }
    jsonl = replay_client.get(f"/v1/replays/{job_id}/results.jsonl")
    assert jsonl.headers["content-type"] == "application/x-ndjson"
    lines = jsonl.content.splitlines()
    assert [orjson.loads(line)["seq"] for line in lines] == seen
    flagged = replay_client.get(f"/v1/replays/{job_id}/results", params={"flagged_only": True}).json()
    changed = [r["seq"] for r in rows if r["changed"] == "true"]
    assert [item["seq"] for item in flagged["items"]] == [int(seq) for seq in changed]
    assert all(item["recorded_ruleset"].endswith("@1.1.0") for item in flagged["items"])


def test_a_tampered_decision_shows_in_the_flagged_results(
    replay_client: TestClient, db_engine: Engine
) -> None:
    rs.tamper_result(db_engine, 7, blocking=True, score=0.0)
    job_id = replay_client.post("/v1/replays", json={"mode": "as_recorded"}).json()["id"]
    done = wait_for(replay_client, job_id)
    assert (done["flagged"], done["summary"]["failed"]) == (1, 1)
    (item,) = replay_client.get(f"/v1/replays/{job_id}/results", params={"flagged_only": True}).json()[
        "items"
    ]
    assert item["seq"] == 7
    assert item["detail"]["stored_result"]["score"] == 0.0
    assert "replayed_result" in item["detail"]
    csv_rows = list(csv.DictReader(io.StringIO(replay_client.get(f"/v1/replays/{job_id}/results.csv").text)))
    assert [r["seq"] for r in csv_rows if r["reproduced"] == "false"] == ["7"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"mode": "impact"}, "body"),
        ({"mode": "as_recorded", "ruleset": {"id": "concern-for-a-child", "version": "1.0.0"}}, "body"),
        ({"mode": "as_recorded", "selection": {"hook": "nope"}}, "body.selection.hook"),
        (
            {"mode": "as_recorded", "selection": {"from_date": "2026-02-01", "to_date": "2026-01-01"}},
            "body.selection",
        ),
        ({"mode": "replay"}, "body.mode"),
    ],
)
def test_bad_replay_requests_are_422_with_the_field(
    replay_client: TestClient, body: dict[str, Any], path: str
) -> None:
    response = replay_client.post("/v1/replays", json=body)
    assert response.status_code == 422
    assert response.json()["error"] == "validation_error"
    assert path in [f["path"] for f in response.json()["fields"]]


def test_unknown_jobs_and_versions_are_404(replay_client: TestClient) -> None:
    missing = "00000000-0000-0000-0000-000000000000"
    for path in ("", "/results", "/results.csv", "/results.jsonl"):
        response = replay_client.get(f"/v1/replays/{missing}{path}")
        assert response.status_code == 404
        assert response.json()["error"] == "replay_job_not_found"
    response = replay_client.post(
        "/v1/replays", json={"mode": "impact", "ruleset": {"id": "concern-for-a-child", "version": "9.0.0"}}
    )
    assert response.status_code == 404
    assert response.json()["error"] == "ruleset_not_found"


def test_a_job_cut_off_by_a_crash_is_resumed_by_the_restarted_service(
    db_settings: Settings, db_engine: Engine, registry: RulesetRegistry
) -> None:
    """The first service dies after one batch (no release, no final write); the restarted
    service's worker takes the job over once its heartbeat is stale and finishes it exactly."""
    demo.seed(db_engine, registry, 150, closures=False)
    job_id = rs.create(db_engine, registry, mode="as_recorded")
    assert jobs.claim(db_engine, "crashed-service", stale_after=timedelta(seconds=60), job_id=job_id)
    stops = iter([False, True])
    assert not run_job(
        db_engine, registry, job_id, "crashed-service", batch_size=40, should_stop=lambda: next(stops)
    )
    settings = db_settings.model_copy(update={"replay_poll_seconds": 0.05, "replay_stale_seconds": 0.2})
    with TestClient(create_app(settings)) as client:
        client.headers.update(as_role(client, "auditor"))
        done = wait_for(client, job_id)
        assert (done["status"], done["processed"], done["total"], done["attempts"]) == (
            "succeeded",
            150,
            150,
            2,
        )
        assert done["summary"] == {"decisions": 150, "reproduced": 150, "failed": 0, "erased": 0}
        seqs: list[int] = []
        cursor: str | None = None
        while True:
            params: dict[str, str | int] = (
                {"limit": 100} if cursor is None else {"limit": 100, "cursor": cursor}
            )
            page = client.get(f"/v1/replays/{job_id}/results", params=params).json()
            seqs += [item["seq"] for item in page["items"]]
            if (cursor := page["next_cursor"]) is None:
                break
    assert seqs == list(range(1, 151))  # every decision once: the first 40 from before the crash
