"""`safesteps demo seed` and `safesteps replay` against a throwaway SQLite database."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from app.cli import app
from app.db import build_engine
from app.models import DecisionRecord, Incident
from app.settings import get_settings
from tests import replay_support as rs

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = build_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


def safesteps(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_seed_then_replay_as_recorded_and_against_a_version(database: Engine, tmp_path: Path) -> None:
    code, output = safesteps("demo", "seed", "--incidents", "150")
    assert code == 0, output
    assert "Seeded 150 incidents" in output
    with database.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Incident)).scalar_one() == 150
        inputs = conn.execute(select(DecisionRecord.input)).scalars().all()
    assert {orjson.loads(i)["incident"]["force"] for i in inputs} <= {
        "NORTHSHIRE",
        "EASTVALE",
        "WESTMARCH",
        "SOUTHDALE",
    }
    assert safesteps("audit", "verify")[0] == 0

    report = tmp_path / "as-recorded.csv"
    code, output = safesteps("replay", "--as-recorded", "--all-results", "--out", str(report))
    assert code == 0, output
    assert "As-recorded replay" in output
    rows = list(csv.DictReader(report.read_text("utf-8").splitlines()))
    assert len(rows) == len(inputs) > 150  # incidents attended in person get a closure revision too
    assert {r["reproduced"] for r in rows} == {"true"}

    impact = tmp_path / "impact.jsonl"
    code, output = safesteps(
        "replay", "--ruleset", "concern-for-a-child@1.0.0", "--from", "2025-01-01", "--to", "2025-12-31",
        "--force", "EASTVALE", "--all-results", "--out", str(impact),
    )  # fmt: skip
    assert code == 0, output
    assert "Impact of concern-for-a-child@1.0.0" in output
    lines = [orjson.loads(line) for line in impact.read_bytes().splitlines()]
    assert lines
    assert all(line["incident_ref"].startswith("EAS-") for line in lines)


def test_replay_as_recorded_exits_non_zero_on_a_reproduction_failure(database: Engine) -> None:
    assert safesteps("demo", "seed", "--incidents", "40")[0] == 0
    rs.tamper_result(database, 3, score=12.5)
    code, output = safesteps("replay", "--as-recorded")
    assert code == 1
    assert "1 decision(s) did not reproduce" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "exactly one of --as-recorded or --ruleset"),
        (("--as-recorded", "--ruleset", "concern-for-a-child@1.0.0"), "exactly one"),
        (("--ruleset", "concern-for-a-child"), "ruleset.id and ruleset.version"),
        (("--as-recorded", "--out", "report.txt"), ".csv or .jsonl"),
        (("--ruleset", "concern-for-a-child@7.0.0"), "concern-for-a-child@7.0.0 not found"),
    ],
)
def test_bad_replay_arguments_fail_clearly(database: Engine, args: tuple[str, ...], message: str) -> None:
    code, output = safesteps("replay", *args)
    assert code == 1
    assert message in output
