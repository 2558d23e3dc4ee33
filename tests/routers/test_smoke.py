from fastapi.testclient import TestClient


def test_readyz_reports_loaded_rulesets(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["rulesets"] == 2  # concern-for-a-child 1.0.0 and 1.1.0
