"""Shared fixtures: the real app behind an httpx-based client, databases built by the migrations."""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.db import build_engine
from app.main import create_app
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry
from app.settings import Settings
from tests import database
from tests.auth import TEST_LIMITS, Credentials, credentials_for

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


def _contents(root: Path) -> str:
    """A digest of every file under ``root``, by path and bytes: what a registry is loaded from."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(f"{path.relative_to(root)}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session", autouse=True)
def _compile_rulesets_once() -> Iterator[None]:
    """Each app a test builds loads and compiles every rule-set version (most of ``create_app``'s
    time, over a second under coverage). A registry is immutable once built, so in this process
    one is reused for as long as the files under its root are byte for byte the same; a test that
    changes a rule-set file (or the lock) gets a fresh load, and its errors, as the service would."""
    load = RulesetRegistry.load.__func__  # type: ignore[attr-defined]
    loaded: dict[tuple[Path, str], RulesetRegistry] = {}

    def reuse(cls: type[RulesetRegistry], root: Path = BUILTIN_RULESETS) -> RulesetRegistry:
        key = (Path(root).resolve(), _contents(Path(root)))
        if key not in loaded:
            loaded[key] = load(cls, root)
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RulesetRegistry, "load", classmethod(reuse))
        yield


class _NoFullCollections:
    """``gc`` as ``app.heap`` sees it in tests. In production it collects everything and freezes it
    once at start-up (a p99 measure: see ``app.heap``); a test process starts hundreds of apps over
    a heap of every test module, and each full collection of that heap cost a quarter of a second
    or more. The interpreter's own generational collection runs as usual, at its own thresholds."""

    get_threshold = staticmethod(gc.get_threshold)

    @staticmethod
    def set_threshold(*thresholds: int) -> None:
        return None

    @staticmethod
    def collect() -> int:
        return 0

    @staticmethod
    def freeze() -> None:
        return None

    @staticmethod
    def unfreeze() -> None:
        return None


@pytest.fixture(scope="session", autouse=True)
def _no_full_collection_per_app() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.heap.gc", _NoFullCollections)
        yield


@pytest.fixture(scope="session")
def registry() -> RulesetRegistry:
    return RulesetRegistry.load()


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> database.TestDatabase:
    return database.create("sqlite", tmp_path_factory.mktemp("sqlite"))


@pytest.fixture(scope="session")
def pg_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[database.TestDatabase]:
    """The run's PostgreSQL schema; tests that need PostgreSQL itself skip without one."""
    if database.pg_url() is None:
        pytest.skip(f"needs PostgreSQL: set {database.PG_ENV}")
    db = database.create("postgresql", tmp_path_factory.mktemp("pg"))
    try:
        yield db
    finally:
        db.close()


@pytest.fixture(scope="session", params=database.backends())
def test_database(
    request: pytest.FixtureRequest, sqlite_database: database.TestDatabase
) -> database.TestDatabase:
    """Every backend under test: SQLite, plus PostgreSQL when SAFESTEPS_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        return sqlite_database
    pg: database.TestDatabase = request.getfixturevalue("pg_database")
    return pg


def _settings_on(db: database.TestDatabase) -> Settings:
    """Test settings on a fresh copy of ``db``, already migrated (so no migration at start-up)."""
    return Settings(environment="test", database_url=db.fresh_url(), auto_migrate=False, **TEST_LIMITS)


@pytest.fixture
def settings(sqlite_database: database.TestDatabase) -> Settings:
    """Settings for stateless tests: a fresh migrated SQLite database."""
    return _settings_on(sqlite_database)


@pytest.fixture
def anonymous_client(settings: Settings) -> Iterator[TestClient]:
    """The app with no credential: for public routes and authentication tests."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def creds(anonymous_client: TestClient) -> Credentials:
    """API keys per role in the test app's database: ``creds.headers("auditor")``."""
    return credentials_for(anonymous_client.app)  # type: ignore[arg-type]


@pytest.fixture
def client(anonymous_client: TestClient, creds: Credentials) -> TestClient:
    """The app as an unbound control-room system (the main API user); other roles via ``creds``."""
    anonymous_client.headers.update(creds.headers("control_room"))
    return anonymous_client


@pytest.fixture
def db_settings(test_database: database.TestDatabase) -> Settings:
    """Settings on a fresh, migrated database of each backend under test."""
    return _settings_on(test_database)


@pytest.fixture
def db_anonymous_client(db_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(db_settings)) as test_client:
        yield test_client


@pytest.fixture
def db_creds(db_anonymous_client: TestClient) -> Credentials:
    return credentials_for(db_anonymous_client.app)  # type: ignore[arg-type]


@pytest.fixture
def db_client(db_anonymous_client: TestClient, db_creds: Credentials) -> TestClient:
    """Each backend's app as an unbound control-room system; other roles via ``db_creds``."""
    db_anonymous_client.headers.update(db_creds.headers("control_room"))
    return db_anonymous_client


@pytest.fixture
def pg_settings(pg_database: database.TestDatabase) -> Settings:
    return _settings_on(pg_database)


@pytest.fixture
def pg_client(pg_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(pg_settings)) as test_client:
        test_client.headers.update(credentials_for(test_client.app).headers("control_room"))  # type: ignore[arg-type]
        yield test_client


@pytest.fixture
def pg_engine(pg_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(pg_settings.database_url, pool_size=2)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def db_engine(db_settings: Settings) -> Iterator[Engine]:
    """A second engine on the test's database, for looking behind the API's back."""
    engine = build_engine(db_settings.database_url, pool_size=2)
    try:
        yield engine
    finally:
        engine.dispose()
