"""An API key records when it last authenticated a request (to the minute), shown by `GET /v1/keys`
and `safesteps keys list`; a failed attempt with a real key id records nothing."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.auth.tokens import parse
from app.models.auth import ApiKey
from app.models.base import utcnow
from tests.auth import Credentials


def last_used(client: TestClient, key_id: str) -> object:
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        row = session.get(ApiKey, key_id)
        assert row is not None
        return row.last_used_at


def test_last_use_is_recorded_and_listed(anonymous_client: TestClient, creds: Credentials) -> None:
    anonymous_client.app.state.authenticator.cache_seconds = 0  # type: ignore[attr-defined]
    key = creds.key("control_room")
    parsed = parse(key)
    assert parsed is not None
    assert last_used(anonymous_client, parsed.key_id) is None

    wrong = f"ss_{parsed.key_id}_{'x' * len(parsed.secret)}"
    assert (
        anonymous_client.get("/v1/rulesets", headers={"Authorization": f"Bearer {wrong}"}).status_code == 401
    )
    assert last_used(anonymous_client, parsed.key_id) is None  # a failed attempt is not a use

    before = utcnow() - timedelta(seconds=1)
    assert anonymous_client.get("/v1/rulesets", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    first = last_used(anonymous_client, parsed.key_id)
    assert first is not None
    assert anonymous_client.get("/v1/rulesets", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert last_used(anonymous_client, parsed.key_id) == first  # once a minute at most

    listed = anonymous_client.get("/v1/keys", headers=creds.headers("admin")).json()
    (entry,) = [k for k in listed if k["key_id"] == parsed.key_id]
    assert entry["last_used_at"] is not None
    assert entry["last_used_at"] >= before.isoformat()[:19]
