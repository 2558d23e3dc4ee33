from fastapi.testclient import TestClient

from app.rules.registry import BUILTIN_RULESETS, ruleset_files


def test_readyz_reports_loaded_rulesets(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    # every version file (concern-for-a-child 1.0.0, 1.1.0, the 1.2.0 draft...) is loaded
    assert response.json() == {"status": "ready", "rulesets": len(list(ruleset_files(BUILTIN_RULESETS)))}
