"""Service settings, read from ``SAFESTEPS_*`` environment variables (or a ``.env`` file)."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.rules.registry import BUILTIN_RULESETS

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Known only so that production can refuse it. Anything derived from it is worthless.
DEVELOPMENT_PEPPER = "development-only-pepper-do-not-use-in-production"
DEVELOPMENT_HISTORY_SECRET = "development-only-history-secret-do-not-use-in-production"
MIN_SECRET_LENGTH = 32
ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
ROLES = ("control_room", "mdt", "auditor", "rules_admin", "admin")


MIN_SECRET_BITS = 96


def weak_secret(secret: str) -> bool:
    """Too little randomness to be a secret: whitespace, a repeated pattern, or under
    ``MIN_SECRET_BITS`` by the characters' own frequencies (32 spaces: 0 bits;
    ``secrets.token_hex(16)``: about 120)."""
    if not secret.strip() or any(c.isspace() for c in secret):
        return True
    if secret in (secret + secret)[1:-1]:  # a shorter pattern repeated ("password" * 6)
        return True
    counts = Counter(secret)
    bits = -sum(n * math.log2(n / len(secret)) for n in counts.values())
    return bits < MIN_SECRET_BITS


class InsecureSettings(ValueError):
    """Production settings that must not be used; the service refuses to start."""


class Settings(BaseSettings):
    # hide_input_in_errors: a refused setting must never print the secrets next to it.
    model_config = SettingsConfigDict(
        env_prefix="SAFESTEPS_", env_file=".env", extra="ignore", hide_input_in_errors=True
    )

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'safesteps.db'}",
        description="SQLAlchemy URL; SQLite file by default, PostgreSQL in production.",
    )
    auto_migrate: bool = Field(
        default=True,
        description="Create and migrate the database on startup (`alembic upgrade head`).",
    )
    busy_timeout_ms: int = Field(
        default=5000, ge=0, description="SQLite: how long a writer waits for the write lock."
    )
    startup_timeout_seconds: float = Field(
        default=300.0,
        gt=0,
        description="SQLite: how long a starting process waits for another one that is migrating.",
    )
    db_pool_size: int = Field(default=10, ge=1, description="Connections kept per process.")
    group_commit_wait_ms: float = Field(
        default=2.0,
        ge=0,
        le=50,
        description="Submissions under concurrency: how long the group writer waits for more to share "
        "a commit (a lone submission never waits).",
    )
    threadpool_size: int | None = Field(
        default=None, ge=1, description="Worker threads for sync handlers (default: AnyIO's 40)."
    )
    rulesets_dir: Path = Field(default=BUILTIN_RULESETS, description="Root of the rule-set files.")
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="Largest request body accepted.")
    max_header_bytes: int = Field(
        default=16_384,
        ge=1024,
        description="Largest request headers (431 beyond; 400 for a head sent slower).",
    )
    max_headers: int = Field(default=64, ge=8, description="Most request headers accepted (431 beyond).")
    client_timeout_seconds: float = Field(
        default=15.0, gt=0, description="A request must arrive whole within this (`safesteps serve`)."
    )
    replay_worker: bool = Field(default=True, description="Run the replay-job worker thread.")
    replay_poll_seconds: float = Field(default=1.0, gt=0, description="Idle worker poll interval.")
    replay_stale_seconds: float = Field(
        default=60.0, gt=0, description="A running job silent this long is resumed by another worker."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    api_docs: Literal["public", "off"] = Field(
        "public", description="`off`: no /docs, /redoc or /openapi.json (the document ships in openapi/)."
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses or networks of the reverse proxies whose X-Forwarded-For "
        "is believed (e.g. `10.0.0.5,10.1.0.0/16`); empty: the connection's own address is the client's.",
    )

    # Credentials
    key_pepper: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_PEPPER),
        description="Server secret mixed into API-key hashes (HMAC-SHA256). Required in production; "
        f"at least {MIN_SECRET_LENGTH} characters. Changing it invalidates every API key.",
    )
    auth_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        description="How long a verified API key is trusted without a database lookup; a "
        "revocation takes effect in other processes within this time.",
    )

    # OIDC bearer tokens (off unless a JWKS source is set)
    oidc_jwks_file: Path | None = Field(None, description="JWKS document on disk.")
    oidc_jwks_url: str | None = Field(None, description="JWKS URL (https in production).")
    oidc_jwks_cache_seconds: int = Field(300, ge=0, description="How long fetched keys are cached.")
    oidc_jwks_timeout_seconds: float = Field(3.0, gt=0, le=30)
    oidc_issuers: list[str] = Field(default_factory=list, description="Accepted `iss` values.")
    oidc_audiences: list[str] = Field(default_factory=list, description="Accepted `aud` values.")
    oidc_algorithms: list[str] = Field(
        default_factory=lambda: ["RS256", "ES256", "EdDSA"],
        description="Accepted signature algorithms; asymmetric only (`none` and HS* refused).",
    )
    oidc_role_claim: str = Field("safesteps_role", description="Claim naming the caller's role.")
    oidc_role_map: dict[str, str] = Field(
        default_factory=dict,
        description="Identity-provider role -> SafeSteps role. When set, it is the only way to a role; "
        "when empty, SafeSteps role names stand for themselves.",
    )
    oidc_max_token_lifetime_seconds: int = Field(
        3600, ge=60, le=86_400, description="Tokens valid for longer than this (exp - iat) are refused."
    )
    oidc_force_claim: str = Field("force", description="Claim binding the caller to a force.")
    oidc_leeway_seconds: int = Field(30, ge=0, le=300, description="Clock skew allowed on `exp`.")

    # The auditors' web interface (/ui)
    ui_session_minutes: int = Field(
        480, ge=5, le=24 * 60, description="How long a sign-in to the web interface lasts (a shift)."
    )
    ui_oidc_discovery_url: str | None = Field(
        None,
        description="OpenID Provider configuration URL (`.../.well-known/openid-configuration`): turns "
        "on sign-in with the force's identity provider (authorization code with PKCE).",
    )
    ui_oidc_client_id: str | None = Field(None, description="The web interface's client id at the provider.")
    ui_oidc_client_secret: SecretStr | None = Field(None, description="Its secret (confidential client).")
    ui_oidc_scopes: str = Field("openid profile", description="Scopes asked for at sign-in.")
    ui_keys_sign_in: bool = Field(
        True, description="Allow signing in to the web interface with an API key (local and demo use)."
    )

    # Limits
    rate_limit_per_second: float = Field(20.0, gt=0, description="Sustained requests a second per client.")
    rate_limit_burst: int = Field(60, ge=1, description="Requests a client may send at once.")
    auth_failure_rate_per_second: float = Field(
        2.0, gt=0, description="Sustained failed authentications a second per address."
    )
    auth_failure_burst: int = Field(30, ge=1, description="Failed authentications allowed at once.")
    rate_limit_storage_url: str = Field(
        "memory://",
        pattern=r"^(memory|redis|rediss|redis\+unix|redis\+sentinel|redis\+cluster)://",
        description="Where rate-limit counts live: `memory://` (one process) or a shared "
        "`redis://host:6379/<db>` (every worker and replica on one budget per client).",
    )

    # Metrics (Prometheus)
    metrics_access: Literal["open", "token", "off"] = Field(
        "open",
        description="Who may read `/metrics` on the API port: anyone (`open`: for a port only the "
        "cluster reaches), a scraper presenting `SAFESTEPS_METRICS_TOKEN` as a bearer token "
        "(`token`), or nobody (`off`: 404).",
    )
    metrics_token: SecretStr | None = Field(
        None,
        description=f"The scraper's bearer token for metrics_access `token` ({MIN_SECRET_LENGTH}+ chars).",
    )
    metrics_port: int | None = Field(
        None,
        ge=1,
        le=65535,
        description="Serve `/metrics` on this port of its own (`safesteps serve`), for every worker, "
        "instead of on the API port.",
    )

    # Tracing (OpenTelemetry)
    tracing: bool = Field(
        False,
        description="Trace HTTP requests with OpenTelemetry; exporter, endpoint, service name and "
        "sampler come from the standard OTEL_* variables.",
    )

    # Offline rule bundles (issue 16)
    bundle_signing_key: SecretStr | None = Field(
        None,
        description="Ed25519 private key signing rule bundles and their manifests: base64 of the "
        "32-byte seed, or a PKCS#8 PEM (`safesteps bundle keygen` makes one). Without it, "
        "development and test sign with a key made at start-up; production serves no bundles.",
    )
    bundle_previous_public_keys: list[str] = Field(
        default_factory=list,
        description="Base64 Ed25519 public keys of retired bundle-signing keys, still published at "
        "`/v1/bundle-keys` so that devices holding bundles signed with them can verify them.",
    )

    # Retention
    retention_days: int = Field(
        2555, ge=1, description="Days after which personal content of checklists is erased."
    )
    retention_batch_size: int = Field(
        500,
        ge=1,
        le=100_000,
        description="Decision records erased per transaction (the write lock "
        "is held for one batch at a time).",
    )

    # Person history (issue 15; app.services.history, docs/history.md)
    history_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_HISTORY_SECRET),
        description="Secret of the person pseudonyms (HMAC-SHA256 of a normalised person reference, or "
        "name and date of birth, with the force). Required in production; at least "
        f"{MIN_SECRET_LENGTH} characters, not the key pepper. A new secret unlinks every earlier "
        "incident unless the old one is listed in history_previous_secrets.",
    )
    history_previous_secrets: list[SecretStr] = Field(
        default_factory=list,
        description="Retired history secrets (a JSON array), newest first: lookups also match the "
        "pseudonyms made under them, so history still links after a rotation. Drop one once its "
        "rows are past history_retention_days.",
    )
    history_shared_forces: str = Field(
        "",
        pattern=r"^[A-Za-z0-9_,;\s-]*$",
        description="Groups of forces whose person histories link with each other (e.g. "
        "`WMP,WAR;NTH,LEI`); by default none do: a force sees its own incidents only.",
    )
    history_retention_days: int = Field(
        3653,
        ge=1,
        description="Days a person-history row (pseudonym and flags) is kept, from its decision: 10 "
        "years by default (our own choice, after the 10-year review period of MoPI group 2 records).",
    )

    # Signed checkpoints of the audit chains (app.services.checkpoint)
    checkpoint_signing_key: SecretStr | None = Field(
        None,
        description="Ed25519 private key signing checkpoints: base64 of the 32-byte seed or PEM "
        "(`safesteps audit keygen`). Keep it outside the database's reach.",
    )
    checkpoint_public_key: str | None = Field(
        None, description="Ed25519 public key that checkpoints are checked with (base64 or PEM)."
    )
    checkpoint_dir: Path | None = Field(None, description="Where periodic checkpoints are written.")
    checkpoint_interval_seconds: float = Field(
        0, ge=0, description="Write a checkpoint into checkpoint_dir this often (0: never)."
    )

    @property
    def trusted_proxy_list(self) -> list[str]:
        return [part.strip() for part in self.trusted_proxies.split(",") if part.strip()]

    @property
    def history_sharing(self) -> dict[str, tuple[str, ...]]:
        """Force -> every force its history links with (itself included, sorted)."""
        groups: dict[str, set[str]] = {}
        for part in self.history_shared_forces.split(";"):
            forces = {code.strip().upper() for code in part.split(",") if code.strip()}
            for force in forces:
                groups.setdefault(force, {force}).update(forces)
        return {force: tuple(sorted(group)) for force, group in groups.items()}

    @property
    def oidc_enabled(self) -> bool:
        return self.oidc_jwks_file is not None or self.oidc_jwks_url is not None

    @model_validator(mode="after")
    def _guard(self) -> Self:
        bad = sorted(set(self.oidc_algorithms) - ASYMMETRIC_ALGORITHMS)
        if bad:
            raise InsecureSettings(f"oidc_algorithms may list asymmetric algorithms only, not {bad}")
        unknown = sorted(set(self.oidc_role_map.values()) - set(ROLES))
        if unknown:
            raise ValueError(f"oidc_role_map maps to unknown roles {unknown}; roles are {ROLES}")
        if self.oidc_enabled and not (self.oidc_issuers and self.oidc_audiences):
            raise InsecureSettings("OIDC needs oidc_issuers and oidc_audiences allow-lists")
        if self.checkpoint_interval_seconds and (
            self.checkpoint_dir is None or not self.checkpoint_signing_key
        ):
            raise ValueError("periodic checkpoints need checkpoint_dir and checkpoint_signing_key")
        if self.metrics_access == "token":
            token = self.metrics_token.get_secret_value() if self.metrics_token else ""
            if len(token) < MIN_SECRET_LENGTH:
                raise InsecureSettings(
                    "metrics_access=token needs SAFESTEPS_METRICS_TOKEN of at least "
                    f"{MIN_SECRET_LENGTH} characters"
                )
        if self.environment == "production":
            self._production_guard()
        return self

    def _production_guard(self) -> None:
        pepper = self.key_pepper.get_secret_value()
        if pepper == DEVELOPMENT_PEPPER or len(pepper) < MIN_SECRET_LENGTH or weak_secret(pepper):
            raise InsecureSettings(
                "production needs SAFESTEPS_KEY_PEPPER: a random secret of at least "
                f"{MIN_SECRET_LENGTH} characters and {MIN_SECRET_BITS} bits, without spaces "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        history = self.history_secret.get_secret_value()
        if (
            history == DEVELOPMENT_HISTORY_SECRET
            or len(history) < MIN_SECRET_LENGTH
            or weak_secret(history)
            or history == pepper
        ):
            raise InsecureSettings(
                "production needs SAFESTEPS_HISTORY_SECRET: a random secret of at least "
                f"{MIN_SECRET_LENGTH} characters and {MIN_SECRET_BITS} bits, without spaces, other than "
                "the key pepper (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)"
            )
        previous = [secret.get_secret_value() for secret in self.history_previous_secrets]
        if DEVELOPMENT_HISTORY_SECRET in previous or history in previous:
            raise InsecureSettings(
                "SAFESTEPS_HISTORY_PREVIOUS_SECRETS may not list the development secret or the current one"
            )
        if self.oidc_jwks_url is not None and not self.oidc_jwks_url.startswith("https://"):
            raise InsecureSettings("production fetches the OIDC JWKS over https only")


@lru_cache
def get_settings() -> Settings:
    return Settings()
