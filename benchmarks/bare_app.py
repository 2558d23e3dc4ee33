"""The validate-only endpoint of the HTTP benchmark: FastAPI validating the same body, nothing else.

Same request model (``EvaluateRequest``), same kind of handler (sync ``def``), same server
settings; no middleware, dependency, rules or decision (the real floor, which evaluates, is
``benchmarks.floor_app``). Served by ``benchmarks.http_bench`` with
``uvicorn benchmarks.bare_app:create_bare_app --factory``.
"""

from __future__ import annotations

from fastapi import FastAPI, Response

from app.schemas.evaluate import EvaluateRequest

_OK = b'{"status":"ok"}'


def create_bare_app() -> FastAPI:
    app = FastAPI(title="bare validate-only endpoint")

    @app.get("/healthz")
    def healthz() -> Response:
        return Response(_OK, media_type="application/json")

    @app.post("/v1/evaluate")
    def validate_only(body: EvaluateRequest) -> Response:
        return Response(_OK, media_type="application/json")

    return app
