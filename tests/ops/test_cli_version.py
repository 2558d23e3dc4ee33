"""`safesteps --version` names the release and the engine."""

from __future__ import annotations

from typer.testing import CliRunner

from app import __version__
from app.cli import app
from app.rules.engine import ENGINE_VERSION


def test_version_prints_the_release_and_the_engine() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"safesteps {__version__} ({ENGINE_VERSION})\n"
