from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.ruleset_diff import RulesetDiff
from ...types import UNSET, Response


def _get_kwargs(
    ruleset_id: str,
    *,
    from_: str,
    to: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/rulesets/{ruleset_id}/diff".format(
            ruleset_id=quote(str(ruleset_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RulesetDiff | None:
    if response.status_code == 200:
        response_200 = RulesetDiff.from_dict(response.json())

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
) -> Response[ErrorBody | RulesetDiff]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ruleset_id: str,
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
) -> Response[ErrorBody | RulesetDiff]:
    """Diff Ruleset Versions

     Rules added, removed and changed between two versions, with what changed, grouped by step.

    Args:
        ruleset_id (str):
        from_ (str): The older version, e.g. 1.0.0.
        to (str): The newer version, e.g. 1.1.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RulesetDiff]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ruleset_id: str,
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
) -> ErrorBody | RulesetDiff | None:
    """Diff Ruleset Versions

     Rules added, removed and changed between two versions, with what changed, grouped by step.

    Args:
        ruleset_id (str):
        from_ (str): The older version, e.g. 1.0.0.
        to (str): The newer version, e.g. 1.1.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RulesetDiff
    """

    return sync_detailed(
        ruleset_id=ruleset_id,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    ruleset_id: str,
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
) -> Response[ErrorBody | RulesetDiff]:
    """Diff Ruleset Versions

     Rules added, removed and changed between two versions, with what changed, grouped by step.

    Args:
        ruleset_id (str):
        from_ (str): The older version, e.g. 1.0.0.
        to (str): The newer version, e.g. 1.1.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RulesetDiff]
    """

    kwargs = _get_kwargs(
        ruleset_id=ruleset_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ruleset_id: str,
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
) -> ErrorBody | RulesetDiff | None:
    """Diff Ruleset Versions

     Rules added, removed and changed between two versions, with what changed, grouped by step.

    Args:
        ruleset_id (str):
        from_ (str): The older version, e.g. 1.0.0.
        to (str): The newer version, e.g. 1.1.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RulesetDiff
    """

    return (
        await asyncio_detailed(
            ruleset_id=ruleset_id,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
