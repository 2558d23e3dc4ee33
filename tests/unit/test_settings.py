from pathlib import Path

import pytest
from pydantic import ValidationError

from app.main import create_app
from app.settings import DEVELOPMENT_HISTORY_SECRET, DEVELOPMENT_PEPPER, Settings
from tests.live import free_port

STRONG = "q8Vd2-kLw9ZrT4nB7xYc1MfJ0sHeA6gUoP3iR5tN_bWzKyQmEvXj"  # as secrets.token_urlsafe makes
HISTORY = "Hs4mW9qTz2LxR7vKn3YcJd8PfGb6UaEo1NiQrXtZwVlB"


def production(**overrides: object) -> Settings:
    return Settings(environment="production", **{"history_secret": HISTORY, **overrides})  # type: ignore[arg-type]


def test_development_starts_with_the_default_pepper() -> None:
    assert Settings(environment="development").key_pepper.get_secret_value() == DEVELOPMENT_PEPPER


@pytest.mark.parametrize(
    "pepper",
    [None, DEVELOPMENT_PEPPER, "short-secret", " " * 32, "x" * 48, "password" * 6, STRONG[:20] + " " * 20],
)
def test_production_refuses_a_default_missing_or_short_pepper(
    pepper: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAFESTEPS_KEY_PEPPER", raising=False)
    overrides = {} if pepper is None else {"key_pepper": pepper}
    with pytest.raises(ValidationError, match="SAFESTEPS_KEY_PEPPER"):
        production(**overrides)


def test_production_refuses_to_start_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFESTEPS_ENVIRONMENT", "production")
    monkeypatch.delenv("SAFESTEPS_KEY_PEPPER", raising=False)
    with pytest.raises(ValidationError, match="SAFESTEPS_KEY_PEPPER"):
        create_app(Settings())


def test_production_accepts_a_strong_pepper() -> None:
    assert production(key_pepper=STRONG).environment == "production"


def test_production_refuses_plain_http_jwks() -> None:
    with pytest.raises(ValidationError, match="https"):
        production(
            key_pepper=STRONG,
            oidc_jwks_url="http://idp.example/jwks",
            oidc_issuers=["https://idp.example"],
            oidc_audiences=["safesteps"],
        )


@pytest.mark.parametrize("algorithm", ["HS256", "none"])
def test_symmetric_and_none_algorithms_refused_everywhere(algorithm: str) -> None:
    with pytest.raises(ValidationError, match="asymmetric"):
        Settings(oidc_algorithms=["RS256", algorithm])


def test_oidc_needs_issuer_and_audience_allow_lists(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="allow-lists"):
        Settings(oidc_jwks_file=tmp_path / "jwks.json", oidc_issuers=["https://idp.example"])


def test_role_map_must_name_safesteps_roles() -> None:
    with pytest.raises(ValidationError, match="unknown roles"):
        Settings(oidc_role_map={"Officer": "superuser"})


def test_a_refused_setting_never_shows_a_secret() -> None:
    secret = "zz-checkpoint-secret-zz"
    with pytest.raises(ValidationError) as caught:
        production(key_pepper=" " * 40, checkpoint_signing_key=secret, oidc_issuers=[secret])
    assert secret not in str(caught.value)
    assert " " * 40 not in str(caught.value)


def test_the_command_line_says_what_is_wrong_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    env = {"SAFESTEPS_ENVIRONMENT": "production", "SAFESTEPS_KEY_PEPPER": " " * 32, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "safesteps"), "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: settings: ")
    assert "SAFESTEPS_KEY_PEPPER" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("secret", [None, DEVELOPMENT_HISTORY_SECRET, "short-secret", "x" * 48, STRONG])
def test_production_refuses_a_default_missing_weak_or_reused_history_secret(
    secret: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAFESTEPS_HISTORY_SECRET", raising=False)
    overrides = {"key_pepper": STRONG} | ({} if secret is None else {"history_secret": secret})
    with pytest.raises(ValidationError, match="SAFESTEPS_HISTORY_SECRET"):
        Settings(environment="production", **overrides)  # type: ignore[arg-type]


def test_production_refuses_the_development_history_secret_as_a_previous_one() -> None:
    with pytest.raises(ValidationError, match="PREVIOUS_SECRETS"):
        production(key_pepper=STRONG, history_previous_secrets=[DEVELOPMENT_HISTORY_SECRET])


def test_history_sharing_groups() -> None:
    settings = Settings(history_shared_forces="WMP, war; NTH,LEI")
    assert settings.history_sharing == {
        "WMP": ("WAR", "WMP"),
        "WAR": ("WAR", "WMP"),
        "NTH": ("LEI", "NTH"),
        "LEI": ("LEI", "NTH"),
    }
    assert Settings().history_sharing == {}
