from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.incident_public import IncidentPublic
from ...types import Response


def _get_kwargs(
    incident_ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/{incident_ref}".format(
            incident_ref=quote(str(incident_ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | IncidentPublic | None:
    if response.status_code == 200:
        response_200 = IncidentPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

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
) -> Response[ErrorBody | IncidentPublic]:
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
) -> Response[ErrorBody | IncidentPublic]:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPublic]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | IncidentPublic | None:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IncidentPublic
    """

    return sync_detailed(
        incident_ref=incident_ref,
        client=client,
    ).parsed


async def asyncio_detailed(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | IncidentPublic]:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPublic]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
) -> ErrorBody | IncidentPublic | None:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IncidentPublic
    """

    return (
        await asyncio_detailed(
            incident_ref=incident_ref,
            client=client,
        )
    ).parsed
