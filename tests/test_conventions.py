"""Conventions that no linter checks, checked on the app itself (see CONVENTIONS.md)."""

from __future__ import annotations

from fastapi.dependencies.models import Dependant

from app.http.guards import api_routes
from app.http.session import UnitOfWorkRoute, get_session
from app.main import create_app
from app.settings import Settings


def _uses(dependant: Dependant, call: object) -> bool:
    return dependant.call is call or any(_uses(d, call) for d in dependant.dependencies)


def test_routes_with_a_session_commit_in_the_handlers_thread(settings: Settings) -> None:
    routes = api_routes(create_app(settings))
    with_session = [r for r in routes if _uses(r.dependant, get_session)]
    assert with_session, "the check found no route that takes a session: it would prove nothing"
    offenders = [r.name for r in with_session if not isinstance(r.original_route, UnitOfWorkRoute)]
    assert offenders == [], "give these routers route_class=UnitOfWorkRoute"
