"""Shared fixtures: the real app behind an httpx-based client, and checklist builders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.rules.registry import RulesetRegistry
from app.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def registry() -> RulesetRegistry:
    return RulesetRegistry.load()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'test.db'}")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
