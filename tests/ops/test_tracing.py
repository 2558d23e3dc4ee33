"""Optional OpenTelemetry tracing: off by default; on, a request continues the caller's traceparent,
its span is named by route template, and the trace id is in the JSON log lines of the request."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from app import main
from app.http.tracing import tracer_provider
from app.main import create_app
from app.settings import Settings
from tests.auth import credentials_for

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"
BODY = {
    "hook": "scene.depart",
    "checklist": {
        "incident": {"reference": "WMP-TRACE-1", "force": "WMP", "type": "domestic_abuse"},
        "children": [{"id": "C1", "seen": False}],
    },
}


def log_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_a_traced_request_continues_the_callers_trace_and_logs_its_id(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setattr(main, "tracer_provider", lambda: provider)
    with TestClient(create_app(settings.model_copy(update={"tracing": True}))) as client:
        headers = {**credentials_for(client.app).headers("control_room"), "traceparent": TRACEPARENT}  # type: ignore[arg-type]
        capsys.readouterr()
        assert client.post("/v1/evaluate", json=BODY, headers=headers).status_code == 200
        logged = log_lines(capsys.readouterr().err)
    (span,) = [s for s in exporter.get_finished_spans() if s.name == "POST /v1/evaluate"]
    assert format(span.context.trace_id, "032x") == TRACE_ID
    assert span.parent is not None
    assert format(span.parent.span_id, "016x") == PARENT_ID
    assert span.attributes is not None
    assert span.attributes["http.route"] == "/v1/evaluate"
    assert span.attributes["http.response.status_code"] == 200
    access = [line for line in logged if line["logger"] == "safesteps.access"]
    assert access
    assert {line["trace_id"] for line in access} == {TRACE_ID}
    assert "WMP-TRACE-1" not in json.dumps([dict(span.attributes)])


def test_tracing_is_off_by_default(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert client.post("/v1/evaluate", json=BODY, headers={"traceparent": TRACEPARENT}).status_code == 200
    assert all("trace_id" not in line for line in log_lines(capsys.readouterr().err))


def test_the_provider_follows_the_standard_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "none")
    monkeypatch.setenv("OTEL_SERVICE_NAME", "safesteps-wmp")
    provider = tracer_provider()
    assert provider.resource.attributes["service.name"] == "safesteps-wmp"
    monkeypatch.delenv("OTEL_SERVICE_NAME")
    assert tracer_provider().resource.attributes["service.name"] == "safesteps"
    monkeypatch.delenv("OTEL_TRACES_EXPORTER")  # the default: OTLP over HTTP, batched
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1")  # never reached here
    default = tracer_provider()
    processors = default._active_span_processor._span_processors
    assert [type(p).__name__ for p in processors] == ["BatchSpanProcessor"]
    default.shutdown()


def test_fastapis_own_telemetry_never_records_a_request(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A global tracer provider (auto-instrumentation, FASTAPI_OTEL_AUTO_CONFIGURE) would turn on
    FastAPI's native spans, with raw paths: the service's only spans are its own."""
    from opentelemetry import trace

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: provider)
    with TestClient(create_app(settings)) as client:
        headers = credentials_for(client.app).headers("control_room")  # type: ignore[arg-type]
        assert client.post("/v1/evaluate", json=BODY, headers=headers).status_code == 200
        assert client.get("/v1/incidents/WMP-TRACE-1", headers=headers).status_code == 404
    assert exporter.get_finished_spans() == ()
