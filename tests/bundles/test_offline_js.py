"""End to end, where Node.js is installed: an MDT downloads a signed bundle, evaluates offline with
the reference JavaScript evaluator, and later submits the checklist with that decision; the server
reports agreement. (The whole kit runs under Node.js in .ci/run: clients/offline-js/run-kit.sh.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.auth import Credentials
from tests.submissions import submission, url

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "offline-js"
REF = "WMP-20261122-0042"
SCRIPT = """
import { readFileSync } from 'node:fs';
import { loadBundle, trustedKeys } from './src/index.js';
const [bundle, keys, checklist, hook] = process.argv.slice(1);
const b = loadBundle(readFileSync(bundle), trustedKeys(JSON.parse(readFileSync(keys, 'utf8'))));
const decision = b.evaluate(JSON.parse(readFileSync(checklist, 'utf8')), { hook, normalize: true });
process.stdout.write(JSON.stringify(decision));
"""

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (CLIENT / "node_modules").is_dir(),
    reason="needs Node.js and `npm ci` in clients/offline-js (clients/offline-js/run-kit.sh)",
)


def offline(tmp_path: Path, bundle: bytes, keys: object, checklist: object, hook: str) -> dict[str, object]:
    (tmp_path / "bundle.json").write_bytes(bundle)
    (tmp_path / "keys.json").write_text(json.dumps(keys), "utf-8")
    (tmp_path / "checklist.json").write_text(json.dumps(checklist), "utf-8")
    files = [str(tmp_path / n) for n in ("bundle.json", "keys.json", "checklist.json")]
    done = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT, *files, hook],
        cwd=CLIENT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    decision: dict[str, object] = json.loads(done.stdout)
    return decision


def test_offline_decision_from_the_js_evaluator_agrees_on_submission(
    client: TestClient, creds: Credentials, tmp_path: Path
) -> None:
    mdt = creds.headers("mdt")
    keys = client.get("/v1/bundle-keys").json()
    bundle = client.get("/v1/bundles/concern-for-a-child/1.1.0", headers=mdt)
    body = submission(REF)
    decision = offline(tmp_path, bundle.content, keys, body["checklist"], body["hook"])
    assert str(decision["engine_version"]).startswith("safesteps-offline-js/")
    response = client.post(url(REF), json={**body, "device_decision": decision}, headers=mdt)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["device_decision"]["agreed"] is True, result["device_decision"]
    assert result["evaluation"]["outcomes"] == decision["outcomes"]
    assert result["blocking"] == decision["blocking"]
