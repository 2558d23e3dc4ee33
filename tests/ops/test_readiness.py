"""/readyz is honest: the database must answer and be at the schema head. When the database goes away
under a running app, readiness and API calls answer 503 with Retry-After (never a bare 500), the log
names the component, and both recover when it is back."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.engine import make_url

from app import __version__
from app.db import alembic_config, build_engine
from app.main import create_app
from app.schema_state import head_revisions
from app.settings import Settings
from tests import database
from tests.auth import TEST_LIMITS, credentials_for
from tests.submissions import submission, url
from tests.tcp_proxy import TcpProxy


def test_ready_names_the_version_and_the_schema_revision(anonymous_client: TestClient) -> None:
    response = anonymous_client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["version"] == __version__
    assert body["schema_revision"] == ", ".join(head_revisions())
    assert anonymous_client.get("/healthz").json() == {"status": "ok", "version": __version__}


@pytest.mark.parametrize("revision", [None, "0101"], ids=["empty", "behind"])
def test_a_database_behind_the_release_is_not_ready(
    tmp_path: Path, revision: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    db_url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = build_engine(db_url)
    if revision is not None:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    engine.dispose()
    settings = Settings(environment="test", database_url=db_url, auto_migrate=False, replay_worker=False)
    with TestClient(create_app(settings)) as client, caplog.at_level(logging.WARNING):
        response = client.get("/readyz")
        assert client.get("/healthz").status_code == 200  # alive all the same: no restart loop
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    body = response.json()
    assert body["error"] == "not_ready"
    assert body["detail"] == {"component": "schema"}
    assert "run `safesteps migrate`" in body["message"]
    assert any(getattr(r, "fields", {}).get("component") == "schema" for r in caplog.records)


@pytest.fixture
def proxied_pg(pg_database: database.TestDatabase) -> Iterator[tuple[TcpProxy, str]]:
    """The run's PostgreSQL schema, reached through a proxy the test can cut."""
    target = make_url(pg_database.fresh_url())
    proxy = TcpProxy((target.host or "127.0.0.1", target.port or 5432))
    proxy.start()
    try:
        yield proxy, target.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    finally:
        proxy.stop()


def until(condition: Callable[[], Response], expected: int, timeout: float = 20) -> Response:
    """The first response with status ``expected``, polling for at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        response = condition()
        if response.status_code == expected or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


@pytest.mark.postgres
def test_database_outage_gives_503_with_retry_after_then_recovers(
    proxied_pg: tuple[TcpProxy, str], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, db_url = proxied_pg
    settings = Settings(
        environment="test",
        database_url=db_url,
        auto_migrate=False,
        replay_worker=False,
        auth_cache_seconds=0,  # every request authenticates against the database
        **TEST_LIMITS,
    )
    with TestClient(create_app(settings)) as client:
        headers = credentials_for(client.app).headers("control_room")  # type: ignore[arg-type]

        def submit(n: int) -> Response:
            ref = f"WMP-OUTAGE-{n}"
            response: Response = client.post(url(ref), json=submission(ref), headers=headers)
            return response

        assert client.get("/readyz").status_code == 200
        assert submit(1).status_code == 201

        proxy.stop()  # the database goes away under the running app
        with caplog.at_level(logging.WARNING):
            ready = client.get("/readyz")
            api = submit(2)
            listing = client.get("/v1/incidents", headers=headers)
        assert ready.status_code == 503
        assert ready.headers["Retry-After"] == "5"
        assert ready.json()["detail"] == {"component": "database"}
        for response in (api, listing):
            assert response.status_code == 503, response.text
            assert response.headers["Retry-After"] == "5"
            assert response.json()["error"] == "database_unavailable"
        components = {getattr(r, "fields", {}).get("component") for r in caplog.records}
        assert "database" in components
        assert "Traceback" not in caplog.text

        proxy.start()  # back, on the same address
        assert until(lambda: client.get("/readyz"), 200).status_code == 200
        assert until(lambda: submit(3), 201).status_code == 201
        assert client.get("/v1/incidents/WMP-OUTAGE-2", headers=headers).status_code == 404  # never stored
        assert client.get("/v1/incidents/WMP-OUTAGE-3", headers=headers).status_code == 200
