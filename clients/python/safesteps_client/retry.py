"""Safe retries for stored submissions (hand-written; kept by `make client`).

A save from an MDT must be stored exactly once however often the network drops it. These helpers
always send an ``Idempotency-Key`` (a fresh UUID unless the caller gives the one it queued with the
save) and send the *same* key on every attempt, so the service stores the save once and answers a
retry with the stored response (``Idempotent-Replayed: true``).

They retry on a transport error (connection refused or dropped, timeout), 429 and 503, waiting
``Retry-After`` when the service sends it and otherwise backing off exponentially with jitter; any
other answer (201, 409, 412, 422, ...) is returned at once, because sending it again cannot change it.
A batch is also sent again while any of its items was answered 503 (the database was busy as it was
stored): the items already stored replay, so the last answer has every item's own final status.

    from safesteps_client import AuthenticatedClient
    from safesteps_client.models import SubmissionCreate
    from safesteps_client.retry import submit_checklist

    client = AuthenticatedClient(base_url="https://safesteps.example", token=API_KEY)
    response = submit_checklist(client, "WMP-20261122-0042", SubmissionCreate.from_dict(save),
                                idempotency_key=queued_key)
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

import httpx

from safesteps_client.api.incidents import submit_checklist as submit_checklist_api
from safesteps_client.api.incidents import submit_checklist_batch as submit_checklist_batch_api
from safesteps_client.client import AuthenticatedClient
from safesteps_client.models import BatchRequest, BatchResult, ErrorBody, SubmissionCreate, SubmissionResult
from safesteps_client.types import UNSET, Response

RETRY_STATUSES = frozenset({429, 503})
T = TypeVar("T")


def _busy(response: Response[T]) -> bool:
    return response.status_code in RETRY_STATUSES


def with_retries(
    call: Callable[[], Response[T]],
    *,
    attempts: int = 6,
    base_delay: float = 1.0,
    max_delay: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
    again: Callable[[Response[T]], bool] = _busy,
) -> Response[T]:
    """``call()`` until ``again`` of its answer is false (by default: it is not 429 or 503) or
    ``attempts`` run out. ``call`` must send the same request (and idempotency key) every time."""
    for attempt in range(1, attempts + 1):
        try:
            response = call()
        except httpx.TransportError:
            if attempt == attempts:
                raise
            sleep(_backoff(attempt, base_delay, max_delay))
            continue
        if not again(response) or attempt == attempts:
            return response
        sleep(_retry_after(response) or _backoff(attempt, base_delay, max_delay))
    raise AssertionError("unreachable")  # the loop always returns or raises


def submit_checklist(
    client: AuthenticatedClient,
    incident_ref: str,
    body: SubmissionCreate,
    *,
    idempotency_key: str | None = None,
    if_match: str | None = None,
    attempts: int = 6,
    sleep: Callable[[float], None] = time.sleep,
) -> Response[ErrorBody | SubmissionResult]:
    """Store one save, retried safely: the same ``Idempotency-Key`` on every attempt."""
    key = idempotency_key or str(uuid.uuid4())
    return with_retries(
        lambda: submit_checklist_api.sync_detailed(
            incident_ref,
            client=client,
            body=body,
            idempotency_key=key,
            if_match=if_match if if_match is not None else UNSET,
        ),
        attempts=attempts,
        sleep=sleep,
    )


def submit_batch(
    client: AuthenticatedClient,
    body: BatchRequest,
    *,
    attempts: int = 6,
    sleep: Callable[[float], None] = time.sleep,
) -> Response[BatchResult | ErrorBody]:
    """Send an offline queue; items without an ``idempotency_key`` get one first, so that a retried
    batch replays the items already stored instead of storing them again. Sent again, too, while an
    item was answered 503."""
    for item in body.items:
        if not item.additional_properties.get("idempotency_key"):
            item.additional_properties["idempotency_key"] = str(uuid.uuid4())
    return with_retries(
        lambda: submit_checklist_batch_api.sync_detailed(client=client, body=body),
        attempts=attempts,
        sleep=sleep,
        again=_batch_busy,
    )


def _batch_busy(response: Response[BatchResult | ErrorBody]) -> bool:
    parsed = response.parsed
    items = parsed.results if isinstance(parsed, BatchResult) else []
    return _busy(response) or any(item.status in RETRY_STATUSES for item in items)


def _retry_after(response: Response[T]) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def _backoff(attempt: int, base: float, cap: float) -> float:
    """Exponential with full jitter: many terminals coming back into coverage do not retry in step."""
    return random.uniform(0, min(cap, base * 2 ** (attempt - 1)))
