"""Signing in to the web interface in tests, as a browser does: sign-in page, CSRF token, cookie."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from app.ui.security import NONCE_COOKIE, SESSION_COOKIE

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def cookie(cookies: dict[str, str] | None) -> dict[str, str]:
    """A ``Cookie`` header (per-request cookies are deprecated in httpx; the jar is shared)."""
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, credential: str) -> dict[str, str] | None:
    """The cookies of a session opened with ``credential`` (None when the sign-in is refused).

    Leaves the client's own cookie jar empty, so one client can act as many browsers."""
    client.cookies.clear()
    page = client.get("/ui/sign-in")
    nonce = page.cookies.get(NONCE_COOKIE)
    answer = client.post(
        "/ui/sign-in",
        data={"key": credential, "csrf": csrf_of(page.text), "next": "/ui/"},
        headers=cookie({NONCE_COOKIE: nonce} if nonce else None),
        follow_redirects=False,
    )
    client.cookies.clear()
    token = answer.cookies.get(SESSION_COOKIE)
    return {SESSION_COOKIE: token} if answer.status_code == 303 and token else None


def page_csrf(client: TestClient, cookies: dict[str, str], path: str = "/ui/replays") -> str:
    response = client.get(path, headers=cookie(cookies))
    client.cookies.clear()
    return csrf_of(response.text)
