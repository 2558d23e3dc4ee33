import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.incident_page import IncidentPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    force: None | str | Unset = UNSET,
    hook: None | str | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    updated_from: datetime.datetime | None | Unset = UNSET,
    updated_to: datetime.datetime | None | Unset = UNSET,
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

    json_hook: None | str | Unset
    if isinstance(hook, Unset):
        json_hook = UNSET
    else:
        json_hook = hook
    params["hook"] = json_hook

    json_blocking: bool | None | Unset
    if isinstance(blocking, Unset):
        json_blocking = UNSET
    else:
        json_blocking = blocking
    params["blocking"] = json_blocking

    json_updated_from: None | str | Unset
    if isinstance(updated_from, Unset):
        json_updated_from = UNSET
    elif isinstance(updated_from, datetime.datetime):
        json_updated_from = updated_from.isoformat()
    else:
        json_updated_from = updated_from
    params["updated_from"] = json_updated_from

    json_updated_to: None | str | Unset
    if isinstance(updated_to, Unset):
        json_updated_to = UNSET
    elif isinstance(updated_to, datetime.datetime):
        json_updated_to = updated_to.isoformat()
    else:
        json_updated_to = updated_to
    params["updated_to"] = json_updated_to

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
        "url": "/v1/incidents",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | IncidentPage | None:
    if response.status_code == 200:
        response_200 = IncidentPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

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
) -> Response[ErrorBody | IncidentPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    hook: None | str | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    updated_from: datetime.datetime | None | Unset = UNSET,
    updated_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | IncidentPage]:
    """List Incidents

     Incidents, most recently updated first, filtered and paginated by cursor.

    Args:
        force (None | str | Unset):
        hook (None | str | Unset): Hook of the latest evaluation.
        blocking (bool | None | Unset): Latest evaluation blocking.
        updated_from (datetime.datetime | None | Unset): Inclusive.
        updated_to (datetime.datetime | None | Unset): Exclusive.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPage]
    """

    kwargs = _get_kwargs(
        force=force,
        hook=hook,
        blocking=blocking,
        updated_from=updated_from,
        updated_to=updated_to,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    hook: None | str | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    updated_from: datetime.datetime | None | Unset = UNSET,
    updated_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | IncidentPage | None:
    """List Incidents

     Incidents, most recently updated first, filtered and paginated by cursor.

    Args:
        force (None | str | Unset):
        hook (None | str | Unset): Hook of the latest evaluation.
        blocking (bool | None | Unset): Latest evaluation blocking.
        updated_from (datetime.datetime | None | Unset): Inclusive.
        updated_to (datetime.datetime | None | Unset): Exclusive.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IncidentPage
    """

    return sync_detailed(
        client=client,
        force=force,
        hook=hook,
        blocking=blocking,
        updated_from=updated_from,
        updated_to=updated_to,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    hook: None | str | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    updated_from: datetime.datetime | None | Unset = UNSET,
    updated_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[ErrorBody | IncidentPage]:
    """List Incidents

     Incidents, most recently updated first, filtered and paginated by cursor.

    Args:
        force (None | str | Unset):
        hook (None | str | Unset): Hook of the latest evaluation.
        blocking (bool | None | Unset): Latest evaluation blocking.
        updated_from (datetime.datetime | None | Unset): Inclusive.
        updated_to (datetime.datetime | None | Unset): Exclusive.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IncidentPage]
    """

    kwargs = _get_kwargs(
        force=force,
        hook=hook,
        blocking=blocking,
        updated_from=updated_from,
        updated_to=updated_to,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    force: None | str | Unset = UNSET,
    hook: None | str | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    updated_from: datetime.datetime | None | Unset = UNSET,
    updated_to: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> ErrorBody | IncidentPage | None:
    """List Incidents

     Incidents, most recently updated first, filtered and paginated by cursor.

    Args:
        force (None | str | Unset):
        hook (None | str | Unset): Hook of the latest evaluation.
        blocking (bool | None | Unset): Latest evaluation blocking.
        updated_from (datetime.datetime | None | Unset): Inclusive.
        updated_to (datetime.datetime | None | Unset): Exclusive.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IncidentPage
    """

    return (
        await asyncio_detailed(
            client=client,
            force=force,
            hook=hook,
            blocking=blocking,
            updated_from=updated_from,
            updated_to=updated_to,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
