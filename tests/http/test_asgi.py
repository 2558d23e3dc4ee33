"""The pieces the pure-ASGI middleware share."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from app.http.asgi import route_template


def _ok(request: Any) -> PlainTextResponse:
    return PlainTextResponse("ok")


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (Route("/v1/incidents/{incident_ref}", _ok), "/v1/incidents/{incident_ref}"),
        (Mount("/docs/assets", routes=[]), "/docs/assets"),
        (None, None),  # before routing, or no route matched
        (object(), None),  # not a route: never a made-up label
    ],
)
def test_a_request_is_named_by_its_route_template_never_its_path(route: object, expected: str | None) -> None:
    scope: dict[str, Any] = {"type": "http", "path": "/v1/incidents/INC-1"}
    if route is not None:
        scope["route"] = route
    assert route_template(scope) == expected
