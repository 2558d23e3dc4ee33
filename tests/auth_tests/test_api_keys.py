"""API keys: shown once, stored as a peppered hash, expiring, revocable; CLI and admin API."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.auth import tokens
from app.auth.authenticator import Authenticator, AuthFailed
from app.cli import app as cli
from app.models.auth import ApiKey
from app.models.base import utcnow
from app.settings import Settings
from tests.auth import Credentials

RULESETS = "/v1/rulesets"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_generated_keys_parse_and_verify_only_with_their_own_secret() -> None:
    parsed, plaintext = tokens.generate()
    assert plaintext.startswith("ss_")
    assert tokens.parse(plaintext) == parsed
    stored = tokens.digest("pepper", parsed)
    assert tokens.matches("pepper", parsed, stored)
    assert not tokens.matches("other pepper", parsed, stored)
    other, _ = tokens.generate()
    assert not tokens.matches("pepper", tokens.ParsedKey(parsed.key_id, other.secret), stored)


@pytest.mark.parametrize("token", ["ss_", "ss_0123456789abcdef_short", "ss_XYZ_" + "a" * 43, "nope"])
def test_malformed_keys_do_not_parse(token: str) -> None:
    assert tokens.parse(token) is None


def test_no_credential_is_401_in_the_common_shape(anonymous_client: TestClient) -> None:
    response = anonymous_client.get(RULESETS)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {
        "error": "unauthorized",
        "message": "A credential is required (Authorization: Bearer ...).",
    }


def test_valid_key_is_accepted(anonymous_client: TestClient, creds: Credentials) -> None:
    assert anonymous_client.get(RULESETS, headers=creds.headers("auditor")).status_code == 200


def test_wrong_secret_expired_and_revoked_keys_are_401_alike(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    good = creds.key("auditor")
    parsed = tokens.parse(good)
    assert parsed is not None
    wrong = f"ss_{parsed.key_id}_{'A' * 43}"
    expired = creds.key("auditor", expires_at=utcnow() - timedelta(seconds=1))
    revoked = creds.key("auditor", revoked=True)
    bodies = []
    for key in (wrong, expired, revoked, "ss_garbage", "not-a-key"):
        response = anonymous_client.get(RULESETS, headers=bearer(key))
        assert response.status_code == 401, key
        bodies.append(response.json())
    # No hint of which check failed.
    assert len({json.dumps(b) for b in bodies[:3]}) == 1


def test_only_the_hash_is_stored(anonymous_client: TestClient, creds: Credentials) -> None:
    key = creds.key("mdt")
    parsed = tokens.parse(key)
    assert parsed is not None
    with Session(anonymous_client.app.state.engine) as session:  # type: ignore[attr-defined]
        row = session.exec(select(ApiKey).where(ApiKey.key_id == parsed.key_id)).one()
    assert parsed.secret not in json.dumps(row.model_dump(mode="json"))
    assert len(row.secret_hash) == 64


def test_admin_creates_lists_and_revokes_keys_over_the_api(
    anonymous_client: TestClient, creds: Credentials
) -> None:
    admin = creds.headers("admin")
    created = anonymous_client.post(
        "/v1/keys", json={"name": "WMP CAD", "role": "control_room", "force": "WMP"}, headers=admin
    )
    assert created.status_code == 201
    body = created.json()
    assert body["role"] == "control_room"
    assert body["force"] == "WMP"
    key = body["key"]
    assert anonymous_client.get(RULESETS, headers=bearer(key)).status_code == 200

    listed = anonymous_client.get("/v1/keys", headers=admin).json()
    mine = [k for k in listed if k["key_id"] == body["key_id"]]
    assert len(mine) == 1
    assert "key" not in mine[0]
    assert "secret_hash" not in mine[0]
    assert key not in json.dumps(listed)

    revoked = anonymous_client.post(f"/v1/keys/{body['key_id']}/revoke", headers=admin)
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    # Revocation through this process takes effect at once, despite the verified-key cache.
    assert anonymous_client.get(RULESETS, headers=bearer(key)).status_code == 401


def test_revoking_an_unknown_key_is_404(anonymous_client: TestClient, creds: Credentials) -> None:
    response = anonymous_client.post("/v1/keys/0123456789abcdef/revoke", headers=creds.headers("admin"))
    assert response.status_code == 404
    assert response.json()["error"] == "api_key_not_found"


def test_cli_creates_lists_and_revokes(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SAFESTEPS_ENVIRONMENT", "test")
    from app.settings import get_settings

    get_settings.cache_clear()
    try:
        runner = CliRunner()
        created = runner.invoke(cli, ["keys", "create", "--name", "Auditor desk", "--role", "auditor"])
        assert created.exit_code == 0, created.output
        key = created.stdout.strip().splitlines()[-1]
        parsed = tokens.parse(key)
        assert parsed is not None

        listed = runner.invoke(cli, ["keys", "list", "--json"])
        assert listed.exit_code == 0
        rows = json.loads(listed.stdout)
        assert [(r["key_id"], r["role"], r["usable"]) for r in rows] == [(parsed.key_id, "auditor", True)]
        assert key not in listed.stdout

        assert runner.invoke(cli, ["keys", "revoke", parsed.key_id]).exit_code == 0
        rows = json.loads(runner.invoke(cli, ["keys", "list", "--json"]).stdout)
        assert rows[0]["usable"] is False
        assert runner.invoke(cli, ["keys", "revoke", "ffffffffffffffff"]).exit_code == 1
        bad_force = runner.invoke(cli, ["keys", "create", "--name", "x", "--role", "mdt", "--force", "w m"])
        assert bad_force.exit_code == 2
        # An operator's mistake is one line saying what is wrong, never a traceback; nothing is stored.
        for expires, code, said in (
            ("2001-01-01", 1, "error: expires_at is in the past: the key would never work"),
            (
                "9999-12-31T23:59:59-14:00",
                2,
                "error: --expires is outside the years 1 to 9999 once converted to UTC",
            ),
        ):
            refused = runner.invoke(
                cli, ["keys", "create", "--name", "x", "--role", "mdt", "--expires", expires]
            )
            assert (refused.exit_code, refused.stderr.strip().splitlines()[-1]) == (code, said)
        assert len(json.loads(runner.invoke(cli, ["keys", "list", "--json"]).stdout)) == 1
    finally:
        get_settings.cache_clear()


def test_a_cached_key_still_expires_and_a_revoked_one_is_dropped(
    anonymous_client: TestClient, creds: Credentials, settings: Settings
) -> None:

    engine = anonymous_client.app.state.engine  # type: ignore[attr-defined]
    clock = [utcnow()]
    auth = Authenticator(settings, now=lambda: clock[0])
    key = creds.key("mdt", expires_at=clock[0] + timedelta(hours=1))
    assert auth.cached(key) is None  # nothing in memory yet
    assert auth.authenticate(key, engine).role.value == "mdt"
    assert auth.cached(key) is not None  # now answered from memory
    clock[0] += timedelta(hours=2)
    with pytest.raises(AuthFailed):
        auth.cached(key)
    parsed = tokens.parse(key)
    assert parsed is not None
    auth.forget(parsed.key_id)
    assert auth.cached(key) is None


def test_a_cached_key_verified_once_still_refuses_any_other_secret(
    anonymous_client: TestClient, creds: Credentials, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = anonymous_client.app.state.engine  # type: ignore[attr-defined]
    auth = Authenticator(settings)
    key = creds.key("mdt")
    parsed = tokens.parse(key)
    assert parsed is not None
    other = f"{tokens.PREFIX}{parsed.key_id}_{'A' * 43}"
    hmacs: list[str] = []
    real = tokens.matches

    def counting(pepper: str, presented: tokens.ParsedKey, stored: str) -> bool:
        hmacs.append(presented.secret)
        return real(pepper, presented, stored)

    monkeypatch.setattr(tokens, "matches", counting)
    assert auth.authenticate(key, engine).role.value == "mdt"
    for _ in range(3):
        assert auth.cached(key) is not None
        with pytest.raises(AuthFailed):
            auth.cached(other)  # the same key id, another secret: verified, and refused, every time
    assert hmacs == [parsed.secret, *["A" * 43] * 3]  # the right secret verified once
    auth.forget(parsed.key_id)
    assert auth.authenticate(key, engine).role.value == "mdt"  # a row read again: verified again
    assert hmacs[-1] == parsed.secret


def test_a_run_out_cached_key_is_read_once_by_requests_waiting_together(
    anonymous_client: TestClient, creds: Credentials, settings: Settings
) -> None:
    """When a cached row runs out under load, one request reads it again and the others use that
    read: not a database read (and a recorded use) per request in flight."""
    engine = anonymous_client.app.state.engine  # type: ignore[attr-defined]
    clock = [0.0]
    auth = Authenticator(settings, clock=lambda: clock[0])
    key = creds.key("mdt")
    assert auth.authenticate(key, engine).role.value == "mdt"
    clock[0] += settings.auth_cache_seconds + 1  # the cached row has run out
    reads: list[str] = []

    def slow_key_reads(conn, cursor, statement: str, *args: object) -> None:  # type: ignore[no-untyped-def]
        if "FROM api_key" in statement:
            reads.append(statement.split()[0])
            time.sleep(0.2)  # long enough for every thread to arrive while the first one reads

    event.listen(engine, "before_cursor_execute", slow_key_reads)
    try:
        start = threading.Barrier(8)

        def request() -> str:
            start.wait()
            return auth.authenticate(key, engine).role.value

        with ThreadPoolExecutor(8) as pool:
            roles = list(pool.map(lambda _: request(), range(8)))
    finally:
        event.remove(engine, "before_cursor_execute", slow_key_reads)
    assert roles == ["mdt"] * 8
    assert reads == ["SELECT"]  # the row read once, not once per waiting request
