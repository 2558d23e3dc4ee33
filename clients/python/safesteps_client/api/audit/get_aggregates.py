import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aggregate_overview import AggregateOverview
from ...models.error_body import ErrorBody
from ...models.period import Period
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: Period | Unset = UNSET,
    step: None | str | Unset = UNSET,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_step: None | str | Unset
    if isinstance(step, Unset):
        json_step = UNSET
    else:
        json_step = step
    params["step"] = json_step

    json_force: None | str | Unset
    if isinstance(force, Unset):
        json_force = UNSET
    else:
        json_force = force
    params["force"] = json_force

    json_from_date: None | str | Unset
    if isinstance(from_date, Unset):
        json_from_date = UNSET
    elif isinstance(from_date, datetime.date):
        json_from_date = from_date.isoformat()
    else:
        json_from_date = from_date
    params["from_date"] = json_from_date

    json_to_date: None | str | Unset
    if isinstance(to_date, Unset):
        json_to_date = UNSET
    elif isinstance(to_date, datetime.date):
        json_to_date = to_date.isoformat()
    else:
        json_to_date = to_date
    params["to_date"] = json_to_date

    json_hook: None | str | Unset
    if isinstance(hook, Unset):
        json_hook = UNSET
    else:
        json_hook = hook
    params["hook"] = json_hook

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit/aggregates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AggregateOverview | ErrorBody | None:
    if response.status_code == 200:
        response_200 = AggregateOverview.from_dict(response.json())

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
) -> Response[AggregateOverview | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    step: None | str | Unset = UNSET,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> Response[AggregateOverview | ErrorBody]:
    """Get Aggregates

     Counts of findings by step, outcome (missing split by basis), severity, hook, force and period;
    blocking rate; share of closures with a critical step open; rule-set versions used.

    Args:
        period (Period | Unset):
        step (None | str | Unset): Count `series` for this step only.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregateOverview | ErrorBody]
    """

    kwargs = _get_kwargs(
        period=period,
        step=step,
        force=force,
        from_date=from_date,
        to_date=to_date,
        hook=hook,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    step: None | str | Unset = UNSET,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> AggregateOverview | ErrorBody | None:
    """Get Aggregates

     Counts of findings by step, outcome (missing split by basis), severity, hook, force and period;
    blocking rate; share of closures with a critical step open; rule-set versions used.

    Args:
        period (Period | Unset):
        step (None | str | Unset): Count `series` for this step only.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregateOverview | ErrorBody
    """

    return sync_detailed(
        client=client,
        period=period,
        step=step,
        force=force,
        from_date=from_date,
        to_date=to_date,
        hook=hook,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    step: None | str | Unset = UNSET,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> Response[AggregateOverview | ErrorBody]:
    """Get Aggregates

     Counts of findings by step, outcome (missing split by basis), severity, hook, force and period;
    blocking rate; share of closures with a critical step open; rule-set versions used.

    Args:
        period (Period | Unset):
        step (None | str | Unset): Count `series` for this step only.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregateOverview | ErrorBody]
    """

    kwargs = _get_kwargs(
        period=period,
        step=step,
        force=force,
        from_date=from_date,
        to_date=to_date,
        hook=hook,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    step: None | str | Unset = UNSET,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> AggregateOverview | ErrorBody | None:
    """Get Aggregates

     Counts of findings by step, outcome (missing split by basis), severity, hook, force and period;
    blocking rate; share of closures with a critical step open; rule-set versions used.

    Args:
        period (Period | Unset):
        step (None | str | Unset): Count `series` for this step only.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregateOverview | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            step=step,
            force=force,
            from_date=from_date,
            to_date=to_date,
            hook=hook,
        )
    ).parsed
