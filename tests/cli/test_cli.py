"""The `safesteps` command line, run in-process through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from app.cli import app
from tests.rules.helpers import checklist, document, rule

runner = CliRunner(env={"COLUMNS": "220"})


def write_checklist(tmp_path: Path) -> Path:
    path = tmp_path / "checklist.json"
    data = checklist(children=[{"id": "C1", "identified": False}], adults=[])
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
    assert "unknown hook" in result.output


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
