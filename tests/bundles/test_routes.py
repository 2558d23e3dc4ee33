"""The bundle routes: signed bodies, ETag / If-None-Match, errors in the common shape, the keys."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.services.bundles import MEDIA_TYPE, load_public_key, new_private_key_text, trusted_keys, verify
from app.settings import Settings
from tests.auth import credentials_for

KEY = new_private_key_text()
RETIRED = "LHg6x1tcgzng4nVittGvsi7uYDDg05btTCHajyVrJVM="


def with_(settings: Settings, **changes: object) -> Settings:
    return Settings(**{**settings.model_dump(), **changes})


@pytest.fixture
def mdt(settings: Settings) -> Iterator[TestClient]:
    configured = with_(settings, bundle_signing_key=KEY, bundle_previous_public_keys=[RETIRED])
    with TestClient(create_app(configured)) as client:
        client.headers.update(credentials_for(client.app).headers("mdt"))  # type: ignore[arg-type]
        yield client


def test_bundle_is_signed_and_verifies_with_the_published_key(mdt: TestClient) -> None:
    keys = mdt.get("/v1/bundle-keys", headers={"Authorization": ""})
    assert keys.status_code == 200
    entries = keys.json()["keys"]
    assert [e["current"] for e in entries] == [True, False]
    assert entries[1]["public_key"] == RETIRED
    assert entries[0]["jwk"]["crv"] == "Ed25519"
    response = mdt.get("/v1/bundles/concern-for-a-child/1.1.0")
    assert response.status_code == 200
    assert response.headers["content-type"] == MEDIA_TYPE
    payload = orjson.loads(verify(response.content, trusted_keys(entries)))
    assert payload["ruleset"]["id"] == "concern-for-a-child"
    assert payload["ruleset"]["version"] == "1.1.0"
    # The retired key alone does not verify a bundle signed with the current one.
    with pytest.raises(ValueError, match="not a trusted key"):
        verify(response.content, [load_public_key(RETIRED)])


def test_if_none_match_answers_304_until_the_bundle_changes(mdt: TestClient) -> None:
    first = mdt.get("/v1/bundles/concern-for-a-child/1.0.0")
    tag = first.headers["ETag"]
    assert tag.startswith('"')
    assert len(tag) == 66
    again = mdt.get("/v1/bundles/concern-for-a-child/1.0.0", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == tag
    weak_list = mdt.get(
        "/v1/bundles/concern-for-a-child/1.0.0", headers={"If-None-Match": f'"other", W/{tag}'}
    )
    assert weak_list.status_code == 304
    other_version = mdt.get("/v1/bundles/concern-for-a-child/1.1.0", headers={"If-None-Match": tag})
    assert other_version.status_code == 200
    assert other_version.headers["ETag"] != tag


def test_manifest_names_each_bundle_by_digest(mdt: TestClient) -> None:
    keys = trusted_keys(mdt.get("/v1/bundle-keys").json()["keys"])
    response = mdt.get("/v1/bundles/concern-for-a-child")
    manifest = orjson.loads(verify(response.content, keys))
    for entry in manifest["versions"]:
        bundle = mdt.get(f"/v1/bundles/concern-for-a-child/{entry['version']}")
        assert bundle.headers["ETag"] == f'"{entry["bundle_sha256"]}"'
    cached = mdt.get("/v1/bundles/concern-for-a-child", headers={"If-None-Match": response.headers["ETag"]})
    assert cached.status_code == 304


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [
        ("/v1/bundles/concern-for-a-child/9.9.9", 404, "ruleset_not_found"),
        ("/v1/bundles/no-such-set", 404, "ruleset_not_found"),
        ("/v1/bundles/concern-for-a-child/latest", 422, "validation_error"),
        ("/v1/bundles/Not_An_Id/1.0.0", 422, "validation_error"),
    ],
)
def test_bad_requests_are_structured(mdt: TestClient, path: str, status: int, error: str) -> None:
    response = mdt.get(path)
    assert response.status_code == status
    assert response.json()["error"] == error


# A pepper the production guard accepts (random, at least 96 bits); synthetic, never deployed.
PEPPER = "q7Vf2LxR9mTz4KwBn8YcJd3HsGp6UaEo1NiQvXrZtWlM"
HISTORY_SECRET = "Hs4mW9qTz2LxR7vKn3YcJd8PfGb6UaEo1NiQrXtZwVlB"


def test_production_without_a_key_serves_no_bundles(settings: Settings) -> None:
    production = with_(settings, environment="production", key_pepper=PEPPER, history_secret=HISTORY_SECRET)
    with TestClient(create_app(production)) as client:
        client.headers.update(credentials_for(client.app).headers("mdt"))  # type: ignore[arg-type]
        response = client.get("/v1/bundles/concern-for-a-child/1.1.0")
        assert response.status_code == 503
        assert response.json()["error"] == "bundle_signing_unavailable"
        assert "SAFESTEPS_BUNDLE_SIGNING_KEY" in response.json()["message"]
        assert client.get("/v1/bundle-keys").json() == {"keys": []}
