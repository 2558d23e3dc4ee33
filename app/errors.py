"""Domain errors of the service layer. They know nothing about HTTP; routers/errors.py maps them.

An error may carry ``detail`` (machine-readable specifics, e.g. the current revision) and ``field``
(the request path it is about); the mapping decides what reaches the client.
"""

from __future__ import annotations

from typing import Any

from app.rules.errors import RulesError


class ServiceError(Exception):
    """Base of errors raised by services."""

    detail: dict[str, object] | None = None
    field: str | None = None


class IncidentNotFound(ServiceError):
    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(f"incident {reference} not found")


class DecisionNotFound(ServiceError):
    def __init__(self, decision_id: str) -> None:
        self.decision_id = decision_id
        super().__init__(f"decision {decision_id} not found")


class IncidentReferenceMismatch(ServiceError):
    field = "body.checklist.incident.reference"

    def __init__(self, path_ref: str, body_ref: str) -> None:
        super().__init__(f"the checklist is for incident {body_ref} but was sent to incident {path_ref}")


class StaleRevision(ServiceError):
    """A conditional write named a revision that is no longer the latest."""

    def __init__(self, reference: str, expected: int, current: int) -> None:
        self.reference, self.expected, self.current = reference, expected, current
        self.detail = {"incident_ref": reference, "expected_revision": expected, "current_revision": current}
        what = f"is at revision {current}" if current else "does not exist yet"
        super().__init__(f"the incident {what}; fetch it and submit again on top of it")


class InvalidPrecondition(ServiceError):
    def __init__(self, value: str) -> None:
        super().__init__(f'If-Match must be an incident revision ETag such as "3", not {value!r}')


class InvalidItem(ServiceError):
    """An item of a batch that does not match the schema; ``errors`` as Pydantic reports them, with
    paths relative to the item (never the rejected input: it may hold personal data)."""

    def __init__(self, errors: list[Any]) -> None:
        self.errors = [{"loc": e["loc"], "msg": e["msg"], "type": e["type"]} for e in errors]
        super().__init__("the item does not match the schema")


class InvalidCursor(ServiceError):
    field = "query.cursor"

    def __init__(self, cursor: str) -> None:
        super().__init__("the cursor is not one this service issued; start again without it")


class IdempotencyConflict(ServiceError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__("this Idempotency-Key was already used with a different request; use a new key")


class InvalidFeedback(ServiceError):
    def __init__(self, message: str, field: str) -> None:
        self.field = field
        super().__init__(message)


class OutsideForce(ServiceError):
    """A force-bound client asked for another force's data (a checklist, a replay selection)."""

    def __init__(self, bound: str, field: str = "body.checklist.incident.force") -> None:
        self.field = field
        super().__init__(f"this client may only work with force {bound}")


class InvalidKeyRequest(ServiceError):
    """A key that must not be made: already expired, or an admin key without expiry from a bound admin."""

    def __init__(self, message: str, field: str = "body.expires_at") -> None:
        self.field = field
        super().__init__(message)


class AmbiguousIncident(ServiceError):
    """An unbound client named a reference that several forces hold, without naming the force."""

    field = "query.force"

    def __init__(self) -> None:
        super().__init__("several forces hold this reference: name the force (query parameter force)")


class PersonNotFound(ServiceError):
    """No linked child or adult with this local id on the incident (or none the caller may see)."""

    def __init__(self, local_id: str) -> None:
        self.local_id = local_id
        super().__init__(f"no linked person {local_id} on this incident")


class ReplayJobNotFound(ServiceError):
    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        super().__init__(f"replay job {job_id} not found")


class DatabaseBusy(ServiceError):
    def __init__(self) -> None:
        super().__init__("the database is busy; retry the request")


class NotReady(ServiceError):
    """This replica cannot serve yet: ``component`` (``database``, ``schema``) says what is wrong."""

    def __init__(self, component: str, message: str) -> None:
        self.component = component
        self.detail = {"component": component}
        super().__init__(message)


__all__ = [
    "AmbiguousIncident",
    "DatabaseBusy",
    "DecisionNotFound",
    "IdempotencyConflict",
    "IncidentNotFound",
    "IncidentReferenceMismatch",
    "InvalidCursor",
    "InvalidFeedback",
    "InvalidItem",
    "InvalidKeyRequest",
    "InvalidPrecondition",
    "NotReady",
    "OutsideForce",
    "ReplayJobNotFound",
    "RulesError",
    "ServiceError",
    "StaleRevision",
]
