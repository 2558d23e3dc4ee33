"""Optional OpenTelemetry tracing of HTTP requests (``SAFESTEPS_TRACING=true``; off by default).

Everything else is the standard ``OTEL_*`` configuration, read by the OpenTelemetry SDK itself:
``OTEL_SERVICE_NAME`` and ``OTEL_RESOURCE_ATTRIBUTES``, ``OTEL_TRACES_SAMPLER`` (and its argument),
``OTEL_EXPORTER_OTLP_ENDPOINT`` / ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``, headers and timeouts, and
``OTEL_TRACES_EXPORTER`` (``otlp``, the default, over HTTP/protobuf; ``console``; or ``none``).

A request's ``traceparent`` (and ``tracestate``) continue the caller's trace. The span is named by
method and route template and carries only those, the status and the request id: never a path,
a query string or anything from a body. The trace id also goes into every JSON log line written
while the request is served (``app.observability``).
"""

from __future__ import annotations

import os

from opentelemetry.propagators.textmap import DefaultGetter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from starlette.types import ASGIApp, Receive, Scope, Send

from app import __version__
from app.http.asgi import StatusRecorder, route_template

PROPAGATOR = TraceContextTextMapPropagator()
GETTER = DefaultGetter()
CARRIED = (b"traceparent", b"tracestate")


def tracer_provider() -> TracerProvider:
    """A provider for this app: the resource and sampler from OTEL_*, the exporter chosen by
    OTEL_TRACES_EXPORTER."""
    attributes = {"service.version": __version__}
    named = "service.name=" in os.environ.get("OTEL_RESOURCE_ATTRIBUTES", "")
    if "OTEL_SERVICE_NAME" not in os.environ and not named:
        attributes["service.name"] = "safesteps"  # attributes given here would win over OTEL_*
    provider = TracerProvider(resource=Resource.create(attributes))
    kind = os.environ.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower()
    if kind == "none":
        return provider
    exporter: SpanExporter
    if kind == "console":
        exporter = ConsoleSpanExporter()
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


class TracingMiddleware:
    def __init__(self, app: ASGIApp, tracer: Tracer) -> None:
        self.app, self.tracer = app, tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        carrier = {
            name.decode("latin-1"): value.decode("latin-1")
            for name, value in scope["headers"]
            if name in CARRIED
        }
        method = scope["method"]
        with self.tracer.start_as_current_span(
            method, context=PROPAGATOR.extract(carrier, getter=GETTER), kind=SpanKind.SERVER
        ) as span:
            recorder = StatusRecorder(send)
            try:
                await self.app(scope, receive, recorder)
            finally:
                status = recorder.status
                route = route_template(scope)
                if route is not None:
                    span.update_name(f"{method} {route}")
                    span.set_attribute("http.route", route)
                span.set_attribute("http.request.method", method)
                span.set_attribute("http.response.status_code", status)
                request_id = scope.get("state", {}).get("request_id")
                if request_id:
                    span.set_attribute("safesteps.request_id", request_id)
                if status >= 500:
                    span.set_status(Status(StatusCode.ERROR))
