"""The auditors' workspace in a real browser: headless Chromium (Debian's) driven by Playwright.

One walk through the workspace as an auditor would: sign in, read the overview and its trend,
drill down from a number to an incident and a decision's citations, start a replay and watch it
finish, download its CSV, print the inspection report. Screenshots (and the report as PDF) go to
``artefacts/ui/`` (gitignored). Every request the browser makes must go to the app itself.

Needs ``/usr/bin/chromium`` (``apt-get install chromium``) and the ``playwright`` package (in the
dev extras); without them the test skips and says so. ``.ci/run`` installs Chromium when missing.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn

from app.auth.roles import Role
from app.db import build_engine, session_scope
from app.main import create_app
from app.models.base import utcnow
from app.rules.registry import RulesetRegistry
from app.services import apikeys, demo
from app.settings import Settings
from tests import database
from tests.auth import TEST_LIMITS
from tests.live import free_port

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts" / "ui"
# As on this machine's probe: no background networking (the network is closed), no sandbox as root.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW = (
    "needs Chromium and Playwright: `apt-get install chromium` (Debian's package, /usr/bin/chromium) and "
    "`.venv/bin/pip install -e '.[dev]'`; then `.venv/bin/python -m pytest tests/ui/test_browser.py`"
)

try:
    from playwright.sync_api import Page, expect, sync_playwright

    PLAYWRIGHT = True
except ImportError:  # pragma: no cover - depends on the machine
    PLAYWRIGHT = False

pytestmark = pytest.mark.skipif(not PLAYWRIGHT or not CHROMIUM.exists(), reason=HOW)


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, sqlite_database: database.TestDatabase
) -> Iterator[dict[str, Any]]:
    """The app on a seeded database, served by uvicorn on 127.0.0.1 for the length of the module."""
    settings = Settings(
        environment="test",
        database_url=sqlite_database.fresh_url(),
        auto_migrate=False,
        replay_poll_seconds=0.2,
        **TEST_LIMITS,
    )
    engine = build_engine(settings.database_url, pool_size=2)
    demo.seed(engine, RulesetRegistry.load(), 1600, until=datetime(2026, 11, 30, tzinfo=UTC), days=365)
    with session_scope(engine=engine) as session:
        _, key = apikeys.create_key(
            session,
            name="Browser auditor",
            role=Role.auditor,
            force=None,
            expires_at=None,
            created_by="tests",
            pepper=settings.key_pepper.get_secret_value(),
            now=utcnow(),
        )
    engine.dispose()
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield {"base": f"http://127.0.0.1:{port}", "key": key}
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser_page(server: dict[str, Any]) -> Iterator[tuple[Page, list[str]]]:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.on("request", lambda request: requested.append(request.url))
        try:
            yield page, requested
        finally:
            context.close()
            browser.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def rates(page: Page, table: str) -> list[float]:
    """The percentages of a chart's data table, in period order."""
    cells = page.locator(f"#{table} tbody td.rate").all_text_contents()
    return [float(c.rstrip("%")) for c in cells if c.strip().rstrip("%").replace(".", "").isdigit()]


def test_an_auditor_works_through_the_workspace(
    browser_page: tuple[Page, list[str]], server: dict[str, Any]
) -> None:
    page, requested = browser_page
    base = server["base"]

    # Sign in: the overview redirects to the sign-in page and back.
    page.goto(f"{base}/ui/")
    expect(page).to_have_url(f"{base}/ui/sign-in?next=%2Fui%2F")
    shot(page, "01-sign-in")
    page.get_by_label("Key", exact=True).fill(server["key"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview: all forces")

    # The overview of the improving force, by month: its blocking rate falls after the training date.
    page.get_by_label("Force", exact=True).select_option("NORTHSHIRE")
    page.get_by_label("From", exact=True).fill("2025-12-01")
    page.get_by_label("To", exact=True).fill("2026-11-30")
    page.get_by_label("Period", exact=True).select_option("month")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview: NORTHSHIRE")
    expect(page.locator("svg#blocking path.line")).to_have_count(1)
    expect(page.locator("svg#trend path.line")).to_have_count(4)
    monthly = rates(page, "blocking-table")
    assert len(monthly) >= 10
    early, late = sum(monthly[:4]) / 4, sum(monthly[-3:]) / 3
    assert late < early - 10, f"NORTHSHIRE should improve: {monthly}"
    shot(page, "02-overview-northshire")

    # Drill down from the most missed step's bar to the incidents behind it, then one incident.
    page.locator("svg#missed a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions behind the number")
    shot(page, "03-decisions-behind")
    first = page.locator("table tbody tr").first
    decision = first.locator("td a").first.inner_text()  # this decision has the step missing
    first.locator("th a").click()
    expect(page.get_by_role("heading", name="Revision history")).to_be_visible()
    shot(page, "04-incident")
    page.get_by_role("link", name=decision, exact=True).click()
    expect(page.get_by_role("heading", name="Tamper evidence")).to_be_visible()
    expect(page.get_by_text("✓ Verifies").first).to_be_visible()
    assert page.locator(".finding").count() > 0
    assert page.locator(".citations li").count() >= page.locator(".finding").count()
    for link in page.locator("a.citation").all():  # citations with a source link open the source
        assert (link.get_attribute("href") or "").startswith("https://")
    shot(page, "05-decision-citations")

    # A replay of NORTHSHIRE as recorded: it runs, the page follows it, every decision reproduces.
    page.get_by_role("link", name="Replays").click()
    page.get_by_label("As recorded").check()
    page.locator("#r-force").select_option("NORTHSHIRE")
    page.get_by_role("button", name="Start the replay").click()
    expect(page.locator("#job-status")).to_have_text("Succeeded", timeout=60_000)
    expect(page.get_by_text("failed;")).to_be_visible()
    shot(page, "06-replay-finished")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    target = ARTEFACTS / "replay.csv"
    download.save_as(str(target))
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"))))
    assert rows[0][0] == "seq"

    # The inspection report prints: PDF with the stages.
    page.get_by_role("link", name="Inspection report").click()
    page.get_by_label("Force", exact=True).fill("NORTHSHIRE")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="1. Initial contact")).to_be_visible()
    expect(page.get_by_text("the decision log verifies")).to_be_visible()
    shot(page, "07-report")
    page.emulate_media(media="print")
    page.pdf(path=str(ARTEFACTS / "report.pdf"), format="A4", print_background=True)
    assert (ARTEFACTS / "report.pdf").stat().st_size > 10_000
    page.emulate_media(media="screen")

    # Keyboard: the skip link is the first stop and takes focus to the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()

    # Sign out: the workspace asks for a sign-in again.
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{base}/ui/sign-in")
    page.goto(f"{base}/ui/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    own = urlsplit(base).netloc
    foreign = sorted({u for u in requested if urlsplit(u).netloc != own})
    assert not foreign, f"the browser fetched from other hosts: {foreign}"
