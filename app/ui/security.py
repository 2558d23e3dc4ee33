"""Sign-in sessions, cookies, CSRF and the guards of the web interface.

- The session cookie (``ss_ui``) holds a random token; the database keeps its SHA-256 with the
  principal it was opened for (``ui_session``). HttpOnly, SameSite=Lax, ``Secure`` outside
  development and tests, path ``/ui``; it ends at ``ui_session_minutes``, at sign-out, and (for a
  sign-in with an API key) as soon as the key is revoked or expires.
- CSRF: every form that changes state carries a token, an HMAC of the session (or, on the sign-in
  form, of a pre-session nonce cookie) under a key derived from the server pepper; a request with a
  foreign ``Origin`` is refused too.
- ``UiAuthorize`` / ``UiAudited``: the API's ``Authorize`` / ``Audited`` (same permissions, same
  access audit, same rate limits), with the principal taken from the session cookie instead of a
  bearer credential. So ``check_routes`` sees every page's rule and the roles are the API's.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, Response, params
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import and_, or_, select, update
from sqlmodel import Session

from app.auth.roles import Permission, Principal, Role
from app.http.guards import Audited, Authorize
from app.models.base import utcnow
from app.models.tables import API_KEYS, table_of
from app.models.ui import UiSession
from app.settings import Settings

SESSION_COOKIE = "ss_ui"
NONCE_COOKIE = "ss_ui_nonce"
COOKIE_PATH = "/ui"
SESSIONS = table_of(UiSession)
KEYS = API_KEYS


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def secure_cookies(settings: Settings) -> bool:
    return settings.environment == "production"


def set_cookie(response: Response, settings: Settings, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        httponly=True,
        secure=secure_cookies(settings),
        samesite="lax",
    )


def clear_cookie(response: Response, settings: Settings, name: str) -> None:
    response.delete_cookie(
        name, path=COOKIE_PATH, httponly=True, secure=secure_cookies(settings), samesite="lax"
    )


# -------------------------------------------------------------------------------------------- CSRF
def _csrf_key(settings: Settings) -> bytes:
    return hmac.new(settings.key_pepper.get_secret_value().encode(), b"safesteps-ui-csrf", "sha256").digest()


def csrf_token(settings: Settings, binding: str) -> str:
    """The token a form carries: bound to the session token (or the pre-session nonce)."""
    return hmac.new(_csrf_key(settings), binding.encode(), "sha256").hexdigest()


def check_csrf(request: Request, settings: Settings, binding: str | None, submitted: str | None) -> None:
    origin = request.headers.get("origin")
    if origin is not None and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise HTTPException(403, "This form was sent from another site.")
    if not binding or not submitted or not hmac.compare_digest(csrf_token(settings, binding), submitted):
        raise HTTPException(403, "The form has expired or was not sent from this site; reload and try again.")


def nonce(request: Request) -> str:
    """The pre-session nonce of this browser (made by the sign-in page)."""
    return request.cookies.get(NONCE_COOKIE) or secrets.token_urlsafe(24)


# ---------------------------------------------------------------------------------------- sessions
def open_session(
    session: Session, settings: Settings, principal: Principal, *, now: datetime | None = None
) -> str:
    """Store a new sign-in session for ``principal``; returns the cookie token (never stored)."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    key_id = principal.id.removeprefix("key:") if principal.kind == "api_key" else None
    session.execute(
        SESSIONS.insert().values(
            token_hash=_digest(token),
            principal_id=principal.id,
            name=principal.name[:128],
            role=principal.role.value,
            force=principal.force,
            kind=principal.kind,
            key_id=key_id,
            created_at=now,
            expires_at=now + timedelta(minutes=settings.ui_session_minutes),
        )
    )
    return token


def end_session(session: Session, token: str, *, now: datetime | None = None) -> None:
    session.execute(
        update(SESSIONS)
        .where(SESSIONS.c.token_hash == _digest(token), SESSIONS.c.ended_at.is_(None))
        .values(ended_at=now or utcnow())
    )


def signed_in(session: Session, token: str | None, *, now: datetime | None = None) -> Principal | None:
    """The principal of a live session: not ended, not expired, and its API key (if any) still valid."""
    if not token:
        return None
    now = now or utcnow()
    s, k = SESSIONS.c, KEYS.c
    row = session.execute(
        select(s.principal_id, s.name, s.role, s.force, s.kind)
        .select_from(SESSIONS.outerjoin(KEYS, k.key_id == s.key_id))
        .where(
            s.token_hash == _digest(token),
            s.ended_at.is_(None),
            s.expires_at > now,
            or_(
                s.key_id.is_(None),
                and_(k.revoked_at.is_(None), or_(k.expires_at.is_(None), k.expires_at > now)),
            ),
        )
    ).first()
    if row is None:
        return None
    return Principal(id=row.principal_id, name=row.name, role=Role(row.role), force=row.force, kind=row.kind)


class SignInRequired(HTTPException):
    def __init__(self) -> None:
        super().__init__(401, "Sign in to use the auditors' workspace.")


def _from_cookie(request: Request) -> Principal:
    with Session(request.app.state.engine) as session:
        principal = signed_in(session, request.cookies.get(SESSION_COOKIE))
    if principal is None:
        raise SignInRequired
    return principal


class UiAuthorize(Authorize):
    """``Authorize`` for pages: the principal comes from the sign-in session cookie."""

    def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal = self.authenticate(request, None)
        if not principal.may(self.permission):
            raise self.forbidden()
        return principal

    def authenticate(self, request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
        return self.admit(request, _from_cookie(request))


# The status of the error page a page's handler error became (``app.ui.views.UiRoute``): the error is
# turned into a page before the guard's teardown runs, so the guard reads the status from here.
ERROR_STATUS = "ui_error_status"


class UiAudited(Audited):
    """``Audited`` for pages that show incident data: recorded in the access audit like the API,
    with the status the page answered (an error page's too: a 404 is recorded as a 404)."""

    def authenticate(self, request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
        return self.admit(request, _from_cookie(request))

    def answered(self, request: Request) -> int:
        status = getattr(request.state, ERROR_STATUS, None)
        return status if isinstance(status, int) else super().answered(request)


def page(
    permission: Permission, *, action: str, target: str | tuple[str, ...] | None = None
) -> params.Depends:
    """For ``Annotated[Principal, page(...)]``: a page that shows incident data (access-audited)."""
    depends: params.Depends = Depends(UiAudited(permission, action=action, target=target), scope="function")
    return depends


def form(permission: Permission) -> params.Depends:
    """For ``Annotated[Principal, form(...)]``: a form handler that changes state (it checks CSRF)."""
    depends: params.Depends = Depends(UiAuthorize(permission))
    return depends


def sign_in_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/ui/sign-in?next={quote(target, safe='')}"
