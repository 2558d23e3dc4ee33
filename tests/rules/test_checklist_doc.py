"""docs/checklist.md is generated from the schema: it must be what the generator writes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_checklist_reference_is_current() -> None:
    spec = importlib.util.spec_from_file_location("checklist_doc", ROOT / "scripts" / "checklist_doc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    assert (ROOT / "docs" / "checklist.md").read_text("utf-8") == expected, (
        "docs/checklist.md is stale: run .venv/bin/python scripts/checklist_doc.py"
    )
    assert "| `missing_children` |" in expected
    assert "values `vehicle` (3)" in expected
