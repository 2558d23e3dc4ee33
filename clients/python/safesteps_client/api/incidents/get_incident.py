from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.incident_public import IncidentPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_ref: str,
    *,
    force: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_force: None | str | Unset
    if isinstance(force, Unset):
        json_force = UNSET
    else:
        json_force = force
    params["force"] = json_force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/{incident_ref}".format(
            incident_ref=quote(str(incident_ref), safe=""),
        ),
        "params": params,
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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

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
    force: None | str | Unset = UNSET,
) -> Response[ErrorBody | IncidentPublic]:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPublic]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
) -> ErrorBody | IncidentPublic | None:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IncidentPublic
    """

    return sync_detailed(
        incident_ref=incident_ref,
        client=client,
        force=force,
    ).parsed


async def asyncio_detailed(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
) -> Response[ErrorBody | IncidentPublic]:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPublic]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_ref: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
) -> ErrorBody | IncidentPublic | None:
    """Get Incident

     The latest revision and evaluation, every revision's history entry, and officers' feedback.

    Args:
        incident_ref (str):
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).

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
            force=force,
        )
    ).parsed
