"""The Dockerfile passes hadolint and keeps the rules of a production image.

There is no Docker engine where the suite runs, so the image is never built here: these tests hold
the file to what it must keep, and check that its documented `docker run` passes the production
settings guard."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    logical: list[str] = []
    pending = ""
    for line in DOCKERFILE.read_text("utf-8").splitlines():
        if line.lstrip().startswith("#") or not line.strip():
            continue
        pending += line.rstrip().removesuffix("\\") + " "
        if not line.rstrip().endswith("\\"):
            logical.append(pending.strip())
            pending = ""
    return [(entry.split(None, 1)[0].upper(), entry.split(None, 1)[1]) for entry in logical]


def stages() -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for name, args in instructions():
        if name == "FROM":
            current = result.setdefault(args.split(" AS ")[-1].strip(), [])
        current.append((name, args))
    return result


def runtime_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for name, args in stages()["runtime"]:
        if name == "ENV":
            for token in shlex.split(args):
                key, _, value = token.partition("=")
                env[key] = value
    return env


def test_hadolint_finds_nothing_at_any_level() -> None:
    result = subprocess.run(
        [str(HADOLINT), "--no-color", "--failure-threshold", "style", "--format", "json", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    findings = json.loads(result.stdout or "[]")
    assert findings == [], "\n".join(f"line {f['line']}: {f['code']} {f['message']}" for f in findings)
    assert result.returncode == 0


def test_base_image_is_pinned_by_digest_and_both_stages_use_it() -> None:
    image = next(args for name, args in instructions() if name == "ARG" and args.startswith("PYTHON_IMAGE="))
    assert re.fullmatch(r"PYTHON_IMAGE=python:3\.11\.\d+-slim-\w+@sha256:[0-9a-f]{64}", image)
    froms = [args for name, args in instructions() if name == "FROM"]
    assert froms == ["${PYTHON_IMAGE} AS builder", "${PYTHON_IMAGE} AS runtime"]


def test_builder_installs_the_locked_set_with_hashes_and_builds_a_wheel() -> None:
    runs = " ".join(args for name, args in stages()["builder"] if name == "RUN")
    assert "uv export --frozen" in runs
    assert "--extra" not in runs  # no development extras
    assert "[dev]" not in runs
    assert "--require-hashes" in runs
    assert "uv build --wheel" in runs


def test_runtime_stage_is_the_virtualenv_a_numeric_user_and_a_volume() -> None:
    runtime = stages()["runtime"]
    copies = [args for name, args in runtime if name == "COPY"]
    assert copies == ["--from=builder /opt/safesteps /opt/safesteps"]  # no source tree, no uv
    user = [args for name, args in runtime if name == "USER"]
    assert len(user) == 1
    assert re.fullmatch(r"[1-9]\d*:[1-9]\d*", user[0])
    assert [args for name, args in runtime if name == "VOLUME"] == ['["/var/lib/safesteps"]']
    env = runtime_env()
    assert env["SAFESTEPS_ENVIRONMENT"] == "production"
    assert env["SAFESTEPS_DATABASE_URL"] == "sqlite:////var/lib/safesteps/safesteps.db"


def test_everything_the_builder_copies_is_in_the_build_context() -> None:
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    for name, args in stages()["builder"]:
        if name == "COPY":
            for source in args.split()[:-1]:
                assert (ROOT / source).exists(), source
                assert source not in ignored, f"{source} is excluded by .dockerignore"


def test_the_builder_copies_every_file_the_wheel_build_reads() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    copied = {source for name, args in stages()["builder"] if name == "COPY" for source in args.split()[:-1]}
    needed = {project["readme"], *project["license-files"], "pyproject.toml", "app", "migrations"}
    assert needed <= copied, f"not copied into the builder: {needed - copied}"


def documented_run_env() -> dict[str, str]:
    """The `-e` values of the `docker run` line in the Dockerfile's header, evaluated by a shell."""
    header = DOCKERFILE.read_text("utf-8").split("\nARG ", 1)[0]
    lines = [line.removeprefix("#").strip() for line in header.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("docker run"))
    command = ""
    for line in lines[start:]:
        command += line.removesuffix("\\") + " "
        if not line.endswith("\\"):
            break
    # A shell evaluates the line's words (the pepper's `$(...)`), a function prints each `-e` value.
    emit = 'emit() { while [ $# -gt 0 ]; do [ "$1" = -e ] && printf "%s\\0" "$2"; shift; done; }'
    script = f"set -eu; {emit}; emit {command.removeprefix('docker run')}"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True, timeout=30)
    out = result.stdout
    return dict(item.split("=", 1) for item in out.split("\0") if item)


def settings_from(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    for key in list(os.environ):
        if key.startswith("SAFESTEPS_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)


def test_documented_docker_run_passes_the_production_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    passed = documented_run_env()
    assert set(passed) == {"SAFESTEPS_KEY_PEPPER", "SAFESTEPS_HISTORY_SECRET"}
    settings = settings_from({**runtime_env(), **passed}, monkeypatch)
    assert settings.environment == "production"
    assert len(settings.key_pepper.get_secret_value()) >= 32
    assert settings.history_secret.get_secret_value() != settings.key_pepper.get_secret_value()


def test_the_image_alone_refuses_to_start_without_a_pepper(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError, match="SAFESTEPS_KEY_PEPPER"):
        settings_from(runtime_env(), monkeypatch)
