from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.hook_catalogue import HookCatalogue
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ruleset_id: str | Unset = "concern-for-a-child",
    version: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ruleset_id"] = ruleset_id

    json_version: None | str | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/hooks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HookCatalogue | None:
    if response.status_code == 200:
        response_200 = HookCatalogue.from_dict(response.json())

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
) -> Response[ErrorBody | HookCatalogue]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ruleset_id: str | Unset = "concern-for-a-child",
    version: None | str | Unset = UNSET,
) -> Response[ErrorBody | HookCatalogue]:
    """List Hooks

     The workflow moments and the rules that apply at each (latest published version by default).

    Args:
        ruleset_id (str | Unset):  Default: 'concern-for-a-child'.
        version (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HookCatalogue]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ruleset_id: str | Unset = "concern-for-a-child",
    version: None | str | Unset = UNSET,
) -> ErrorBody | HookCatalogue | None:
    """List Hooks

     The workflow moments and the rules that apply at each (latest published version by default).

    Args:
        ruleset_id (str | Unset):  Default: 'concern-for-a-child'.
        version (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HookCatalogue
    """

    return sync_detailed(
        client=client,
        ruleset_id=ruleset_id,
        version=version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ruleset_id: str | Unset = "concern-for-a-child",
    version: None | str | Unset = UNSET,
) -> Response[ErrorBody | HookCatalogue]:
    """List Hooks

     The workflow moments and the rules that apply at each (latest published version by default).

    Args:
        ruleset_id (str | Unset):  Default: 'concern-for-a-child'.
        version (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HookCatalogue]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ruleset_id: str | Unset = "concern-for-a-child",
    version: None | str | Unset = UNSET,
) -> ErrorBody | HookCatalogue | None:
    """List Hooks

     The workflow moments and the rules that apply at each (latest published version by default).

    Args:
        ruleset_id (str | Unset):  Default: 'concern-for-a-child'.
        version (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HookCatalogue
    """

    return (
        await asyncio_detailed(
            client=client,
            ruleset_id=ruleset_id,
            version=version,
        )
    ).parsed
