"""The `safesteps` command line, run in-process through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.settings import get_settings
from tests.rules.helpers import RULESET_ID, checklist, document, rule
from tests.rules.semantics2 import NOT_RECORDED_TEXT, due_rule

runner = CliRunner(env={"COLUMNS": "220"})


def write_checklist(tmp_path: Path) -> Path:
    path = tmp_path / "checklist.json"
    data = checklist(children=[{"id": "C1", "identified": False}], adults=[])
    data["incident"]["attended_at"] = "2026-12-01T08:00:00Z"  # 1.2.0: identification is due once attended
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_evaluate_prints_a_table_of_findings(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(write_checklist(tmp_path)), "--hook", "scene.depart"])
    assert result.exit_code == 0, result.output
    assert "BLOCKING" in result.output
    assert "CFC-IDENTIFY-ALL-CHILDREN" in result.output


def test_evaluate_json_is_a_decision(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["evaluate", str(write_checklist(tmp_path)), "--hook", "scene.depart", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    decision = json.loads(result.stdout)
    assert decision["outcomes"]["CFC-IDENTIFY-ALL-CHILDREN"] == "missing"


def test_evaluate_reports_invalid_input_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"incident": {"reference": "X"}}), "utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert "not a valid request" in result.output
    assert "Traceback" not in result.output


def test_evaluate_rejects_unknown_hook(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(write_checklist(tmp_path)), "--hook", "nope"])
    assert result.exit_code == 1
    assert "hook: not a hook of the rule sets" in result.output


def test_rules_check_passes_on_builtin_rulesets() -> None:
    result = runner.invoke(app, ["rules", "check"])
    assert result.exit_code == 0, result.output
    assert "concern-for-a-child" in result.output


def test_rules_check_fails_with_file_and_rule(tmp_path: Path) -> None:
    path = tmp_path / "test-set" / "1.0.0.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(document(rule("CFC-SEE-EVERY-CHILD", met_if="all(children, "))), "utf-8")
    result = runner.invoke(app, ["rules", "check", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "rule CFC-SEE-EVERY-CHILD: met_if" in result.output
    assert "1 of 1 rule-set files have errors" in result.output


def test_evaluate_shows_the_basis_of_missing_steps_under_semantics_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "rulesets"
    path = root / RULESET_ID / "1.0.0.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(document(due_rule(), id=RULESET_ID, semantics=2, status="draft")), "utf-8")
    monkeypatch.setenv("SAFESTEPS_RULESETS_DIR", str(root))
    get_settings.cache_clear()
    try:
        checklist_file = tmp_path / "checklist.json"
        checklist_file.write_text(json.dumps(checklist(children=[{"id": "C1"}])), "utf-8")
        args = [
            "evaluate",
            str(checklist_file),
            "--ruleset",
            f"{RULESET_ID}@1.0.0",
            "--as-of",
            "2026-12-01T12:00:00Z",
        ]
        departing = runner.invoke(app, [*args, "--hook", "scene.depart"])
        arriving = runner.invoke(app, [*args, "--hook", "scene.arrival"])
    finally:
        get_settings.cache_clear()
    assert departing.exit_code == 0, departing.output
    assert "basis" in departing.output
    assert "not_recorded" in departing.output
    assert NOT_RECORDED_TEXT in departing.output
    assert "BLOCKING" in departing.output
    assert arriving.exit_code == 0, arriving.output
    assert "unknown" in arriving.output
    assert "not_recorded" not in arriving.output


def test_evaluate_has_no_basis_column_for_semantics_1(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(write_checklist(tmp_path)),
            "--hook",
            "scene.depart",
            "--ruleset",
            "concern-for-a-child@1.1.0",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "BLOCKING" in result.output  # 1.1.0 has findings to show, with no basis column
    assert "basis" not in result.output
