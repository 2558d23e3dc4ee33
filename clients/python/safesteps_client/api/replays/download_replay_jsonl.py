from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: str,
    *,
    flagged_only: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["flagged_only"] = flagged_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/replays/{job_id}/results.jsonl".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorBody | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient,
    flagged_only: bool | Unset = False,
) -> Response[Any | ErrorBody]:
    """Download Replay Jsonl

     Every result as JSON Lines, streamed.

    Args:
        job_id (str):
        flagged_only (bool | Unset): Only flagged results: reproduction failures (as recorded) or
            changed incidents (impact), and in both modes the decisions not re-made (erased by
            retention, or unreadable). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        flagged_only=flagged_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient,
    flagged_only: bool | Unset = False,
) -> Any | ErrorBody | None:
    """Download Replay Jsonl

     Every result as JSON Lines, streamed.

    Args:
        job_id (str):
        flagged_only (bool | Unset): Only flagged results: reproduction failures (as recorded) or
            changed incidents (impact), and in both modes the decisions not re-made (erased by
            retention, or unreadable). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        flagged_only=flagged_only,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient,
    flagged_only: bool | Unset = False,
) -> Response[Any | ErrorBody]:
    """Download Replay Jsonl

     Every result as JSON Lines, streamed.

    Args:
        job_id (str):
        flagged_only (bool | Unset): Only flagged results: reproduction failures (as recorded) or
            changed incidents (impact), and in both modes the decisions not re-made (erased by
            retention, or unreadable). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        flagged_only=flagged_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient,
    flagged_only: bool | Unset = False,
) -> Any | ErrorBody | None:
    """Download Replay Jsonl

     Every result as JSON Lines, streamed.

    Args:
        job_id (str):
        flagged_only (bool | Unset): Only flagged results: reproduction failures (as recorded) or
            changed incidents (impact), and in both modes the decisions not re-made (erased by
            retention, or unreadable). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            flagged_only=flagged_only,
        )
    ).parsed
