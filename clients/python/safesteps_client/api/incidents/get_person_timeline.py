from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.timeline_page import TimelinePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_ref: str,
    local_id: str,
    *,
    force: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_force: None | str | Unset
    if isinstance(force, Unset):
        json_force = UNSET
    else:
        json_force = force
    params["force"] = json_force

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/incidents/{incident_ref}/people/{local_id}/timeline".format(
            incident_ref=quote(str(incident_ref), safe=""),
            local_id=quote(str(local_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TimelinePage | None:
    if response.status_code == 200:
        response_200 = TimelinePage.from_dict(response.json())

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
) -> Response[ErrorBody | TimelinePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    incident_ref: str,
    local_id: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | TimelinePage]:
    """Get Person Timeline

     A linked child's or adult's incidents across the force (or its sharing group), newest first:
    dates, references, types, outcome summaries and flags; no names or person references.

    Args:
        incident_ref (str):
        local_id (str): The person's local id in the incident's checklist (`C1`, `A1`): never
            personal data.
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TimelinePage]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        local_id=local_id,
        force=force,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_ref: str,
    local_id: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | TimelinePage | None:
    """Get Person Timeline

     A linked child's or adult's incidents across the force (or its sharing group), newest first:
    dates, references, types, outcome summaries and flags; no names or person references.

    Args:
        incident_ref (str):
        local_id (str): The person's local id in the incident's checklist (`C1`, `A1`): never
            personal data.
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TimelinePage
    """

    return sync_detailed(
        incident_ref=incident_ref,
        local_id=local_id,
        client=client,
        force=force,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    incident_ref: str,
    local_id: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | TimelinePage]:
    """Get Person Timeline

     A linked child's or adult's incidents across the force (or its sharing group), newest first:
    dates, references, types, outcome summaries and flags; no names or person references.

    Args:
        incident_ref (str):
        local_id (str): The person's local id in the incident's checklist (`C1`, `A1`): never
            personal data.
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TimelinePage]
    """

    kwargs = _get_kwargs(
        incident_ref=incident_ref,
        local_id=local_id,
        force=force,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_ref: str,
    local_id: str,
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | TimelinePage | None:
    """Get Person Timeline

     A linked child's or adult's incidents across the force (or its sharing group), newest first:
    dates, references, types, outcome summaries and flags; no names or person references.

    Args:
        incident_ref (str):
        local_id (str): The person's local id in the incident's checklist (`C1`, `A1`): never
            personal data.
        force (None | str | Unset): The incident's force. References are unique per force: a
            client bound to a force reads only its own force's; an unbound client names the force when
            several forces hold the reference (`409 ambiguous_incident_ref` otherwise).
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TimelinePage
    """

    return (
        await asyncio_detailed(
            incident_ref=incident_ref,
            local_id=local_id,
            client=client,
            force=force,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
