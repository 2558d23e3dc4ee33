"""/metrics parses as Prometheus text, its counters move by exactly what a known sequence of requests
should move them by (in one process, and added up over two worker processes), and access to it is
what the settings say."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app import __version__, metrics
from app.http.metrics import UNMATCHED, observe_request
from app.main import create_app
from app.rules.engine import Facts, decide
from app.rules.registry import RulesetRegistry
from app.schemas.evaluate import EvaluateRequest
from app.settings import Settings
from benchmarks.corpus import generate, request_body
from tests.auth import Credentials, credentials_for
from tests.live import create_key, free_port, live_server
from tests.submissions import submission, url

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
CHECKLIST = {
    "incident": {"reference": "WMP-METRICS-1", "force": "WMP", "type": "domestic_abuse"},
    "children": [{"id": "C1", "identified": True, "seen": False}],
}


def parse(text: str) -> Samples:
    """Every sample by name and labels (the parser refuses anything that is not the text format)."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def delta(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


def evaluate(client: TestClient | httpx.Client, headers: dict[str, str], hook: str) -> int:
    body = {"hook": hook, "checklist": CHECKLIST}
    return client.post("/v1/evaluate", json=body, headers=headers).status_code


def test_counters_move_by_what_the_requests_did(client: TestClient, creds: Credentials) -> None:
    before = parse(client.get("/metrics").text)
    assert [evaluate(client, {}, "scene.depart") for _ in range(3)] == [200] * 3
    assert evaluate(client, {}, "scene.arrival") == 200
    retry = {"Idempotency-Key": "metrics-0001"}
    assert client.post(url(), json=submission(), headers=retry).status_code == 201
    assert client.post(url(), json=submission(), headers=retry).status_code == 201  # a replayed retry
    assert client.get("/no/such/path").status_code == 404
    after = parse(client.get("/metrics").text)

    route = {"method": "POST", "route": "/v1/evaluate"}
    assert delta(before, after, "safesteps_http_requests_total", **route, status="200") == 4
    assert delta(before, after, "safesteps_http_request_duration_seconds_count", **route) == 4
    assert (
        delta(before, after, "safesteps_http_requests_total", method="GET", route="unmatched", status="404")
        == 1
    )
    # the seen: false child is missing at scene.depart (a blocking moment), not at arrival
    evaluations = "safesteps_evaluations_total"
    assert delta(before, after, evaluations, source="evaluate", hook="scene.depart", blocking="true") == 3
    assert delta(before, after, evaluations, source="evaluate", hook="scene.arrival", blocking="false") == 1
    stored = sum(
        delta(before, after, evaluations, source="submission", hook="scene.depart", blocking=b)
        for b in ("true", "false")
    )
    assert stored == 1  # the retry replayed the stored answer: no second evaluation
    assert (
        delta(
            before,
            after,
            "safesteps_rule_outcomes_total",
            source="evaluate",
            hook="scene.depart",
            outcome="missing",
        )
        >= 3
    )
    assert delta(before, after, "safesteps_decision_log_appended_records_total") == 1
    assert delta(before, after, "safesteps_decision_log_append_duration_seconds_count") == 1
    assert value(after, "safesteps_decision_log_records") == 1  # read from the database
    assert value(after, "safesteps_database_up") == 1
    assert value(after, "safesteps_replay_jobs", status="queued") == 0
    builds = [
        dict(labels) for (name, labels), v in after.items() if name == "safesteps_build_info" and v == 1
    ]
    assert __version__ in {build["version"] for build in builds}
    loaded = {dict(labels)["version"] for name, labels in after if name == "safesteps_ruleset_info"}
    assert {"1.0.0", "1.1.0"} <= loaded


def test_rate_limit_refusals_are_counted_by_route(settings: Settings) -> None:
    limited = settings.model_copy(update={"rate_limit_per_second": 0.001, "rate_limit_burst": 2})
    with TestClient(create_app(limited)) as client:
        headers = credentials_for(client.app).headers("control_room")  # type: ignore[arg-type]
        before = parse(client.get("/metrics").text)
        statuses = [evaluate(client, headers, "scene.depart") for _ in range(5)]
        after = parse(client.get("/metrics").text)
    refused = statuses.count(429)
    assert refused >= 3
    assert delta(before, after, "safesteps_rate_limited_total", route="/v1/evaluate") == refused


@pytest.mark.parametrize(
    ("access", "token", "anonymous", "with_token"),
    [("open", None, 200, 200), ("token", "t" * 40, 401, 200), ("off", None, 404, 404)],
)
def test_access_follows_the_settings(
    settings: Settings, access: str, token: str | None, anonymous: int, with_token: int
) -> None:
    configured = Settings(**{**settings.model_dump(), "metrics_access": access, "metrics_token": token})
    with TestClient(create_app(configured)) as client:
        assert client.get("/metrics").status_code == anonymous
        bearer = {"Authorization": f"Bearer {token or 'x'}"}
        assert client.get("/metrics", headers=bearer).status_code == with_token
        if anonymous == 401:
            assert client.get("/metrics").json()["error"] == "unauthorized"
            assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_a_token_shorter_than_32_characters_is_refused(settings: Settings) -> None:
    with pytest.raises(ValueError, match="SAFESTEPS_METRICS_TOKEN"):
        Settings(**{**settings.model_dump(), "metrics_access": "token", "metrics_token": "short"})


def scrape_when_workers_are_up(metrics_url: str, workers: int, timeout: float = 90) -> Samples:
    """A scrape once every worker has started (the API answers as soon as the first one has). A
    worker compiles every rule set as it starts: beside other test workers on a loaded 2-core
    machine the second one has been seen to take over 30 s."""
    deadline = time.monotonic() + timeout
    while True:
        samples = parse(httpx.get(metrics_url, timeout=10).text)
        if value(samples, "safesteps_worker_processes") == workers or time.monotonic() > deadline:
            return samples
        time.sleep(0.2)


@pytest.fixture
def control_room_key(tmp_path: Path) -> str:
    return create_key(tmp_path, "control_room")


def test_two_workers_add_up(tmp_path: Path, control_room_key: str) -> None:
    requests = 24
    with live_server(tmp_path, workers=2, auth_cache_seconds="0") as server:
        headers = {"Authorization": f"Bearer {control_room_key}"}
        scrapes = []
        before = scrape_when_workers_are_up(f"{server.url}/metrics", 2)
        for _ in range(requests):
            # a fresh connection each time, so that both workers' accept() get some of them
            with httpx.Client(base_url=server.url, timeout=10) as client:
                assert evaluate(client, headers, "scene.depart") == 200
        for _ in range(4):
            with httpx.Client(base_url=server.url, timeout=10) as client:
                scrapes.append(parse(client.get("/metrics").text))
    for after in scrapes:  # whichever worker answered, the same totals
        assert value(after, "safesteps_worker_processes") == 2
        assert (
            delta(
                before,
                after,
                "safesteps_http_requests_total",
                method="POST",
                route="/v1/evaluate",
                status="200",
            )
            == requests
        )
        assert (
            delta(
                before,
                after,
                "safesteps_evaluations_total",
                source="evaluate",
                hook="scene.depart",
                blocking="true",
            )
            == requests
        )
    assert "Traceback" not in server.output()


def test_metrics_on_a_port_of_their_own(tmp_path: Path) -> None:
    port = free_port()
    with live_server(tmp_path, workers=2, metrics_port=str(port)) as server:
        samples = scrape_when_workers_are_up(f"http://127.0.0.1:{port}/metrics", 2)
        api = httpx.get(f"{server.url}/metrics", timeout=10)
    assert value(samples, "safesteps_worker_processes") == 2
    assert value(samples, "safesteps_database_up") == 1
    assert api.status_code == 404  # not on the API port


def test_a_decision_counts_each_outcome_summed_over_severities_and_touches_no_other() -> None:
    """``observe_decision``: per outcome, the sum of its counts over the severities; an outcome no
    severity had makes no child (the exposition lists no zero sample for it)."""
    registry = RulesetRegistry.load()
    for i, case in enumerate(generate(6, seed=20251123)):
        body = EvaluateRequest.model_validate(request_body(case, "scene.depart"))
        decision = decide(registry, Facts.of(body.checklist), body.hook, ruleset=body.ruleset.ref())
        source = f"test-observe-{i}"  # labels of its own: nothing else moves them
        metrics.observe_decision(decision, source)
        samples = parse(metrics.render().decode())
        for outcome in ("met", "missing", "unknown", "not_applicable"):
            total = sum(getattr(counts, outcome) for counts in decision.counts.values())
            key = (
                "safesteps_rule_outcomes_total",
                frozenset({"source": source, "hook": "scene.depart", "outcome": outcome}.items()),
            )
            assert samples.get(key) == (float(total) if total else None)


def test_a_request_moves_its_counter_and_latency_and_only_a_429_the_refusals() -> None:
    """``observe_request``'s memoised series are those ``labels()`` gives: the same samples move,
    and a route that never answered 429 has no refusal series at all."""
    before = parse(metrics.render().decode())
    observe_request("POST", "/test/series", 200, 0.003)
    observe_request("POST", "/test/series", 200, 0.2)
    observe_request("POST", "/test/series", 429, 0.001)
    observe_request("POST", "/test/never-refused", 200, 0.001)
    observe_request("GET", None, 404, 0.001)
    after = parse(metrics.render().decode())
    route = {"method": "POST", "route": "/test/series"}
    requests, latency = "safesteps_http_requests_total", "safesteps_http_request_duration_seconds"
    assert delta(before, after, requests, **route, status="200") == 2.0
    assert delta(before, after, requests, **route, status="429") == 1.0
    assert delta(before, after, requests, method="GET", route=UNMATCHED, status="404") == 1.0
    assert delta(before, after, f"{latency}_count", **route) == 3.0
    assert delta(before, after, f"{latency}_sum", **route) == pytest.approx(0.204)
    assert delta(before, after, f"{latency}_bucket", **route, le="0.005") == 2.0
    assert delta(before, after, "safesteps_rate_limited_total", route="/test/series") == 1.0
    never = ("safesteps_rate_limited_total", frozenset({"route": "/test/never-refused"}.items()))
    assert never not in after
