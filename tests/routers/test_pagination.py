"""One pagination style on every list endpoint: ``limit`` + opaque ``cursor`` in, ``items`` +
``next_cursor`` out; pages through more than one page on every backend; a bad or foreign cursor is a
422 in the common error shape that never quotes the cursor back."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from app.errors import InvalidCursor
from app.schemas.pagination import decode_cursor, encode_cursor
from tests.auth import Credentials
from tests.submissions import submission, url

Page = dict[str, Any]


def pages(get: Callable[[dict[str, Any]], Page], **params: Any) -> list[Page]:
    """Every page of a listing, following ``next_cursor`` until it is null."""
    found = [get(params)]
    while (cursor := found[-1]["next_cursor"]) is not None:
        found.append(get({**params, "cursor": cursor}))
        assert len(found) < 100, "the cursor does not advance"
    return found


def getter(client: TestClient, path: str, headers: dict[str, str]) -> Callable[[dict[str, Any]], Page]:
    def get(params: dict[str, Any]) -> Page:
        response = client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        body: Page = response.json()
        assert set(body) == {"items", "next_cursor"}
        return body

    return get


def raw_cursor(value: Any) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(value)).decode("ascii").rstrip("=")


def test_the_access_audit_pages_newest_first_without_gaps_or_repeats(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    client = db_anonymous_client
    ref = "WMP-20261122-0042"
    assert (
        client.post(url(ref), json=submission(ref), headers=db_creds.headers("control_room")).status_code
        == 201
    )
    auditor = db_creds.headers("auditor")
    for n in range(7):
        read = client.get(f"/v1/incidents/{ref}", headers={**auditor, "X-Request-ID": f"read-{n}"})
        assert read.status_code == 200
    audit = getter(client, "/v1/audit/access", auditor)

    paged = pages(audit, action="incident.read", limit=3)
    assert [len(p["items"]) for p in paged] == [3, 3, 1]
    assert [e["request_id"] for p in paged for e in p["items"]] == [f"read-{n}" for n in range(6, -1, -1)]
    (whole,) = pages(audit, action="incident.read", limit=100)
    assert [e for p in paged for e in p["items"]] == whole["items"]

    # Each read of the audit is itself recorded (newer than the page being read): keyset pages
    # neither repeat nor skip an event while that happens, where offsets would shift.
    ids = [e["id"] for p in pages(audit, limit=2) for e in p["items"]]
    assert ids == sorted(set(ids), reverse=True)
    everything = [e["id"] for e in audit({"limit": 1000})["items"]]
    assert ids == [i for i in everything if i <= ids[0]]


def test_a_force_bound_auditor_pages_through_its_own_force_s_accesses_only(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    client = db_anonymous_client
    for ref, force in [("WMP-1", "WMP"), ("NTH-1", "NTH")]:
        body = submission(ref)
        body["checklist"]["incident"]["force"] = force
        assert client.post(url(ref), json=body, headers=db_creds.headers("control_room")).status_code == 201
    bound = db_creds.headers("auditor", force="WMP")
    for _ in range(5):
        assert client.get("/v1/incidents/WMP-1", headers=bound).status_code == 200
        assert client.get("/v1/incidents/NTH-1", headers=db_creds.headers("auditor")).status_code == 200
    paged = pages(getter(client, "/v1/audit/access", bound), action="incident.read", limit=2)
    events = [e for p in paged for e in p["items"]]
    assert [len(p["items"]) for p in paged] == [2, 2, 1]
    assert {(e["force"], e["target"]) for e in events} == {("WMP", "WMP-1")}
    everyone = pages(getter(client, "/v1/audit/access", db_creds.headers("auditor")), action="incident.read")
    assert len(everyone[0]["items"]) == 10


def test_incidents_page_through_more_than_one_page(db_client: TestClient) -> None:
    for n in range(5):
        ref = f"WMP-{n}"
        assert db_client.post(url(ref), json=submission(ref)).status_code == 201
    get = getter(db_client, "/v1/incidents", {})
    paged = pages(get, limit=2)
    assert [len(p["items"]) for p in paged] == [2, 2, 1]
    assert [i["reference"] for p in paged for i in p["items"]] == [f"WMP-{n}" for n in range(4, -1, -1)]
    assert [i for p in paged for i in p["items"]] == get({"limit": 100})["items"]


BAD_CURSORS = {
    "not base64": "not-a-cursor!",
    "not ascii": "é",
    "not JSON": base64.urlsafe_b64encode(b"\xff\xfe{").decode().rstrip("="),
    "not a list": raw_cursor({"kind": "access_events", "id": 3}),
    "empty list": raw_cursor([]),
    "wrong type": raw_cursor(["access_events", "3"]),
    "a boolean for a number": raw_cursor(["access_events", True]),
    "extra key": raw_cursor(["access_events", 3, 4]),
    "too big a number": raw_cursor(["access_events"])[:-2] + "MTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDBd",
    "beyond 64 bits": raw_cursor(["access_events", 2**64 - 1]),
    "a NUL in a key": encode_cursor("incidents", "2026-11-22T10:00:00+00:00", "WMP-\x00"),
    "another listing's": encode_cursor("incidents", "2026-11-22T10:00:00+00:00", "WMP-1"),
    "a replay job's": encode_cursor("replay_results/some-job", 3),
}


def assert_invalid_cursor(response: Any, cursor: str) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "invalid_cursor"
    assert [(f["path"], f["type"]) for f in body["fields"]] == [("query.cursor", "invalid_cursor")]
    assert cursor not in response.text


@pytest.mark.parametrize("cursor", BAD_CURSORS.values(), ids=BAD_CURSORS.keys())
def test_a_bad_or_foreign_cursor_is_422_naming_the_field_without_echoing_it(
    db_anonymous_client: TestClient, db_creds: Credentials, cursor: str
) -> None:
    response = db_anonymous_client.get(
        "/v1/audit/access", params={"cursor": cursor}, headers=db_creds.headers("auditor")
    )
    assert_invalid_cursor(response, cursor)


def test_a_tampered_incident_cursor_is_422(db_client: TestClient) -> None:
    for ref in ("WMP-1", "WMP-2"):
        assert db_client.post(url(ref), json=submission(ref)).status_code == 201
    cursor = db_client.get("/v1/incidents", params={"limit": 1}).json()["next_cursor"]
    kind = "incidents"
    at, ref = decode_cursor(cursor, kind, str, str)
    for tampered in (
        cursor[:-3],
        raw_cursor([kind, "yesterday", ref]),
        raw_cursor([kind, at]),
        encode_cursor("access_events", 1),
        encode_cursor(kind, at, "WMP-\x00"),
        raw_cursor([kind, at, 2**64 - 1]),
    ):
        assert_invalid_cursor(db_client.get("/v1/incidents", params={"cursor": tampered}), tampered)


def test_a_cursor_longer_than_any_issued_is_refused_before_decoding(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    cursor = "A" * 513
    for path in ("/v1/incidents", "/v1/audit/access"):
        response = db_anonymous_client.get(
            path, params={"cursor": cursor}, headers=db_creds.headers("auditor")
        )
        assert response.status_code == 422
        assert [f["path"] for f in response.json()["fields"]] == ["query.cursor"]
        assert cursor not in response.text
    with pytest.raises(InvalidCursor):
        decode_cursor("", "access_events", int)


def test_cursor_round_trip_keeps_types() -> None:
    at = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    cursor = encode_cursor("incidents", at, "WMP-1")
    assert "=" not in cursor
    assert cursor.isascii()
    assert decode_cursor(cursor, "incidents", datetime, str) == (at, "WMP-1")
    with pytest.raises(InvalidCursor):
        decode_cursor(cursor, "access_events", datetime, str)


@pytest.mark.parametrize(
    ("path", "first", "last"),
    [("/v1/audit/access", "since", "until"), ("/v1/incidents", "updated_from", "updated_to")],
)
def test_a_range_the_wrong_way_round_is_422_and_an_empty_one_is_not(
    db_anonymous_client: TestClient, db_creds: Credentials, path: str, first: str, last: str
) -> None:
    auditor = db_creds.headers("auditor")
    later, earlier = "2026-12-01T00:00:00Z", "2026-01-01T00:00:00Z"
    refused = db_anonymous_client.get(path, params={first: later, last: earlier}, headers=auditor)
    assert refused.status_code == 422
    assert refused.json()["fields"] == [
        {"path": f"query.{last}", "message": f"{last} is before {first}", "type": "range_reversed"}
    ]
    empty = db_anonymous_client.get(path, params={first: later, last: later}, headers=auditor)
    assert empty.json() == {"items": [], "next_cursor": None}  # the upper bound is exclusive


def test_the_incident_list_refuses_a_hook_the_rule_sets_do_not_have(
    db_anonymous_client: TestClient, db_creds: Credentials
) -> None:
    auditor = db_creds.headers("auditor")
    listed = db_anonymous_client.get("/v1/incidents", params={"hook": "scene.depart"}, headers=auditor)
    assert listed.json() == {"items": [], "next_cursor": None}  # a valid filter, nothing stored yet
    refused = db_anonymous_client.get("/v1/incidents", params={"hook": "scene.deprat"}, headers=auditor)
    assert refused.status_code == 422
    assert [(f["path"], f["type"]) for f in refused.json()["fields"]] == [("query.hook", "unknown_hook")]
