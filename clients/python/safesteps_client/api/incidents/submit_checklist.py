from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.submission_create import SubmissionCreate
from ...models.submission_result import SubmissionResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_ref: str,
    *,
    body: SubmissionCreate,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/incidents/{incident_ref}/checklists".format(
            incident_ref=quote(str(incident_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SubmissionResult | None:
    if response.status_code == 201:
        response_201 = SubmissionResult.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ErrorBody.from_dict(response.json())

        return response_412

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
) -> Response[ErrorBody | SubmissionResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    body: SubmissionCreate,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[ErrorBody | SubmissionResult]:
    """Submit Checklist

     Store the checklist as the incident's next revision and return its evaluation at `hook`.

    Args:
        incident_ref (str):
        idempotency_key (None | str | Unset): Makes retries safe: the same key and body return the
            original response.
        if_match (None | str | Unset): The incident's ETag (revision), e.g. "3".
        body (SubmissionCreate): A checklist for one incident, full or partial, as an MDT or a
            control room sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SubmissionResult]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    body: SubmissionCreate,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> ErrorBody | SubmissionResult | None:
    """Submit Checklist

     Store the checklist as the incident's next revision and return its evaluation at `hook`.

    Args:
        incident_ref (str):
        idempotency_key (None | str | Unset): Makes retries safe: the same key and body return the
            original response.
        if_match (None | str | Unset): The incident's ETag (revision), e.g. "3".
        body (SubmissionCreate): A checklist for one incident, full or partial, as an MDT or a
            control room sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SubmissionResult
    """

    return sync_detailed(
        incident_ref=incident_ref,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    body: SubmissionCreate,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[ErrorBody | SubmissionResult]:
    """Submit Checklist

     Store the checklist as the incident's next revision and return its evaluation at `hook`.

    Args:
        incident_ref (str):
        idempotency_key (None | str | Unset): Makes retries safe: the same key and body return the
            original response.
        if_match (None | str | Unset): The incident's ETag (revision), e.g. "3".
        body (SubmissionCreate): A checklist for one incident, full or partial, as an MDT or a
            control room sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SubmissionResult]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    body: SubmissionCreate,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> ErrorBody | SubmissionResult | None:
    """Submit Checklist

     Store the checklist as the incident's next revision and return its evaluation at `hook`.

    Args:
        incident_ref (str):
        idempotency_key (None | str | Unset): Makes retries safe: the same key and body return the
            original response.
        if_match (None | str | Unset): The incident's ETag (revision), e.g. "3".
        body (SubmissionCreate): A checklist for one incident, full or partial, as an MDT or a
            control room sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SubmissionResult
    """

    return (
        await asyncio_detailed(
            incident_ref=incident_ref,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
