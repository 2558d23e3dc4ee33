"""Golden results: what the engine decided for concern-for-a-child 1.0.0 and 1.1.0, frozen.

Published versions replay byte for byte, so every change to the engine must leave their decisions
exactly as they were. The fixtures in ``tests/fixtures/golden/`` were generated from the engine
*before* the due-moment (semantics 2) work, and hold, per version:

- the inputs: every case of ``<version>.cases`` and a few hundred synthetic checklists
  (``app.services.synthetic``, seed below), each as the canonical JSON a decision record stores,
  with its schema version and ``as_of`` (the case's, or the checklist's latest time);
- for each input and each evaluation moment (every hook of the vocabulary, and ``None`` = every
  rule), the first 16 hex digits of the SHA-256 of the canonical result JSON (``canonical_json`` of
  the decision's dump, as ``decision_record.result`` stores it).

The inputs are stored, not regenerated, so a change to the synthetic generator (owned elsewhere)
cannot move the goalposts. ``tests/rules/test_golden.py`` re-evaluates every input at every moment,
both as stored facts (replay's path) and as a validated checklist (the live path), and compares.

Regenerate only to add inputs, never to accept a changed result:
``.venv/bin/python -m tests.rules.golden --write`` (refuses to overwrite unless ``--force``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.rules import vocabulary, yamlio
from app.rules.canonical import canonical_json, sha256_hex
from app.rules.checklist import Checklist
from app.rules.compiler import CompiledRuleset
from app.rules.decision import Decision
from app.rules.engine import Facts, RulesetRef, decide
from app.rules.registry import BUILTIN_RULESETS, RulesetRegistry, ruleset_files
from app.rules.testing import CaseFile, cases_dir
from app.services.synthetic import incidents

FIXTURES = Path(__file__).parent.parent / "fixtures" / "golden"
RULESET = "concern-for-a-child"
VERSIONS = ("1.0.0", "1.1.0")
SYNTHETIC_COUNT = 300
SYNTHETIC_SEED = 20261201
DIGEST_HEX = 16  # 64 bits per result: a changed byte anywhere changes it


def moments() -> list[str | None]:
    """Every evaluation moment: all rules (``None``), then each hook of the vocabulary."""
    return [None, *vocabulary.hooks()]


def digest(result: bytes) -> str:
    return sha256_hex(result)[:DIGEST_HEX]


@dataclass(frozen=True, slots=True)
class GoldenInput:
    name: str
    input: str  # canonical JSON of the checklist, as a decision record stores it
    schema_version: int
    as_of: datetime | None

    def checklist(self) -> Checklist:
        return Checklist.model_validate_json(self.input)


@dataclass(frozen=True, slots=True)
class Golden:
    ruleset_id: str
    version: str
    hash: str
    engine_version: str
    moments: list[str | None]
    inputs: list[GoldenInput]
    results: dict[str, list[str]]  # input name -> digest per moment


def fixture_path(version: str) -> Path:
    return FIXTURES / f"{RULESET}-{version}.json.gz"


def load(version: str) -> Golden:
    data = json.loads(gzip.decompress(fixture_path(version).read_bytes()))
    return Golden(
        ruleset_id=data["ruleset_id"],
        version=data["version"],
        hash=data["hash"],
        engine_version=data["engine_version"],
        moments=data["moments"],
        inputs=[
            GoldenInput(
                i["name"],
                i["input"],
                i["schema_version"],
                datetime.fromisoformat(i["as_of"]) if i["as_of"] else None,
            )
            for i in data["inputs"]
        ],
        results=data["results"],
    )


def _inputs(version: str) -> Iterator[GoldenInput]:
    """The cases of the version (at their own as_of) and the synthetic checklists."""
    path = next(p for p in ruleset_files(BUILTIN_RULESETS) if p.parent.name == RULESET and p.stem == version)
    for file in sorted(cases_dir(path).glob("*.yaml")):
        for case in CaseFile.model_validate(yamlio.safe_load(file.read_text("utf-8"))).cases:
            checklist = Checklist.model_validate(case.checklist)
            yield GoldenInput(
                f"case:{file.stem}:{case.name}",
                canonical_json(checklist.model_dump(mode="json")).decode(),
                checklist.schema_version,
                case.as_of or checklist.latest_time(),
            )
    for item in incidents(SYNTHETIC_COUNT, seed=SYNTHETIC_SEED):
        checklist = Checklist.model_validate(item.checklist)
        yield GoldenInput(
            f"synthetic:{item.reference}:{item.scenario}:{item.practice}",
            canonical_json(checklist.model_dump(mode="json")).decode(),
            checklist.schema_version,
            item.as_of,
        )


def generate(version: str) -> dict[str, Any]:
    """The fixture for one version, from the engine as it is."""
    registry = RulesetRegistry.load()
    ruleset = registry.get(RULESET, version)
    inputs = list(_inputs(version))
    names = [i.name for i in inputs]
    if len(set(names)) != len(names):
        raise SystemExit(f"input names are not unique in {version}")
    results: dict[str, list[str]] = {}
    for item in inputs:
        results[item.name] = [digest(_result(registry, ruleset, item, moment)) for moment in moments()]
    return {
        "ruleset_id": RULESET,
        "version": version,
        "hash": ruleset.hash,
        "engine_version": decide_input(registry, ruleset, inputs[0], None, live=False).engine_version,
        "moments": moments(),
        "inputs": [
            {
                "name": i.name,
                "input": i.input,
                "schema_version": i.schema_version,
                "as_of": i.as_of.isoformat() if i.as_of else None,
            }
            for i in inputs
        ],
        "results": results,
    }


def decide_input(
    registry: RulesetRegistry, ruleset: CompiledRuleset, item: GoldenInput, moment: str | None, *, live: bool
) -> Decision:
    """The engine's decision on a golden input, through the one entry point: as stored facts
    (replay's path) or as a validated checklist (the live paths)."""
    facts = Facts.of(item.checklist()) if live else Facts.stored(item.input, item.schema_version)
    ref = RulesetRef(ruleset.document.id, ruleset.document.version)
    return decide(registry, facts, moment, as_of=item.as_of, ruleset=ref)


def _result(
    registry: RulesetRegistry, ruleset: CompiledRuleset, item: GoldenInput, moment: str | None
) -> bytes:
    decision = decide_input(registry, ruleset, item, moment, live=False)
    return canonical_json(decision.model_dump(mode="json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--force", action="store_true", help="overwrite existing fixtures")
    args = parser.parse_args()
    if not args.write:
        raise SystemExit("nothing to do: pass --write")
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for version in VERSIONS:
        path = fixture_path(version)
        if path.exists() and not args.force:
            raise SystemExit(f"{path} exists; golden results are not regenerated to accept a change")
        data = generate(version)
        path.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode(), mtime=0))
        sys.stdout.write(f"{path}: {len(data['inputs'])} inputs x {len(data['moments'])} moments\n")


if __name__ == "__main__":
    main()
