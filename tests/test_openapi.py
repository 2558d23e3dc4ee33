"""The committed OpenAPI document is exactly what the app serves: `make openapi` after API changes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _export_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("export_openapi", ROOT / "scripts" / "export_openapi.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_openapi_document_matches_the_app() -> None:
    script = _export_script()
    committed = script.TARGET.read_text("utf-8")
    assert committed == script.render(), (
        "openapi/openapi.json is out of date with the app: run `make openapi` and commit the result"
    )


def test_operation_ids_are_the_handler_names() -> None:
    import json

    document = json.loads(_export_script().render())
    ids = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    assert "evaluate" in ids
