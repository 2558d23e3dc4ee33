from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.feedback_create import FeedbackCreate
from ...models.feedback_public import FeedbackPublic
from ...types import Response


def _get_kwargs(
    decision_id: str,
    *,
    body: FeedbackCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/decisions/{decision_id}/feedback".format(
            decision_id=quote(str(decision_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | FeedbackPublic | None:
    if response.status_code == 201:
        response_201 = FeedbackPublic.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = ErrorBody.from_dict(response.json())

        return response_431

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | FeedbackPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    decision_id: str,
    *,
    client: AuthenticatedClient,
    body: FeedbackCreate,
) -> Response[ErrorBody | FeedbackPublic]:
    """Submit Feedback

     Record that an officer accepted a finding or overrode it with a reason, as the authenticated
    client. Safe to retry: the same feedback from the same client is recorded once, and the retry
    answers with that record and `Idempotent-Replayed: true`.

    Args:
        decision_id (str):
        body (FeedbackCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FeedbackPublic]
    """

    kwargs = _get_kwargs(
        decision_id=decision_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    decision_id: str,
    *,
    client: AuthenticatedClient,
    body: FeedbackCreate,
) -> ErrorBody | FeedbackPublic | None:
    """Submit Feedback

     Record that an officer accepted a finding or overrode it with a reason, as the authenticated
    client. Safe to retry: the same feedback from the same client is recorded once, and the retry
    answers with that record and `Idempotent-Replayed: true`.

    Args:
        decision_id (str):
        body (FeedbackCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FeedbackPublic
    """

    return sync_detailed(
        decision_id=decision_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    decision_id: str,
    *,
    client: AuthenticatedClient,
    body: FeedbackCreate,
) -> Response[ErrorBody | FeedbackPublic]:
    """Submit Feedback

     Record that an officer accepted a finding or overrode it with a reason, as the authenticated
    client. Safe to retry: the same feedback from the same client is recorded once, and the retry
    answers with that record and `Idempotent-Replayed: true`.

    Args:
        decision_id (str):
        body (FeedbackCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FeedbackPublic]
    """

    kwargs = _get_kwargs(
        decision_id=decision_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    decision_id: str,
    *,
    client: AuthenticatedClient,
    body: FeedbackCreate,
) -> ErrorBody | FeedbackPublic | None:
    """Submit Feedback

     Record that an officer accepted a finding or overrode it with a reason, as the authenticated
    client. Safe to retry: the same feedback from the same client is recorded once, and the retry
    answers with that record and `Idempotent-Replayed: true`.

    Args:
        decision_id (str):
        body (FeedbackCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FeedbackPublic
    """

    return (
        await asyncio_detailed(
            decision_id=decision_id,
            client=client,
            body=body,
        )
    ).parsed
