"""The API documentation pages, /docs (Swagger UI) and /redoc, served entirely by the app.

FastAPI's own pages load their JavaScript, CSS and fonts from a CDN, which police networks and
air-gapped control rooms cannot reach: they render blank. Here the assets are the copies shipped in
the ``fastapi-offline`` package, served under ``/docs/assets``, and a Content-Security-Policy on the
pages tells the browser to fetch nothing from anywhere but the app itself.

The pages are public, like the OpenAPI document they render (plain Starlette routes, as FastAPI's own
docs routes are, so they sit outside the API's deny-by-default check).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse

ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSETS_PATH = "/docs/assets"

# Inline scripts: Swagger UI's start-up call; inline styles: both pages; blob: workers: ReDoc's search.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _page(build: Callable[[str], HTMLResponse]) -> Callable[[Request], Awaitable[HTMLResponse]]:
    """A docs page: ``build`` renders it for the app's root path (behind a proxy's prefix the asset
    and document URLs carry it); the Content-Security-Policy keeps the browser on the app."""

    async def page(request: Request) -> HTMLResponse:
        response = build(request.scope.get("root_path", ""))
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["Cache-Control"] = "no-cache"
        return response

    return page


def install(app: FastAPI) -> None:
    """Add /docs, /redoc and their assets to ``app`` (created with ``docs_url=None, redoc_url=None``)."""
    openapi_url = app.openapi_url or "/openapi.json"
    title = f"{app.title} {app.version}"

    def swagger_ui(root: str) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{title} - API documentation",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
            # validatorUrl null: Swagger UI would otherwise send the document to swagger.io.
            swagger_ui_parameters={"validatorUrl": None, "displayRequestDuration": True},
        )

    def redoc(root: str) -> HTMLResponse:
        return get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{title} - API reference",
            redoc_js_url=f"{root}{ASSETS_PATH}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
            with_google_fonts=False,
        )

    app.mount(ASSETS_PATH, StaticFiles(directory=ASSETS), name="docs-assets")
    app.add_route("/docs", _page(swagger_ui), include_in_schema=False)
    app.add_route("/redoc", _page(redoc), include_in_schema=False)
