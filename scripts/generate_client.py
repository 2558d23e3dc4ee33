"""Generate the Python client in clients/python from the committed OpenAPI document: `make client`.

openapi-python-client writes the whole project (package, pyproject.toml, README); the files listed
in HAND_WRITTEN (the retry helper) are ours and survive regeneration. ``drift()`` is what the suite
checks: the committed client is exactly what the generator makes from openapi/openapi.json."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "openapi" / "openapi.json"
CONFIG = ROOT / "clients" / "openapi-python-client.yaml"
TARGET = ROOT / "clients" / "python"
HAND_WRITTEN = frozenset({"safesteps_client/retry.py"})
CACHES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache"})
BIN = Path(sys.executable).parent
# The generator runs in an environment of its own (`uv tool run`): its dependencies (an older typer,
# among others) must not constrain the service's locked set. Its ruff post-hooks format the output:
# the same ruff as the lock's, so that regeneration is byte-for-byte stable.
GENERATOR = "openapi-python-client==0.29.1"
RUFF = "ruff==0.17.6"


def generate(into: Path) -> None:
    """The generator's output for the committed document, formatted by its ruff post-hooks."""
    subprocess.run(
        [
            str(BIN / "uv"),
            "tool",
            "run",
            "--from",
            GENERATOR,
            "--with",
            RUFF,
            "openapi-python-client",
            "generate",
            "--path",
            str(DOCUMENT),
            "--config",
            str(CONFIG),
            "--meta",
            "uv",
            "--output-path",
            str(into),
            "--overwrite",
            "--fail-on-warning",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def files(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not CACHES & set(p.parts) and str(p.relative_to(root)) not in HAND_WRITTEN
    }


def drift() -> list[str]:
    """Files that differ between the committed client and a fresh generation (empty: none)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "client"
        generate(fresh)
        committed, generated = files(TARGET), files(fresh)
        changed = [f for f in committed & generated if not filecmp.cmp(TARGET / f, fresh / f, shallow=False)]
        return sorted(
            changed
            + [f"{f} (missing)" for f in generated - committed]
            + [f"{f} (stale)" for f in committed - generated]
        )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "client"
        generate(fresh)
        for stale in files(TARGET) - files(fresh):
            (TARGET / stale).unlink()
        for name in files(fresh):
            (TARGET / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fresh / name, TARGET / name)
    print(f"wrote {TARGET.relative_to(ROOT)} from {DOCUMENT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
