"""The conformance kit round-trips, and the server's own engine passes every case of it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.commands.bundle import export_kit
from app.rules import corpus
from app.rules.checklist import Checklist
from app.rules.conformance import KIT_FORMAT, differences, expected_output
from app.rules.engine import EvaluationContext, Facts, evaluate
from app.rules.history import HistoryFacts
from app.rules.model import Status
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry
from app.rules.testing import cases_dir, load_cases
from app.services.bundles import BundleService, load_private_key, new_private_key_text, trusted_keys, verify

FAILURES = Path(__file__).resolve().parents[2] / "clients" / "offline-js" / "conformance-failures.json"


@pytest.fixture(scope="module")
def kit(registry: RulesetRegistry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("kit")
    service = BundleService(registry, load_private_key(new_private_key_text()))
    export_kit(service, BUILTIN_RULESETS, directory, registry.versions("concern-for-a-child"))
    return directory


def cases_of(kit: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = orjson.loads((kit / entry["cases"]).read_bytes())["cases"]
    return cases


def test_kit_is_plain_json_with_a_readme_and_verifiable_bundles(kit: Path, registry: RulesetRegistry) -> None:
    index = json.loads((kit / "index.json").read_text("utf-8"))
    assert index["format"] == KIT_FORMAT
    assert "How to evaluate a case" in (kit / "README.md").read_text("utf-8")
    keys = trusted_keys(json.loads((kit / "keys.json").read_text("utf-8"))["keys"])
    assert [(e["id"], e["version"]) for e in index["rulesets"]] == [
        ("concern-for-a-child", r.document.version) for r in registry.versions("concern-for-a-child")
    ]
    manifest = orjson.loads(verify((kit / "concern-for-a-child" / "manifest.json").read_bytes(), keys))
    assert [v["version"] for v in manifest["versions"]] == [
        e["version"] for e in index["rulesets"] if e["status"] == "published"
    ]
    for entry in index["rulesets"]:
        bundle = orjson.loads(verify((kit / entry["bundle"]).read_bytes(), keys))
        assert bundle["ruleset"]["hash"] == entry["hash"]
        cases = cases_of(kit, entry)
        assert len(cases) == entry["case_count"] > 50
        assert len({c["id"] for c in cases}) == len(cases)


def test_every_rule_set_test_case_is_in_the_kit(kit: Path, registry: RulesetRegistry) -> None:
    for ruleset in registry.versions("concern-for-a-child"):
        entry = {"cases": f"concern-for-a-child/{ruleset.document.version}/cases.json"}
        ids = {c["id"] for c in cases_of(kit, entry) if c["source"] == "ruleset-tests"}
        problems: list[Any] = []
        written = {
            f"ruleset-tests/{file.stem}/{case.name}"
            for file in cases_dir(Path(ruleset.source)).glob("*.yaml")
            for case in load_cases(file, ruleset, problems)
        }
        assert ids == written


def test_every_corpus_moment_and_twin_moments_are_in_the_kit(kit: Path, registry: RulesetRegistry) -> None:
    loaded, problems = corpus.load(corpus.corpus_dir(BUILTIN_RULESETS, "concern-for-a-child"))
    assert not problems
    twins = sum(len(c.case.moments_of(c.case.twin)) for c in loaded)
    minimal = sum(len(c.case.moments_of(c.case.minimal_twin)) for c in loaded)
    moments = sum(len(c.case.moments) for c in loaded) + twins + minimal
    assert moments > 50
    for ruleset in registry.versions("concern-for-a-child"):
        entry = {"cases": f"concern-for-a-child/{ruleset.document.version}/cases.json"}
        ids = [c["id"] for c in cases_of(kit, entry) if c["source"] == "corpus"]
        assert len(ids) == len(set(ids)) == moments
        assert sum("/twin/" in i for i in ids) == twins
        assert sum("/minimal-twin/" in i for i in ids) == minimal


def test_the_servers_engine_passes_the_kit(kit: Path, registry: RulesetRegistry) -> None:
    """Each case read back from disk, evaluated again: the same decision, and the author's asserted
    outcomes hold (so the kit's expectations are the rule-set tests', not just a recording)."""
    index = json.loads((kit / "index.json").read_text("utf-8"))
    checked = 0
    for entry in index["rulesets"]:
        ruleset = registry.get(entry["id"], entry["version"])
        for case in cases_of(kit, entry):
            checklist = Checklist.model_validate(case["checklist"])
            as_of = datetime.fromisoformat(case["as_of"]) if case["as_of"] else None
            given = case["context"].get("history")
            history = HistoryFacts.model_validate(given) if given is not None else None
            context = EvaluationContext(hook=case["hook"], as_of=as_of, history=history)
            assert context.facts() == case["context"]
            decision = evaluate(ruleset, Facts.of(checklist), context)
            assert expected_output(decision) == case["expected"], case["id"]
            assert differences(case["expected"], decision.model_dump(mode="json")) == []
            bases = {f["rule_id"]: f.get("basis") for f in case["expected"]["findings"]}
            for rule_id, asserted in (case.get("asserted") or {}).items():
                outcome, _, basis = asserted.partition("/")  # semantics 2: missing/not_recorded
                assert case["expected"]["outcomes"][rule_id] == outcome, (case["id"], rule_id)
                assert not basis or bases[rule_id] == basis, (case["id"], rule_id)
            checked += 1
    assert checked > 150


def test_differences_name_what_an_evaluator_got_wrong() -> None:
    expected = {"blocking": True, "score": 50.0, "outcomes": {"A": "met", "B": "missing"}}
    actual = {"blocking": False, "score": 50.0, "outcomes": {"A": "met", "B": "unknown", "C": "met"}}
    assert differences(expected, actual) == [
        "blocking: expected True, got False",
        "B: expected missing, got unknown",
        "C: expected None, got met",
    ]


def test_recorded_conformance_failures_block_publishing(registry: RulesetRegistry) -> None:
    """A version on which the reference evaluator disagrees with the server must not be published:
    devices would show officers a different answer from the server's."""
    recorded = json.loads(FAILURES.read_text("utf-8"))["failures"]
    published = {
        (r.document.id, r.document.version)
        for r in registry.versions("concern-for-a-child")
        if r.document.status is Status.published
    }
    blocked = sorted({(f["ruleset"], f["version"]) for f in recorded} & published)
    assert blocked == [], f"published versions with recorded conformance failures: {blocked}"


def test_cli_exports_the_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFESTEPS_BUNDLE_SIGNING_KEY", new_private_key_text())
    from app.settings import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            cli, ["conformance", "export", str(tmp_path), "--ruleset", "concern-for-a-child@1.1.0"]
        )
        assert result.exit_code == 0, result.output
        assert "concern-for-a-child@1.1.0" in result.output
        index = json.loads((tmp_path / "index.json").read_text("utf-8"))
        assert [e["version"] for e in index["rulesets"]] == ["1.1.0"]
        built = CliRunner().invoke(
            cli, ["bundle", "build", "concern-for-a-child", "1.0.0", "-o", str(tmp_path / "b.json")]
        )
        assert built.exit_code == 0, built.output
        assert "gzipped" in built.output
        verified = CliRunner().invoke(
            cli, ["bundle", "verify", str(tmp_path / "b.json"), "--keys", str(tmp_path / "keys.json")]
        )
        assert verified.exit_code == 0, verified.output
        tampered = (tmp_path / "b.json").read_bytes().replace(b"critical", b"low", 1)
        (tmp_path / "t.json").write_bytes(tampered)
        refused = CliRunner().invoke(
            cli, ["bundle", "verify", str(tmp_path / "t.json"), "--keys", str(tmp_path / "keys.json")]
        )
        assert refused.exit_code == 1
        assert "altered" in refused.output
    finally:
        get_settings.cache_clear()
