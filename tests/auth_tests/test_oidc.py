"""OIDC bearer tokens: asymmetric only, issuer/audience allow-lists, expiry, role and force claims."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from fastapi.testclient import TestClient

from app.auth.authenticator import Authenticator, AuthFailed
from app.auth.oidc import KeysUnavailable, NoRole
from app.auth.roles import Role
from app.main import create_app
from app.settings import Settings
from tests.auth_tests import oidc_keys
from tests.auth_tests.oidc_keys import AUDIENCE, ISSUER, hmac_token, token


def oidc_settings(base: Settings, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        **base.model_dump(),
        "oidc_jwks_file": oidc_keys.write_jwks(tmp_path / "jwks.json"),
        "oidc_issuers": [ISSUER],
        "oidc_audiences": [AUDIENCE],
        **overrides,
    }
    return Settings(**values)


MAPPED = "SafeStepsAuditors"


@pytest.fixture
def verifier(settings: Settings, tmp_path: Path) -> Authenticator:
    return Authenticator(
        oidc_settings(
            settings, tmp_path, oidc_role_map={"SafeStepsAuditors": "auditor", "SafeStepsAdmins": "admin"}
        )
    )


@pytest.mark.parametrize("alg", ["RS256", "ES256", "EdDSA"])
def test_asymmetric_tokens_verify(verifier: Authenticator, alg: str) -> None:
    principal = verifier.authenticate(token(alg, role=MAPPED, force="WMP"), engine=None)  # type: ignore[arg-type]
    assert principal.role is Role.auditor
    assert principal.force == "WMP"
    assert principal.kind == "oidc"
    assert principal.id.startswith("oidc:")
    assert principal.id.endswith(":user-4711")


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda: token(aud="someone-else"), id="wrong-audience"),
        pytest.param(lambda: token(iss="https://evil.invalid"), id="wrong-issuer"),
        pytest.param(lambda: token(exp_in=-3600), id="expired"),
        pytest.param(lambda: token(drop=("exp",)), id="no-exp"),
        pytest.param(lambda: token(kid="unknown"), id="unknown-kid"),
        pytest.param(lambda: token("RS256", kid="ec-1"), id="key-of-another-algorithm"),
        pytest.param(hmac_token, id="hmac-with-oct-key-in-set"),
        pytest.param(lambda: token(role=MAPPED, force="w m"), id="malformed-force"),
        pytest.param(lambda: token(role=MAPPED, exp_in=2 * 86_400), id="lifetime-beyond-the-maximum"),
        pytest.param(lambda: token(role=MAPPED, exp_in=7200, drop=("iat",)), id="no-iat-and-long-lived"),
        pytest.param(lambda: "not.a.token", id="garbage"),
    ],
)
def test_bad_tokens_fail(verifier: Authenticator, bad: object) -> None:
    with pytest.raises(AuthFailed):
        verifier.authenticate(bad(), engine=None)  # type: ignore[arg-type,operator]


def test_hmac_signed_with_the_public_key_fails(verifier: Authenticator) -> None:
    # The classic confusion attack: HS256 keyed with the RSA public key the server trusts.
    pem = (
        oidc_keys.PRIVATE["RS256"]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    import hashlib
    import hmac as hmac_module

    header = {"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": 9_999_999_999, "safesteps_role": "admin"}

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    signature = hmac_module.new(pem, signing_input.encode(), hashlib.sha256).digest()
    with pytest.raises(AuthFailed):
        verifier.authenticate(f"{signing_input}.{b64(signature)}", engine=None)  # type: ignore[arg-type]


def test_alg_none_fails(verifier: Authenticator) -> None:
    unsigned = token().rsplit(".", 1)[0]
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "kid": "rsa-1"}).encode()).rstrip(b"=")
    forged = header.decode() + "." + unsigned.split(".")[1] + "."
    with pytest.raises(AuthFailed):
        verifier.authenticate(forged, engine=None)  # type: ignore[arg-type]


def test_role_claim_is_mapped(verifier: Authenticator) -> None:
    assert verifier.authenticate(token(role=["SafeStepsAuditors", "Other"]), None).role is Role.auditor  # type: ignore[arg-type]


def test_with_a_role_map_a_raw_safesteps_role_name_is_no_role(verifier: Authenticator) -> None:
    # A groups claim that happens to contain "admin" must not make the caller admin.
    for raw in ("admin", "auditor", ["admin", "Other"]):
        with pytest.raises(NoRole):
            verifier.authenticate(token(role=raw), engine=None)  # type: ignore[arg-type]


def test_a_token_within_the_maximum_lifetime_verifies(settings: Settings, tmp_path: Path) -> None:
    strict = Authenticator(oidc_settings(settings, tmp_path, oidc_max_token_lifetime_seconds=600))
    assert strict.authenticate(token(exp_in=600), engine=None).role is Role.auditor  # type: ignore[arg-type]
    with pytest.raises(AuthFailed):
        strict.authenticate(token(exp_in=601), engine=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", [None, "superuser", ["SafeStepsAuditors", "SafeStepsAdmins"], 7])
def test_no_single_role_is_refused(verifier: Authenticator, role: object) -> None:
    with pytest.raises(NoRole):
        verifier.authenticate(token(role=role), engine=None)  # type: ignore[arg-type]


def test_oidc_off_refuses_tokens(settings: Settings) -> None:
    with pytest.raises(AuthFailed):
        Authenticator(settings).authenticate(token(), engine=None)  # type: ignore[arg-type]


def test_over_http_roles_and_statuses(settings: Settings, tmp_path: Path) -> None:
    with TestClient(create_app(oidc_settings(settings, tmp_path))) as client:

        def get(tok: str) -> int:
            status: int = client.get("/v1/rulesets", headers={"Authorization": f"Bearer {tok}"}).status_code
            return status

        assert get(token(role="auditor")) == 200
        assert get(token(role="admin")) == 403  # admin manages keys, not rule sets
        assert get(token(role="nobody")) == 403
        assert get(token(aud="other")) == 401
        assert get(hmac_token()) == 401


class _Jwks(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        body = json.dumps(oidc_keys.jwks()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def jwks_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Jwks.hits = 0
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/jwks"
    finally:
        server.shutdown()
        server.server_close()


def test_jwks_url_is_fetched_once_and_cached(settings: Settings, tmp_path: Path, jwks_url: str) -> None:
    auth = Authenticator(oidc_settings(settings, tmp_path, oidc_jwks_file=None, oidc_jwks_url=jwks_url))
    for alg in ("RS256", "ES256", "RS256"):
        assert auth.authenticate(token(alg), engine=None).role is Role.auditor  # type: ignore[arg-type]
    assert _Jwks.hits == 1
    with pytest.raises(AuthFailed):
        auth.authenticate(hmac_token(), engine=None)  # type: ignore[arg-type]


def test_unreachable_jwks_url_is_unavailable_not_a_crash(settings: Settings, tmp_path: Path) -> None:
    auth = Authenticator(
        oidc_settings(
            settings,
            tmp_path,
            oidc_jwks_file=None,
            oidc_jwks_url="http://127.0.0.1:9/jwks",
            oidc_jwks_timeout_seconds=0.5,
        )
    )
    with pytest.raises(KeysUnavailable):
        auth.authenticate(token(), engine=None)  # type: ignore[arg-type]


def test_verified_tokens_are_cached_briefly_and_never_past_their_expiry(
    settings: Settings, tmp_path: Path
) -> None:
    ticks = [1000.0]
    auth = Authenticator(oidc_settings(settings, tmp_path, auth_cache_seconds=5.0), clock=lambda: ticks[0])
    assert auth.oidc is not None
    calls = []
    original = auth.oidc.verify_with_expiry

    def counting(token_: str) -> tuple[object, float]:
        calls.append(token_)
        return original(token_)

    auth.oidc.verify_with_expiry = counting  # type: ignore[method-assign,assignment]
    long_lived, short_lived = token(exp_in=300), token(exp_in=2)
    for _ in range(3):
        auth.authenticate(long_lived, engine=None)  # type: ignore[arg-type]
        auth.authenticate(short_lived, engine=None)  # type: ignore[arg-type]
    assert calls == [long_lived, short_lived]
    ticks[0] += 3  # past the short token's expiry, within the cache time
    auth.authenticate(long_lived, engine=None)  # type: ignore[arg-type]
    auth.authenticate(short_lived, engine=None)  # type: ignore[arg-type]
    assert calls == [long_lived, short_lived, short_lived]  # the short one is checked again
    ticks[0] += 3
    auth.authenticate(long_lived, engine=None)  # type: ignore[arg-type]
    assert calls[-1] == long_lived  # and the long one after the cache time
