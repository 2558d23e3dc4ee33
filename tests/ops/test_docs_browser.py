"""/docs and /redoc render in a real browser with every operation listed, fetching nothing but the app.

Headless Chromium loads each page from a live server with every other host unresolvable, writes the
rendered DOM and a NetLog of every request it made; the page must list each operation of the served
OpenAPI document, and every request made for the page must go to the app's own origin.

Needs Chromium (`apt-get install chromium` on Debian; `.ci/run` installs it when missing)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live import LiveServer, live_server

BROWSER = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
needs_browser = pytest.mark.skipif(
    BROWSER is None,
    reason="needs a headless Chromium: `apt-get install chromium` (Debian), or run `.ci/run`, "
    "which installs it when missing",
)

# Chromium's own background traffic (updates, sync, field trials) stays off; it is not the page's.
QUIET = (
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-features=AutofillServerCommunication,Translate,OptimizationHints,MediaRouter",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("docs-server")) as running:
        yield running


def operation_ids(server: LiveServer) -> list[str]:
    with urllib.request.urlopen(f"{server.url}/openapi.json", timeout=10) as response:
        document = json.load(response)
    return [op["operationId"] for path in document["paths"].values() for op in path.values()]


def render(url: str, workdir: Path) -> tuple[str, list[str]]:
    """The page's DOM once its scripts have run, and the URLs requested on the page's behalf."""
    assert BROWSER is not None
    netlog = workdir / "netlog.json"
    command = [
        BROWSER,
        "--headless",
        "--disable-gpu",
        f"--user-data-dir={workdir / 'profile'}",
        # Nothing but the app resolves: a CDN, a font host or a validator would fail to load.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        f"--log-net-log={netlog}",
        "--virtual-time-budget=30000",
        *QUIET,
        *(["--no-sandbox"] if os.geteuid() == 0 else []),
        "--dump-dom",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """URLs of the requests a page started (its origin is their initiator, or it is the top frame)."""
    log = json.loads(netlog.read_text("utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params", {})
        if event["type"] != start_job or "url" not in params:
            continue
        initiator = params.get("initiator", "")
        if params.get("request_type") == "main frame" or initiator.startswith("http"):
            urls.append(params["url"])
    return urls


@needs_browser
@pytest.mark.parametrize(
    ("page", "anchor"),
    [
        ("/docs", 'id="operations-[^"]*-{operation}"'),  # Swagger UI: operations-<tag>-<operationId>
        ("/redoc", 'id="operation/{operation}"'),  # ReDoc: operation/<operationId>
    ],
)
def test_page_lists_every_operation_using_only_the_app(
    server: LiveServer, tmp_path: Path, page: str, anchor: str
) -> None:
    dom, requested = render(server.url + page, tmp_path)
    operations = operation_ids(server)
    assert len(operations) > 10
    unlisted = [op for op in operations if not re.search(anchor.format(operation=re.escape(op)), dom)]
    assert unlisted == [], f"{page} rendered without these operations: {unlisted}"
    assert "SafeSteps" in dom
    assert f"{server.url}/openapi.json" in requested  # the page's script ran and fetched the document
    elsewhere = [url for url in requested if not url.startswith(server.url + "/")]
    assert elsewhere == [], f"{page} requested URLs outside the app: {elsewhere}"


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_page_refers_to_nothing_outside_the_app_and_says_so_to_the_browser(
    server: LiveServer, page: str
) -> None:
    with urllib.request.urlopen(server.url + page, timeout=10) as response:
        html = response.read().decode("utf-8")
        policy = response.headers["Content-Security-Policy"]
    assert re.findall(r"""(?:src|href)=["']?(?:https?:)?//[^"' >]+""", html) == []
    assert "default-src 'self'" in policy  # and a browser refuses anything else the assets might try
