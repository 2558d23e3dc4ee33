"""The command line's first-day rough edges: --version, `hooks`, `evaluate --exit-code`, one-line
errors without pydantic's header or links, --format json on `replay` and `keys list` (with the
created time), and `replay --out` saying when the file holds only the flagged results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from app import __version__
from app.cli import BLOCKING_EXIT, app
from app.rules import vocabulary
from app.rules.engine import ENGINE_VERSION
from app.settings import get_settings

runner = CliRunner()
CHECKLIST = {
    "incident": {"reference": "WMP-CLI-1", "force": "WMP", "type": "domestic_abuse"},
    "children": [{"id": "C1", "identified": True, "seen": False}],
}


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SAFESTEPS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_version_prints_the_release_and_the_engine() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"safesteps {__version__} ({ENGINE_VERSION})\n"


def test_hooks_lists_every_workflow_moment_with_its_rules() -> None:
    result = runner.invoke(app, ["hooks", "--format", "json"])
    assert result.exit_code == 0
    catalogue = json.loads(result.stdout)
    assert [hook["id"] for hook in catalogue["hooks"]] == list(vocabulary.hooks())
    depart = next(hook for hook in catalogue["hooks"] if hook["id"] == "scene.depart")
    assert depart["blocking"] is True
    assert "CFC-SEE-EVERY-CHILD" in {rule["rule_id"] for rule in depart["rules"]}
    table = runner.invoke(app, ["hooks"])
    assert "scene.depart" in table.output


@pytest.mark.parametrize(("hook", "code"), [("scene.depart", BLOCKING_EXIT), ("scene.arrival", 0)])
def test_evaluate_exit_code_says_blocking_when_asked(tmp_path: Path, hook: str, code: int) -> None:
    path = tmp_path / "checklist.json"
    path.write_text(json.dumps(CHECKLIST), "utf-8")
    assert runner.invoke(app, ["evaluate", str(path), "--hook", hook]).exit_code == 0
    assert runner.invoke(app, ["evaluate", str(path), "--hook", hook, "--exit-code"]).exit_code == code


def test_an_invalid_checklist_is_one_plain_line_without_its_content(tmp_path: Path) -> None:
    bad = {**CHECKLIST, "children": [{"id": "C1", "seen": "perhaps", "full_name": "Ada Example"}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), "utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    message = result.output.strip()
    assert "\n" not in message
    assert "checklist.children.0.seen: Input should be a valid boolean" in message
    assert "validation error for" not in message
    assert "errors.pydantic.dev" not in message
    assert "Ada Example" not in message
    assert "perhaps" not in message


def test_keys_list_in_json_with_the_created_and_last_used_times(database: Path) -> None:
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    assert (
        runner.invoke(app, ["keys", "create", "--name", "WMP CAD", "--role", "control_room"]).exit_code == 0
    )
    listed = runner.invoke(app, ["keys", "list", "--format", "json"])
    assert listed.exit_code == 0
    (key,) = json.loads(listed.stdout)
    assert key["name"] == "WMP CAD"
    assert key["created_at"]
    assert key["last_used_at"] is None  # never used yet
    assert "created" in runner.invoke(app, ["keys", "list"]).output


def test_replay_json_and_what_the_out_file_holds(database: Path) -> None:
    assert runner.invoke(app, ["demo", "seed", "--incidents", "40"]).exit_code == 0
    flagged_file = database / "flagged.jsonl"
    result = runner.invoke(
        app,
        ["replay", "--ruleset", "concern-for-a-child@1.1.0", "--format", "json", "--out", str(flagged_file)],
    )
    assert result.exit_code == 0, result.output
    job = json.loads(result.stdout)
    assert job["status"] == "succeeded"
    assert job["results"] == "flagged"
    lines = flagged_file.read_bytes().splitlines()
    assert len(lines) == job["flagged"]
    assert f"only the {job['flagged']} changed incidents" in result.stderr
    assert "--all-results" in result.stderr

    every_file = database / "all.jsonl"
    everything = runner.invoke(
        app, ["replay", "--ruleset", "concern-for-a-child@1.1.0", "--all-results", "--out", str(every_file)]
    )
    assert everything.exit_code == 0
    assert len(every_file.read_bytes().splitlines()) == job["processed"]
    assert "every result" in everything.output
    assert all(isinstance(orjson.loads(line), dict) for line in lines)
