"""`safesteps migrate` brings a database to head and says what it did; `--check` changes nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from typer.testing import CliRunner

from app.cli import app
from app.db import alembic_config, build_engine
from app.schema_state import head_revisions, schema_state
from app.settings import get_settings

runner = CliRunner()


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'migrate.db'}"
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def revision_of(url: str) -> tuple[str, ...]:
    engine = build_engine(url)
    try:
        with engine.connect() as connection:
            return schema_state(connection).current
    finally:
        engine.dispose()


def test_migrate_upgrades_an_empty_database_and_says_from_what_to_what(url: str) -> None:
    (head,) = head_revisions()
    check = runner.invoke(app, ["migrate", "--check"])
    assert check.exit_code == 1
    assert "behind the latest schema, at an empty database; pending: 0001," in check.output
    assert revision_of(url) == ()  # --check changed nothing

    done = runner.invoke(app, ["migrate"])
    assert done.exit_code == 0, done.output
    assert f"upgraded from an empty database to revision {head}" in done.output
    assert revision_of(url) == (head,)

    again = runner.invoke(app, ["migrate"])
    assert again.exit_code == 0
    assert f"already at the latest schema (revision {head}); nothing to do" in again.output
    assert runner.invoke(app, ["migrate", "--check"]).exit_code == 0


def test_migrate_from_an_older_revision_lists_what_it_applied(url: str) -> None:
    engine = build_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0101")
    engine.dispose()
    done = runner.invoke(app, ["migrate"])
    assert done.exit_code == 0, done.output
    said = re.search(r"upgraded from revision 0101 to revision \S+ \((\d+) revisions: ([^)]*)\)", done.output)
    assert said is not None, done.output
    applied = said[2].split(", ")
    assert int(said[1]) == len(applied)
    assert applied[0] != "0101"
    assert applied[-1] == head_revisions()[0]


def test_the_password_never_appears(monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing listens on port 1: the command fails to connect, and its message must not leak.
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", "postgresql+psycopg://app:s3cret-pw@127.0.0.1:1/db")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["migrate", "--check"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code != 0
    assert "s3cret-pw" not in result.output
