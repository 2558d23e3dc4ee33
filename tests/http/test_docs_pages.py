"""/docs and /redoc without a browser: the assets they name are the app's own (under the proxy's
prefix when there is one), and the policy that keeps the browser on the app is on each page.
(``tests/ops/test_docs_browser.py`` renders them in Chromium where it is installed.)"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.http.docs import ASSETS_PATH, CONTENT_SECURITY_POLICY
from app.main import create_app
from app.settings import Settings


@pytest.mark.parametrize(
    ("page", "assets"),
    [
        ("/docs", ["swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"]),
        ("/redoc", ["redoc.standalone.js", "favicon.png"]),
    ],
)
@pytest.mark.parametrize("root", ["", "/safesteps"])
def test_a_docs_page_loads_only_the_apps_own_assets(
    settings: Settings, page: str, assets: list[str], root: str
) -> None:
    with TestClient(create_app(settings), root_path=root) as client:
        response = client.get(page)
        assert response.status_code == 200
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["cache-control"] == "no-cache"
        for asset in assets:
            assert f"{root}{ASSETS_PATH}/{asset}" in response.text
            assert client.get(f"{root}{ASSETS_PATH}/{asset}").status_code == 200
        assert f"{root}/openapi.json" in response.text
        assert "cdn." not in response.text
