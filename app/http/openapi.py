"""The OpenAPI document as an integrator reads it: what the API is for, how to authenticate, what the
outcomes mean and what to show for each, the one error shape, tag descriptions, the response headers
the service sends, and examples computed by the engine itself (so they are what it answers).

FastAPI builds the document from the routes; ``install`` adds to it once, when it is first asked
for. Every validation error is documented as the service's own error body, never FastAPI's
``HTTPValidationError`` (which the service never sends).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson
from fastapi import FastAPI

from app.rules.checklist import Checklist
from app.rules.engine import Facts, decide
from app.rules.registry import RulesetRegistry
from app.schemas.incidents import EXAMPLE_CHECKLIST, EXAMPLE_SUBMISSION, SubmissionCreate
from app.services.submissions import prepare, response_body

DESCRIPTION = """\
Decision support for police forces in England and Wales: checklists recorded by control rooms and
mobile data terminals (MDTs) are scored against versioned rule sets that encode the College of
Policing's *Police response to concern for a child* and the law around it. SafeSteps supports the
decision; it never makes it. Worked requests for every workflow moment: `docs/integration.md`.

## Authentication

Every endpoint except `/healthz`, `/readyz` and these documents needs `Authorization: Bearer <credential>`:
an API key made for the client system (`ss_...`) or an access token from the force's identity
provider. The credential's role decides what it may do (`control_room`, `mdt`, `auditor`,
`rules_admin`, `admin`) and a credential bound to a force sees only that force's incidents (another
force's incident answers 404, as if it did not exist). Missing or invalid credential: 401 with
`WWW-Authenticate: Bearer`; not allowed: 403.

## Workflow moments (hooks)

A request names the moment it is made at (`hook`), e.g. `call.intake`, `scene.arrival`,
`scene.depart`; `GET /v1/hooks` lists them with the rules evaluated at each. At the blocking moments
(`call.regrade_or_close`, `scene.depart`, `incident.close`, `supervisor.review`) a critical step
that is missing or not recorded sets `blocking: true`.

## Outcomes, and what to display

| outcome | meaning | display |
|---|---|---|
| `missing` | recorded as not done | an action to take now: its `action` text and severity |
| `unknown` | not recorded either way | a prompt to record it ("not recorded yet"), not an accusation |
| `met` | recorded as done | done (collapsed or ticked) |
| `not_applicable` | does not apply to this incident | hidden, or greyed out |

An absent field is never read as done or as not done: it makes the rule `unknown`. `findings` lists
the `missing` and `unknown` rules, most severe first; `outcomes` has every rule evaluated. Each
result names the rule-set version and content hash that produced it.

## Errors

Every error, whatever its status, has one shape: `{"error": code, "message": text, "fields":
[{"path", "message", "type"}]}` (`fields` for validation errors; `detail` for specifics such as the
current revision). 400 malformed JSON, 401, 403, 404, 409 `idempotency_key_reused`, 412
`stale_revision`, 413 body too large, 422 an invalid field (named in `fields`), 429 `rate_limited`
and 503 (`database_busy`, `database_unavailable`, `not_ready`) with `Retry-After`. Every response
carries `X-Request-ID` (the caller's, when it sent a well-formed one), which identifies the request
in the service's logs.

## Retries

Stored submissions take `Idempotency-Key`: send the same key with the same body on every retry of
one save and it is stored once (a retry answers `Idempotent-Replayed: true`). Retry on network
errors, 429 and 503 after `Retry-After`; never on other 4xx. `If-Match` (the incident's `ETag`)
refuses a save based on a revision that is no longer the latest (412).
"""

TAGS: list[dict[str, str]] = [
    {
        "name": "evaluate",
        "description": "Stateless scoring of a checklist at a workflow moment, for "
        "control-room systems: nothing is stored, answers in milliseconds.",
    },
    {
        "name": "incidents",
        "description": "Stored submissions (the incident's next revision, evaluated "
        "and appended to the decision log), offline batches, incidents and their outstanding steps.",
    },
    {"name": "feedback", "description": "Officers' acceptance or override (with a reason) of a finding."},
    {
        "name": "rulesets",
        "description": "The rule-set catalogue: versions, rules with their citations, "
        "workflow moments (hooks) and the differences between versions.",
    },
    {
        "name": "audit",
        "description": "For auditors: decision records, verification of the hash-chained "
        "decision log, feedback statistics and the access audit.",
    },
    {
        "name": "replays",
        "description": "Replay of stored decisions as recorded (do they reproduce?) or "
        "against another rule-set version (what would change?), as background jobs.",
    },
    {"name": "keys", "description": "API keys of client systems (administrators)."},
    {
        "name": "bundles",
        "description": "Signed rule bundles for offline evaluation on devices (MDTs), the manifest of "
        "which version is in force when, and the public keys that verify them (docs/bundles.md).",
    },
    {"name": "health", "description": "Liveness (`/healthz`) and readiness (`/readyz`) probes."},
]

HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "Identifies the request in the service's logs (the caller's own id when it "
        "sent a well-formed `X-Request-ID`).",
        "schema": {"type": "string", "example": "4f1c2b7e9a0d4c55b2e1f0a9d8c7b6a5"},
    },
    "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {"type": "integer", "example": 5},
    },
    "WWW-Authenticate": {"description": "`Bearer`: how to authenticate.", "schema": {"type": "string"}},
    "ETag": {
        "description": "The incident's current revision, for `If-Match` on the next save.",
        "schema": {"type": "string", "example": '"2"'},
    },
    "Location": {
        "description": "The incident the submission was stored on.",
        "schema": {"type": "string", "example": "/v1/incidents/WMP-20261122-0042"},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored answer to an earlier request with the same "
        "`Idempotency-Key` (nothing new was stored).",
        "schema": {"type": "string", "enum": ["true"]},
    },
}
# Headers of particular responses, beyond X-Request-ID (every response) and Retry-After (429, 503).
RESPONSE_HEADERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("submit_checklist", "201"): ("ETag", "Location", "Idempotent-Replayed"),
    ("submit_checklist", "412"): ("ETag",),
    ("get_incident", "200"): ("ETag",),
}
EXAMPLE_DECISION_ID = "5d1c9a52-3f0e-4b7a-9c61-2e8f4a7b0c13"
EXAMPLE_RECEIVED_AT = datetime(2026, 11, 22, 19, 45, 12, tzinfo=UTC)


def install(app: FastAPI, registry: RulesetRegistry) -> None:
    app.description = DESCRIPTION
    app.openapi_tags = TAGS
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            document_responses(document)
            add_examples(document, registry)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in document["paths"].values() for op in path.values()]


def document_responses(document: dict[str, Any]) -> None:
    """The service's error body for validation errors, and the headers of every response."""
    components = document.setdefault("components", {})
    schemas = components.get("schemas", {})
    components["headers"] = HEADERS
    error_body = {"$ref": "#/components/schemas/ErrorBody"}
    for op in _operations(document):
        for status, response in op["responses"].items():
            content = response.get("content", {}).get("application/json", {})
            if content.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                content["schema"] = error_body
                response["description"] = "A field of the request is invalid (named in `fields`)."
            names = ["X-Request-ID"]
            names += ["Retry-After"] if status in ("429", "503") else []
            names += ["WWW-Authenticate"] if status == "401" else []
            names += RESPONSE_HEADERS.get((op["operationId"], status), ())
            response["headers"] = {name: {"$ref": f"#/components/headers/{name}"} for name in names}
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)


def _media(document: dict[str, Any], operation_id: str, status: str) -> dict[str, Any]:
    op = next(op for op in _operations(document) if op["operationId"] == operation_id)
    media: dict[str, Any] = op["responses"][status]["content"]["application/json"]
    return media


def add_examples(document: dict[str, Any], registry: RulesetRegistry) -> None:
    """Response examples computed by the engine from the request examples (synthetic people)."""
    checklist = Checklist.model_validate(EXAMPLE_CHECKLIST)
    decision = decide(registry, Facts.of(checklist), "scene.depart")
    _media(document, "evaluate", "200")["example"] = decision.model_dump(mode="json")

    submission = SubmissionCreate.model_validate(EXAMPLE_SUBMISSION)
    ref = checklist.incident.reference
    item = prepare(
        registry, ref, submission, idempotency_key=None, base_revision=1, requested_by="key:example"
    )
    stored = orjson.loads(response_body(item, 2, EXAMPLE_RECEIVED_AT))
    stored["decision_id"] = EXAMPLE_DECISION_ID  # random in real life
    _media(document, "submit_checklist", "201")["example"] = stored
    _media(document, "get_outstanding_steps", "200")["example"] = {
        key: stored[key]
        for key in ("incident_ref", "revision", "decision_id", "hook", "blocking", "score", "completeness")
    } | {"outstanding": stored["outstanding"]}
    schemas = document["components"]["schemas"]
    schemas["ErrorBody"]["example"] = {
        "error": "validation_error",
        "message": "The request does not match the schema.",
        "fields": [
            {
                "path": "body.checklist.children[0].seen",
                "message": "Input should be a valid boolean",
                "type": "bool_parsing",
            }
        ],
    }
