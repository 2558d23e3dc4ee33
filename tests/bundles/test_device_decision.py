"""A device's offline decision sent with a later submission: marked as the device's, compared with
the server's evaluation (which stays the one of record), and the response says whether they agreed."""

from __future__ import annotations

import copy
from typing import Any

from fastapi.testclient import TestClient

from app import metrics
from tests.auth import Credentials
from tests.submissions import submission, url

REF = "WMP-20261122-0042"


def device_count(agreed: bool) -> float:
    """``safesteps_device_decisions_total{agreed=...}`` in this process."""
    value = metrics.DEVICE_DECISIONS.labels(agreed=str(agreed).lower())._value.get()
    return float(value)


def offline_decision(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    """What an offline evaluator returns for this submission (the same shape as the server's
    decision), with the evaluator's own engine version."""
    evaluated = client.post("/v1/evaluate", json={"checklist": body["checklist"], "hook": body["hook"]})
    assert evaluated.status_code == 200, evaluated.text
    decision = evaluated.json()
    return {**decision, "engine_version": "safesteps-offline-js/1.0.0 zen-engine-js/0.54.0"}


def test_an_agreeing_device_decision_is_reported_and_the_server_stays_of_record(
    client: TestClient, creds: Credentials
) -> None:
    body = submission(REF)
    body["device_decision"] = offline_decision(client, body)
    before = device_count(True), device_count(False)
    response = client.post(url(REF), json=body, headers=creds.headers("mdt"))
    assert response.status_code == 201, response.text
    assert (device_count(True), device_count(False)) == (before[0] + 1, before[1])
    retried = client.post(url(REF), json=body, headers=creds.headers("mdt") | {"Idempotency-Key": "k-1"})
    assert retried.status_code == 201, retried.text
    again = client.post(url(REF), json=body, headers=creds.headers("mdt") | {"Idempotency-Key": "k-1"})
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert device_count(True) == before[0] + 2  # the replayed retry is not counted again
    result = response.json()
    assert result["device_decision"] == {
        "agreed": True,
        "engine_version": "safesteps-offline-js/1.0.0 zen-engine-js/0.54.0",
        "differences": [],
    }
    assert result["evaluation"]["engine_version"].startswith("safesteps-rules/")


def test_a_disagreeing_device_decision_is_flagged_without_changing_the_record(
    client: TestClient, creds: Credentials
) -> None:
    body = submission(REF)
    honest = client.post(url(REF), json=body, headers=creds.headers("mdt")).json()
    device = offline_decision(client, body)
    rule_id, outcome = next(iter(device["outcomes"].items()))
    wrong = copy.deepcopy(device)
    wrong["outcomes"][rule_id] = "met" if outcome != "met" else "missing"
    wrong["blocking"] = not device["blocking"]
    again = submission(REF, device_decision=wrong)
    disagreed = device_count(False)
    response = client.post(url(REF), json=again, headers=creds.headers("mdt"))
    assert response.status_code == 201, response.text
    assert device_count(False) == disagreed + 1
    result = response.json()
    agreement = result["device_decision"]
    assert agreement["agreed"] is False
    assert f"blocking: expected {device['blocking']!r}, got {wrong['blocking']!r}" in agreement["differences"]
    assert any(d.startswith(f"{rule_id}: expected {outcome}") for d in agreement["differences"])
    # The evaluation of record is the server's, identical to the submission without a device decision.
    assert result["evaluation"]["outcomes"] == honest["evaluation"]["outcomes"]
    assert result["blocking"] == honest["blocking"]


def test_a_device_decision_at_another_time_and_version_is_compared_there(
    client: TestClient, creds: Credentials
) -> None:
    body = submission(REF)
    body["checklist"]["incident"]["reported_at"] = "2025-03-01T10:00:00Z"
    evaluated = client.post(
        "/v1/evaluate",
        json={
            "checklist": body["checklist"],
            "hook": body["hook"],
            "as_of": "2025-03-01T12:00:00Z",
            "ruleset": {"id": "concern-for-a-child", "version": "1.0.0"},
        },
    ).json()
    body["device_decision"] = evaluated  # 1.0.0 at 12:00, while the record uses the version in force now
    result = client.post(url(REF), json=body, headers=creds.headers("mdt")).json()
    assert result["evaluation"]["ruleset"]["version"] == "1.1.0"
    assert result["device_decision"]["agreed"] is True


def test_a_device_bundle_the_server_does_not_have_never_agrees(
    client: TestClient, creds: Credentials
) -> None:
    body = submission(REF)
    device = offline_decision(client, body)
    forged = {**device, "ruleset": {**device["ruleset"], "hash": "0" * 64}}
    result = client.post(
        url(REF), json={**body, "device_decision": forged}, headers=creds.headers("mdt")
    ).json()
    assert result["device_decision"]["agreed"] is False
    assert result["device_decision"]["differences"][0].startswith(
        "ruleset: the device's concern-for-a-child@"
    )
    unknown = {**device, "ruleset": {**device["ruleset"], "version": "9.9.9"}}
    response = client.post(url(REF), json={**body, "device_decision": unknown}, headers=creds.headers("mdt"))
    assert response.status_code == 201
    assert response.json()["device_decision"]["agreed"] is False
    assert "9.9.9" in response.json()["device_decision"]["differences"][0]


def test_a_malformed_device_decision_is_a_structured_422(client: TestClient, creds: Credentials) -> None:
    body = submission(REF, device_decision={"ruleset": {"id": "x"}, "blocking": "perhaps"})
    response = client.post(url(REF), json=body, headers=creds.headers("mdt"))
    assert response.status_code == 422
    paths = {f["path"] for f in response.json()["fields"]}
    assert "body.device_decision.blocking" in paths
    assert "body.device_decision.ruleset.version" in paths


def test_a_batch_item_carries_its_own_agreement(client: TestClient, creds: Credentials) -> None:
    """A queue of offline submissions: each item says whether its device decision agreed; an item
    sent without one has no ``device_decision`` at all."""
    body = submission(REF)
    device = offline_decision(client, body)
    wrong = {**device, "score": (device["score"] or 0) + 1}
    items = [
        {**body, "incident_ref": REF, "device_decision": device},
        {**submission("WMP-20261122-0043"), "incident_ref": "WMP-20261122-0043"},
        {**body, "incident_ref": REF, "device_decision": wrong},
    ]
    items[1]["checklist"]["incident"]["reference"] = "WMP-20261122-0043"
    response = client.post("/v1/checklists:batch", json={"items": items}, headers=creds.headers("mdt"))
    assert response.status_code == 200, response.text
    results = [r["result"] for r in response.json()["results"]]
    assert results[0]["device_decision"]["agreed"] is True
    assert "device_decision" not in results[1]
    assert results[2]["device_decision"]["agreed"] is False
    assert results[2]["device_decision"]["differences"][0].startswith("score: expected")
