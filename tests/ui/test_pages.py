"""The workspace's pages over HTTP: sign-in, sessions, CSRF, force binding, access audit, and that
nothing on a page is fetched from another host."""

from __future__ import annotations

import base64
import hashlib
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from app.auth.roles import Principal, Role
from app.db import build_engine, session_scope
from app.main import create_app
from app.models.auth import AccessEvent
from app.models.base import utcnow
from app.rules.registry import RulesetRegistry
from app.services import apikeys, demo
from app.settings import Settings
from app.ui import security
from app.ui.oidc import FLOW_COOKIE, OidcClient
from tests.auth import TEST_LIMITS, Credentials, credentials_for
from tests.auth_tests import oidc_keys
from tests.ui.sessions import cookie, csrf_of, page_csrf, sign_in

UNTIL = datetime(2026, 11, 30, tzinfo=UTC)
WINDOW = "from_date=2025-12-01&to_date=2026-11-30"


@pytest.fixture(scope="module")
def seeded_url(tmp_path_factory: pytest.TempPathFactory, sqlite_database: object) -> str:
    url: str = sqlite_database.fresh_url()  # type: ignore[attr-defined]
    engine = build_engine(url, pool_size=1)
    demo.seed(engine, RulesetRegistry.load(), 400, until=UNTIL, days=365)
    engine.dispose()
    return url


@pytest.fixture
def app_client(seeded_url: str) -> Iterator[TestClient]:
    settings = Settings(environment="test", database_url=seeded_url, auto_migrate=False, **TEST_LIMITS)
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def creds(app_client: TestClient) -> Credentials:
    return credentials_for(app_client.app)  # type: ignore[arg-type]


@pytest.fixture
def auditor(app_client: TestClient, creds: Credentials) -> dict[str, str]:
    cookies = sign_in(app_client, creds.key("auditor"))
    assert cookies is not None
    return cookies


def get(client: TestClient, path: str, cookies: dict[str, str] | None) -> httpx.Response:
    response: httpx.Response = client.get(path, headers=cookie(cookies), follow_redirects=False)
    client.cookies.clear()
    return response


def events(engine: Engine) -> list[AccessEvent]:
    with session_scope(engine=engine) as session:
        return list(session.execute(select(AccessEvent).order_by(AccessEvent.id)).scalars())  # type: ignore[arg-type]


def test_pages_need_a_sign_in_and_come_back_after_it(app_client: TestClient, creds: Credentials) -> None:
    answer = get(app_client, "/ui/report?force=EASTVALE", None)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/ui/sign-in?next=%2Fui%2Freport%3Fforce%3DEASTVALE"
    page = app_client.get("/ui/sign-in?next=%2Fui%2Freport%3Fforce%3DEASTVALE")
    nonce = page.cookies[security.NONCE_COOKIE]
    signed = app_client.post(
        "/ui/sign-in",
        data={"key": creds.key("auditor"), "csrf": csrf_of(page.text), "next": "/ui/report?force=EASTVALE"},
        headers=cookie({security.NONCE_COOKIE: nonce}),
        follow_redirects=False,
    )
    assert signed.status_code == 303
    assert signed.headers["location"] == "/ui/report?force=EASTVALE"
    set_cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in set_cookie
    assert "SameSite=lax" in set_cookie
    assert "Path=/ui" in set_cookie
    assert "Secure" not in set_cookie  # tests run over http, like development


def test_a_wrong_key_or_a_missing_csrf_token_signs_nobody_in(
    app_client: TestClient, creds: Credentials
) -> None:
    page = app_client.get("/ui/sign-in")
    wrong = app_client.post(
        "/ui/sign-in", data={"key": "ss_0000000000000000_nope", "csrf": csrf_of(page.text)}
    )
    assert wrong.status_code == 401
    assert "not valid" in wrong.text
    assert security.SESSION_COOKIE not in wrong.cookies
    app_client.cookies.clear()
    forged = app_client.post("/ui/sign-in", data={"key": creds.key("auditor"), "csrf": "x" * 64})
    assert forged.status_code == 403
    assert security.SESSION_COOKIE not in forged.cookies


def test_next_never_leads_to_another_site(app_client: TestClient, creds: Credentials) -> None:
    for target in ("//evil.example/ui", "https://evil.example/", "/\\evil.example"):
        app_client.cookies.clear()
        page = app_client.get("/ui/sign-in")
        answer = app_client.post(
            "/ui/sign-in",
            data={"key": creds.key("auditor"), "csrf": csrf_of(page.text), "next": target},
            follow_redirects=False,
        )
        assert answer.headers["location"] == "/ui/"


def test_sign_out_ends_the_session_even_for_a_kept_cookie(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    assert get(app_client, "/ui/", auditor).status_code == 200
    csrf = page_csrf(app_client, auditor, "/ui/")
    forged = app_client.post("/ui/sign-out", data={"csrf": "0" * 64}, headers=cookie(auditor))
    assert forged.status_code == 403
    out = app_client.post(
        "/ui/sign-out", data={"csrf": csrf}, headers=cookie(auditor), follow_redirects=False
    )
    assert out.status_code == 303
    assert 'ss_ui=""' in out.headers["set-cookie"]
    assert get(app_client, "/ui/", auditor).status_code == 303  # the old cookie opens nothing


def test_a_revoked_key_ends_its_sessions(app_client: TestClient, creds: Credentials) -> None:
    key = creds.key("auditor", name="to revoke")
    cookies = sign_in(app_client, key)
    assert cookies is not None
    assert get(app_client, "/ui/", cookies).status_code == 200
    with session_scope(engine=app_client.app.state.engine) as session:  # type: ignore[attr-defined]
        apikeys.revoke_key(session, key.split("_")[1], now=utcnow())
    assert get(app_client, "/ui/", cookies).status_code == 303


def test_sessions_expire(app_client: TestClient) -> None:
    engine = app_client.app.state.engine  # type: ignore[attr-defined]
    settings = app_client.app.state.settings  # type: ignore[attr-defined]
    principal = oidc_principal()
    with session_scope(engine=engine) as session:
        token = security.open_session(session, settings, principal, now=utcnow() - timedelta(hours=9))
    with session_scope(engine=engine) as session:
        assert security.signed_in(session, token) is None
        assert security.signed_in(session, token, now=utcnow() - timedelta(hours=8, minutes=59)) == principal


def oidc_principal() -> Principal:
    return Principal(id="oidc:abcd1234:user-1", name="Test", role=Role.auditor, force=None, kind="oidc")


def test_forms_need_their_csrf_token_and_this_site_as_origin(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    token = page_csrf(app_client, auditor)
    body = {"mode": "as_recorded", "force": "EASTVALE"}
    assert app_client.post("/ui/replays", data=body, headers=cookie(auditor)).status_code == 403
    foreign = {**cookie(auditor), "Origin": "https://evil.example"}
    assert app_client.post("/ui/replays", data={**body, "csrf": token}, headers=foreign).status_code == 403
    started = app_client.post(
        "/ui/replays", data={**body, "csrf": token}, headers=cookie(auditor), follow_redirects=False
    )
    assert started.status_code == 303
    assert re.fullmatch(r"/ui/replays/[0-9a-f-]{36}", started.headers["location"])
    page = get(app_client, started.headers["location"], auditor)
    assert page.status_code == 200
    assert "EASTVALE" in page.text


def test_an_impact_replay_without_a_version_explains_itself(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    token = page_csrf(app_client, auditor)
    answer = app_client.post(
        "/ui/replays", data={"mode": "impact", "csrf": token}, headers=cookie(auditor), follow_redirects=False
    )
    assert answer.status_code == 422
    assert "could not be started" in answer.text
    assert "ruleset.version" in answer.text


def test_a_force_bound_auditor_sees_its_force_only(app_client: TestClient, creds: Credentials) -> None:
    bound = sign_in(app_client, creds.key("auditor", force="EASTVALE"))
    overview = get(app_client, f"/ui/?{WINDOW}", bound)
    assert overview.status_code == 200
    assert "Overview: EASTVALE" in overview.text
    assert "WESTMARCH" not in overview.text
    assert get(app_client, f"/ui/?force=WESTMARCH&{WINDOW}", bound).status_code == 403
    listing = get(app_client, f"/ui/decisions?blocking=true&{WINDOW}", bound).text
    refs = set(re.findall(r"/ui/incidents/([A-Z0-9-]+)", listing))
    assert refs
    assert all(ref.startswith("EAS-") for ref in refs)
    other = get(
        app_client, f"/ui/decisions?blocking=true&{WINDOW}", sign_in(app_client, creds.key("auditor"))
    )
    foreign_ref = next(
        r for r in re.findall(r"/ui/incidents/([A-Z0-9-]+)", other.text) if not r.startswith("EAS-")
    )
    assert get(app_client, f"/ui/incidents/{foreign_ref}", bound).status_code == 404


def test_pages_with_incident_data_are_in_the_access_audit(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    engine = app_client.app.state.engine  # type: ignore[attr-defined]
    before = len(events(engine))
    listing = get(app_client, f"/ui/decisions?status=missing&{WINDOW}", auditor).text
    ref = re.findall(r"/ui/incidents/([A-Z0-9-]+)", listing)[0]
    decision = re.findall(r"/ui/decisions/([0-9a-f-]{36})", listing)[0]
    for path in (
        f"/ui/?{WINDOW}",
        f"/ui/incidents/{ref}",
        f"/ui/decisions/{decision}",
        "/ui/report",
        "/ui/verify",
    ):
        assert get(app_client, path, auditor).status_code == 200, path
    seen = [(e.action, e.target, e.status, e.role) for e in events(engine)[before:]]
    assert seen == [
        ("ui.decisions", None, 200, "auditor"),
        ("ui.overview", None, 200, "auditor"),
        ("incident.read", ref, 200, "auditor"),
        ("decision.read", decision, 200, "auditor"),
        ("ui.report", None, 200, "auditor"),
        ("audit.verify", None, 200, "auditor"),
    ]


def test_a_role_without_the_permission_gets_a_page_saying_so(
    app_client: TestClient, creds: Credentials
) -> None:
    control_room = sign_in(app_client, creds.key("control_room"))
    answer = get(app_client, "/ui/", control_room)
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("text/html")
    assert "Not allowed" in answer.text


def test_the_decision_page_shows_findings_citations_and_chain_links(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    listing = get(app_client, f"/ui/decisions?status=missing&step=REF-CSC-REFERRAL&{WINDOW}", auditor).text
    decision = re.findall(r"/ui/decisions/([0-9a-f-]{36})", listing)[0]
    page = get(app_client, f"/ui/decisions/{decision}", auditor).text
    assert "REF-CSC-REFERRAL" in page
    assert "<strong>Action:</strong>" in page
    assert 'class="citation" rel="external noreferrer" href="https://' in page
    assert page.count("✓ Verifies") >= 2
    assert "concern-for-a-child@1." in page


def test_the_decision_page_shows_where_a_language_finding_points(
    app_client: TestClient, auditor: dict[str, str], creds: Credentials
) -> None:
    ref = "NORTHSHIRE-UI-LANG-1"
    body = {
        "hook": "narrative.lint",
        "device_time": "2026-06-02T09:05:00Z",
        "submitted_by": "MDT-0001 / PC-SYNTHETIC",
        "checklist": {
            "schema_version": 2,
            "incident": {"reference": ref, "force": "NORTHSHIRE", "type": "missing_person"},
            "children": [{"id": "C1", "age": 15}],
            "narratives": [
                {
                    "kind": "missing_review",
                    "at": "2026-06-02T09:00:00Z",
                    "text": "This is a lifestyle choice.",
                }
            ],
        },
    }
    mdt = {"Authorization": f"Bearer {creds.key('mdt')}", "Idempotency-Key": "ui-lang-1"}
    created = app_client.post(f"/v1/incidents/{ref}/checklists", json=body, headers=mdt)
    assert created.status_code == 201, created.text
    decision = created.json()["decision_id"]
    page = get(app_client, f"/ui/decisions/{decision}", auditor).text
    assert "LANG-NO-VICTIM-BLAMING" in page
    assert "<strong>Where:</strong>" in page
    assert "<code>narratives[0].text</code>: “lifestyle choice”" in page
    assert "; instead: child at risk of / subject to exploitation" in page  # 1.2.0's suggestion


class Refs(HTMLParser):
    """Every address a page refers to, with the tag and attribute it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for attr in ("src", "href", "action", "srcset", "poster", "data", "formaction", "xlink:href"):
            value = named.get(attr)
            if value:
                self.found.append((tag, attr, value, named))


def test_no_page_or_asset_refers_to_another_host(app_client: TestClient, auditor: dict[str, str]) -> None:
    """Nothing is loaded from elsewhere (no CDN, fonts, scripts, images). The only other hosts named
    are the policy sources a finding cites, as plain links marked ``rel="external"``, never fetched."""
    listing = get(app_client, f"/ui/decisions?status=missing&{WINDOW}", auditor).text
    ref = re.findall(r"/ui/incidents/([A-Z0-9-]+)", listing)[0]
    decision = re.findall(r"/ui/decisions/([0-9a-f-]{36})", listing)[0]
    paths = [
        "/ui/sign-in",
        f"/ui/?{WINDOW}",
        f"/ui/decisions?status=missing&{WINDOW}",
        f"/ui/incidents/{ref}",
    ]
    paths += [f"/ui/decisions/{decision}", "/ui/replays", "/ui/report", "/ui/verify"]
    citations = 0
    for path in paths:
        response = get(app_client, path, auditor)
        assert response.status_code == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        parser = Refs()
        parser.feed(response.text)
        for tag, attr, value, attrs in parser.found:
            host = urlsplit(value).netloc
            if not host:
                continue
            assert tag == "a", (path, tag, attr, value)
            assert attrs.get("class") == "citation", (path, value)
            assert "external" in (attrs.get("rel") or ""), (path, value)
            citations += 1
        assert "@import" not in response.text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", response.text), path
    assert citations > 0  # the check saw the links it allows
    css = get(app_client, "/ui/static/ui.css", None)
    assert css.status_code == 200
    assert "@import" not in css.text
    assert "@font-face" not in css.text
    assert not re.search(r"url\(", css.text)
    static = Path(security.__file__).parent / "static"
    assert {p.name for p in static.iterdir()} == {"ui.css"}  # the whole of the assets


@pytest.fixture
def oidc_client(seeded_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, list[httpx.Request]]]:
    settings = Settings(
        environment="test",
        database_url=seeded_url,
        auto_migrate=False,
        oidc_jwks_file=oidc_keys.write_jwks(tmp_path / "jwks.json"),
        oidc_issuers=[oidc_keys.ISSUER],
        oidc_audiences=[oidc_keys.AUDIENCE],
        ui_oidc_discovery_url="https://idp.test.invalid/realms/wmp/.well-known/openid-configuration",
        ui_oidc_client_id="safesteps-ui",
        **TEST_LIMITS,
    )
    seen: list[httpx.Request] = []

    def provider(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("openid-configuration"):
            base = "https://idp.test.invalid/realms/wmp/protocol/openid-connect"
            return httpx.Response(
                200, json={"authorization_endpoint": f"{base}/auth", "token_endpoint": f"{base}/token"}
            )
        form = parse_qs(request.content.decode())
        if form.get("code") != ["good-code"]:
            return httpx.Response(400, json={"error": "invalid_grant"})
        return httpx.Response(200, json={"access_token": oidc_keys.token(role="auditor", force="NORTHSHIRE")})

    with TestClient(create_app(settings)) as client:
        client.app.state.ui_oidc = OidcClient(settings, transport=httpx.MockTransport(provider))  # type: ignore[attr-defined]
        yield client, seen


def test_oidc_sign_in_with_pkce_gives_the_tokens_role_and_force(
    oidc_client: tuple[TestClient, list[httpx.Request]],
) -> None:
    client, seen = oidc_client
    assert "Sign in with your force" in client.get("/ui/sign-in").text
    start = client.get("/ui/sign-in/oidc?next=%2Fui%2Freport", follow_redirects=False)
    assert start.status_code == 303
    location = urlsplit(start.headers["location"])
    query = parse_qs(location.query)
    assert location.netloc == "idp.test.invalid"
    assert query["response_type"] == ["code"]
    assert query["client_id"] == ["safesteps-ui"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == ["http://testserver/ui/sign-in/callback"]
    flow = start.cookies[FLOW_COOKIE]
    state = query["state"][0]
    client.cookies.clear()

    # A wrong state (a forged redirect) is refused; so is a callback without the browser's flow cookie.
    forged = client.get(
        "/ui/sign-in/callback?code=good-code&state=other", headers=cookie({FLOW_COOKIE: flow})
    )
    assert forged.status_code == 401
    assert client.get(f"/ui/sign-in/callback?code=good-code&state={state}").status_code == 401

    done = client.get(
        f"/ui/sign-in/callback?code=good-code&state={state}",
        headers=cookie({FLOW_COOKIE: flow}),
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/ui/report"
    token_request = next(r for r in seen if r.url.path.endswith("/token"))
    verifier = parse_qs(token_request.content.decode())["code_verifier"][0]
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert challenge == query["code_challenge"][0]
    session = {security.SESSION_COOKIE: done.cookies[security.SESSION_COOKIE]}
    client.cookies.clear()
    report = get(client, "/ui/report", session)
    assert report.status_code == 200
    assert "NORTHSHIRE" in report.text
    assert get(client, "/ui/?force=EASTVALE", session).status_code == 403  # bound by the token's claim


def test_an_impact_replay_runs_and_its_page_shows_the_impact(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    """Open incidents' decisions made under 1.0.0 when officers left the scene, replayed against
    1.1.0: the job runs in the app's worker and its page tells what appears, disappears or changes
    and which incidents become blocking."""
    token = page_csrf(app_client, auditor)
    form = {
        "mode": "impact",
        "version": "1.1.0",
        "to_date": "2026-06-30",
        "hook": "scene.depart",
        "csrf": token,
    }
    started = app_client.post("/ui/replays", data=form, headers=cookie(auditor), follow_redirects=False)
    assert started.status_code == 303
    deadline = time.monotonic() + 60
    while True:
        page = get(app_client, started.headers["location"], auditor)
        if 'http-equiv="refresh"' not in page.text:
            break
        assert time.monotonic() < deadline, "the replay did not finish"
        time.sleep(0.5)
    assert "Succeeded" in page.text
    assert re.search(r"\d+ of \d+ incidents change; <strong>\d+ newly blocking</strong>", page.text)
    changed = int(re.search(r"(\d+) of \d+ incidents change", page.text).group(1))  # type: ignore[union-attr]
    assert changed > 0  # 1.1.0 makes the voice of a child in police protection critical
    assert "Steps that appear or disappear, by incident" in page.text
    assert "CFC-VOICE-OF-CHILD" in page.text
    # Each flagged result says what changed, in the CSV's terms.
    assert re.search(r"<td>(appears|disappears|severity|outcome) [A-Z][A-Z0-9-]+[(:]", page.text)
    csv_link = re.search(r'href="(/ui/replays/[0-9a-f-]{36}/results\.csv)"', page.text)
    assert csv_link
    exported = get(app_client, csv_link.group(1), auditor)
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.text.splitlines()[0].startswith("seq,")


def test_an_impact_replay_can_recount_history_and_says_which_facts_it_used(
    app_client: TestClient, auditor: dict[str, str], creds: Credentials
) -> None:
    form = {
        "mode": "impact",
        "version": "1.3.0",
        "history": "recomputed",
        "to_date": "2026-06-30",
        "hook": "scene.depart",
        "csrf": page_csrf(app_client, auditor),
    }
    started = app_client.post("/ui/replays", data=form, headers=cookie(auditor), follow_redirects=False)
    assert started.status_code == 303
    deadline = time.monotonic() + 60
    while 'http-equiv="refresh"' in (page := get(app_client, started.headers["location"], auditor).text):
        assert time.monotonic() < deadline, "the replay did not finish"
        time.sleep(0.5)
    assert "Succeeded" in page
    assert "<dt>History facts</dt><dd>counted again from the person history as it is now</dd>" in page
    job_id = started.headers["location"].rsplit("/", 1)[1]
    api = {"Authorization": f"Bearer {creds.key('auditor')}"}
    assert app_client.get(f"/v1/replays/{job_id}", headers=api).json()["history"] == "recomputed"
    bogus = {**form, "history": "guessed", "csrf": page_csrf(app_client, auditor)}
    refused = app_client.post("/ui/replays", data=bogus, headers=cookie(auditor), follow_redirects=False)
    assert refused.status_code == 422
    assert "History facts: Input should be &#39;stored&#39; or &#39;recomputed&#39;" in refused.text


def test_the_decisions_list_pages_by_cursor_and_refuses_a_bad_one(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    first = get(app_client, f"/ui/decisions?{WINDOW}", auditor).text
    (more,) = re.findall(r'<a href="([^"]+)" rel="next">', first)
    more = more.replace("&amp;", "&")
    assert "cursor=" in more
    second = get(app_client, more, auditor)
    assert second.status_code == 200
    ids = set(re.findall(r"/ui/decisions/([0-9a-f-]{36})", first))
    later = set(re.findall(r"/ui/decisions/([0-9a-f-]{36})", second.text))
    assert ids
    assert later
    assert not ids & later
    refused = get(app_client, f"/ui/decisions?{WINDOW}&cursor=forged-cursor", auditor)
    assert refused.status_code == 422
    assert "forged-cursor" not in refused.text


@pytest.mark.parametrize("page", ["/ui/", "/ui/decisions", "/ui/report"])
def test_days_the_wrong_way_round_get_a_page_saying_so(
    app_client: TestClient, auditor: dict[str, str], page: str
) -> None:
    refused = get(app_client, f"{page}?from_date=2026-10-01&to_date=2026-01-01", auditor)
    assert refused.status_code == 422
    assert "“To” is before “From”." in refused.text  # the form's labels, not the query's names
    unreadable = get(app_client, f"{page}?from_date=2026-13-01", auditor)
    assert unreadable.status_code == 422
    assert "<li>From: Input should be a valid date" in unreadable.text
    if page != "/ui/report":  # the pages that take a step
        misspelt = get(app_client, f"{page}?step=CFC-SEE-EVERY-CHLID", auditor)
        assert misspelt.status_code == 422
        assert "<li>Step: not a step of the rule sets</li>" in misspelt.text
        wrong_moment = get(app_client, f"{page}?hook=scene.deprat", auditor)
        assert "<li>Moment (hook): not a moment (hook) of the rule sets</li>" in wrong_moment.text


def test_a_replay_over_days_the_wrong_way_round_is_not_started(
    app_client: TestClient, auditor: dict[str, str]
) -> None:
    form = {"mode": "as_recorded", "from_date": "2026-10-01", "to_date": "2026-01-01"}
    token = page_csrf(app_client, auditor)
    refused = app_client.post(
        "/ui/replays", data={**form, "csrf": token}, headers=cookie(auditor), follow_redirects=False
    )
    assert refused.status_code == 422
    assert "“To” is before “From”." in refused.text
