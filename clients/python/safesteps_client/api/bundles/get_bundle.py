from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ruleset_id: str,
    version: str,
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/bundles/{ruleset_id}/{version}".format(
            ruleset_id=quote(str(ruleset_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorBody | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ruleset_id: str,
    version: str,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody]:
    """Get Bundle

     Signed, self-contained rule bundle of one version: every hook's compiled ZEN program, the
    rules' texts and citations, the checklist JSON Schema, blocking flags and scoring.

    Args:
        ruleset_id (str):
        version (str):
        if_none_match (None | str | Unset): An ETag from an earlier download: 304 if it is still
            current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        version=version,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ruleset_id: str,
    version: str,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | ErrorBody | None:
    """Get Bundle

     Signed, self-contained rule bundle of one version: every hook's compiled ZEN program, the
    rules' texts and citations, the checklist JSON Schema, blocking flags and scoring.

    Args:
        ruleset_id (str):
        version (str):
        if_none_match (None | str | Unset): An ETag from an earlier download: 304 if it is still
            current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return sync_detailed(
        ruleset_id=ruleset_id,
        version=version,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    ruleset_id: str,
    version: str,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | ErrorBody]:
    """Get Bundle

     Signed, self-contained rule bundle of one version: every hook's compiled ZEN program, the
    rules' texts and citations, the checklist JSON Schema, blocking flags and scoring.

    Args:
        ruleset_id (str):
        version (str):
        if_none_match (None | str | Unset): An ETag from an earlier download: 304 if it is still
            current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        version=version,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ruleset_id: str,
    version: str,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | ErrorBody | None:
    """Get Bundle

     Signed, self-contained rule bundle of one version: every hook's compiled ZEN program, the
    rules' texts and citations, the checklist JSON Schema, blocking flags and scoring.

    Args:
        ruleset_id (str):
        version (str):
        if_none_match (None | str | Unset): An ETag from an earlier download: 304 if it is still
            current.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return (
        await asyncio_detailed(
            ruleset_id=ruleset_id,
            version=version,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
