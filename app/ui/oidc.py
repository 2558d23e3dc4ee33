"""Sign-in with the force's identity provider: OpenID Connect authorization code flow with PKCE.

The protocol pieces (S256 code challenge, the authorization request, parsing the redirect) come from
Authlib; the provider's configuration and the token request go over httpx with a timeout. The access
token returned is then verified by the API's own ``Authenticator`` (signature against the JWKS,
``iss`` and ``aud`` allow-lists, expiry, role claim and map, force claim), so a person signed in to
the web interface has exactly the role and force binding the API would give that token.

State, PKCE verifier and nonce live in a short-lived HttpOnly cookie signed with the server pepper
(itsdangerous), bound to this browser; nothing is stored server-side until sign-in succeeds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import parse_authorization_code_response, prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.settings import Settings

FLOW_COOKIE = "ss_ui_oidc"
FLOW_SECONDS = 600


class OidcError(Exception):
    """The sign-in could not be completed; the message is safe to show."""


@dataclass
class Flow:
    url: str  # where to send the browser
    cookie: str  # the signed flow state for FLOW_COOKIE


class OidcClient:
    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None) -> None:
        if not (settings.ui_oidc_discovery_url and settings.ui_oidc_client_id):
            raise ValueError("OIDC sign-in needs ui_oidc_discovery_url and ui_oidc_client_id")
        self.discovery_url = settings.ui_oidc_discovery_url
        self.client_id = settings.ui_oidc_client_id
        secret = settings.ui_oidc_client_secret
        self.client_secret = secret.get_secret_value() if secret else None
        self.scopes = settings.ui_oidc_scopes
        self.http = httpx.Client(timeout=settings.oidc_jwks_timeout_seconds, transport=transport)
        self.signer = URLSafeTimedSerializer(settings.key_pepper.get_secret_value(), salt="safesteps-ui-oidc")
        self._metadata: tuple[float, dict[str, Any]] | None = None

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None or time.monotonic() - self._metadata[0] > 300:
            try:
                response = self.http.get(self.discovery_url)
                response.raise_for_status()
                data: dict[str, Any] = response.json()
            except (httpx.HTTPError, ValueError) as exc:
                raise OidcError("The identity provider cannot be reached; try again.") from exc
            self._metadata = (time.monotonic(), data)
        return self._metadata[1]

    def start(self, redirect_uri: str, next_path: str) -> Flow:
        state, verifier, nonce = generate_token(32), generate_token(64), generate_token(32)
        url = prepare_grant_uri(
            self.metadata()["authorization_endpoint"],
            self.client_id,
            "code",
            redirect_uri=redirect_uri,
            scope=self.scopes,
            state=state,
            nonce=nonce,
            code_challenge=create_s256_code_challenge(verifier),
            code_challenge_method="S256",
        )
        cookie = self.signer.dumps({"state": state, "verifier": verifier, "nonce": nonce, "next": next_path})
        return Flow(url=url, cookie=cookie)

    def finish(self, callback_url: str, cookie: str | None, redirect_uri: str) -> tuple[str, str]:
        """The access token for the code in ``callback_url``, and where to go next."""
        if not cookie:
            raise OidcError("The sign-in took too long or was started in another browser; start again.")
        try:
            flow = self.signer.loads(cookie, max_age=FLOW_SECONDS)
        except BadSignature:
            raise OidcError(
                "The sign-in took too long or was started in another browser; start again."
            ) from None
        try:
            params = parse_authorization_code_response(callback_url, state=flow["state"])
        except Exception as exc:  # authlib raises its own errors for a missing code or a wrong state
            raise OidcError("The identity provider's answer does not match this sign-in.") from exc
        data = {
            "grant_type": "authorization_code",
            "code": params["code"],
            "redirect_uri": redirect_uri,
            "client_id": self.client_id,
            "code_verifier": flow["verifier"],
        }
        # A confidential client authenticates with client_secret_basic; a public one sends its id only.
        auth = httpx.BasicAuth(self.client_id, self.client_secret) if self.client_secret else httpx.Auth()
        try:
            response = self.http.post(self.metadata()["token_endpoint"], data=data, auth=auth)
            response.raise_for_status()
            token = response.json()["access_token"]
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            raise OidcError("The identity provider did not issue a token.") from exc
        return str(token), str(flow["next"])
