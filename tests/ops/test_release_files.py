"""LICENSE, CHANGELOG.md and the version agree with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def test_license_file_names_the_licence_pyproject_declares() -> None:
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    declared = re.search(r"^SPDX-License-Identifier: (\S+)$", text, re.M)
    assert declared is not None
    assert declared[1] == PROJECT["license"]


def test_one_version_in_pyproject_the_package_and_the_changelog() -> None:
    assert __version__ == PROJECT["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.M)
    assert re.search(r"^## \[Unreleased\]", changelog, re.M)
