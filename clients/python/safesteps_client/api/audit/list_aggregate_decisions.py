import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_list import DecisionList
from ...models.error_body import ErrorBody
from ...models.list_aggregate_decisions_severity_type_0 import ListAggregateDecisionsSeverityType0
from ...models.list_aggregate_decisions_status_type_0 import ListAggregateDecisionsStatusType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    step: None | str | Unset = UNSET,
    status: ListAggregateDecisionsStatusType0 | None | Unset = UNSET,
    severity: ListAggregateDecisionsSeverityType0 | None | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    closed_critical: bool | Unset = False,
    history_changed: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_step: None | str | Unset
    if isinstance(step, Unset):
        json_step = UNSET
    else:
        json_step = step
    params["step"] = json_step

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListAggregateDecisionsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_severity: None | str | Unset
    if isinstance(severity, Unset):
        json_severity = UNSET
    elif isinstance(severity, ListAggregateDecisionsSeverityType0):
        json_severity = severity.value
    else:
        json_severity = severity
    params["severity"] = json_severity

    json_blocking: bool | None | Unset
    if isinstance(blocking, Unset):
        json_blocking = UNSET
    else:
        json_blocking = blocking
    params["blocking"] = json_blocking

    params["closed_critical"] = closed_critical

    json_history_changed: bool | None | Unset
    if isinstance(history_changed, Unset):
        json_history_changed = UNSET
    else:
        json_history_changed = history_changed
    params["history_changed"] = json_history_changed

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

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
        "url": "/v1/audit/aggregates/decisions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionList | ErrorBody | None:
    if response.status_code == 200:
        response_200 = DecisionList.from_dict(response.json())

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
) -> Response[DecisionList | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    step: None | str | Unset = UNSET,
    status: ListAggregateDecisionsStatusType0 | None | Unset = UNSET,
    severity: ListAggregateDecisionsSeverityType0 | None | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    closed_critical: bool | Unset = False,
    history_changed: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> Response[DecisionList | ErrorBody]:
    """List Aggregate Decisions

     The decisions behind a number of the aggregates, newest first.

    Args:
        step (None | str | Unset):
        status (ListAggregateDecisionsStatusType0 | None | Unset): With a finding of this status
            (met outcomes are counted, not listed).
        severity (ListAggregateDecisionsSeverityType0 | None | Unset):
        blocking (bool | None | Unset):
        closed_critical (bool | Unset): Closures (`incident.close`) with a critical step open.
            Default: False.
        history_changed (bool | None | Unset): Decisions made with history facts whose outcome
            they changed (true) or did not change (false): the same evaluation as if nobody had an
            earlier incident differs.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ErrorBody]
    """

    kwargs = _get_kwargs(
        step=step,
        status=status,
        severity=severity,
        blocking=blocking,
        closed_critical=closed_critical,
        history_changed=history_changed,
        cursor=cursor,
        limit=limit,
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
    step: None | str | Unset = UNSET,
    status: ListAggregateDecisionsStatusType0 | None | Unset = UNSET,
    severity: ListAggregateDecisionsSeverityType0 | None | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    closed_critical: bool | Unset = False,
    history_changed: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> DecisionList | ErrorBody | None:
    """List Aggregate Decisions

     The decisions behind a number of the aggregates, newest first.

    Args:
        step (None | str | Unset):
        status (ListAggregateDecisionsStatusType0 | None | Unset): With a finding of this status
            (met outcomes are counted, not listed).
        severity (ListAggregateDecisionsSeverityType0 | None | Unset):
        blocking (bool | None | Unset):
        closed_critical (bool | Unset): Closures (`incident.close`) with a critical step open.
            Default: False.
        history_changed (bool | None | Unset): Decisions made with history facts whose outcome
            they changed (true) or did not change (false): the same evaluation as if nobody had an
            earlier incident differs.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ErrorBody
    """

    return sync_detailed(
        client=client,
        step=step,
        status=status,
        severity=severity,
        blocking=blocking,
        closed_critical=closed_critical,
        history_changed=history_changed,
        cursor=cursor,
        limit=limit,
        force=force,
        from_date=from_date,
        to_date=to_date,
        hook=hook,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    step: None | str | Unset = UNSET,
    status: ListAggregateDecisionsStatusType0 | None | Unset = UNSET,
    severity: ListAggregateDecisionsSeverityType0 | None | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    closed_critical: bool | Unset = False,
    history_changed: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> Response[DecisionList | ErrorBody]:
    """List Aggregate Decisions

     The decisions behind a number of the aggregates, newest first.

    Args:
        step (None | str | Unset):
        status (ListAggregateDecisionsStatusType0 | None | Unset): With a finding of this status
            (met outcomes are counted, not listed).
        severity (ListAggregateDecisionsSeverityType0 | None | Unset):
        blocking (bool | None | Unset):
        closed_critical (bool | Unset): Closures (`incident.close`) with a critical step open.
            Default: False.
        history_changed (bool | None | Unset): Decisions made with history facts whose outcome
            they changed (true) or did not change (false): the same evaluation as if nobody had an
            earlier incident differs.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ErrorBody]
    """

    kwargs = _get_kwargs(
        step=step,
        status=status,
        severity=severity,
        blocking=blocking,
        closed_critical=closed_critical,
        history_changed=history_changed,
        cursor=cursor,
        limit=limit,
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
    step: None | str | Unset = UNSET,
    status: ListAggregateDecisionsStatusType0 | None | Unset = UNSET,
    severity: ListAggregateDecisionsSeverityType0 | None | Unset = UNSET,
    blocking: bool | None | Unset = UNSET,
    closed_critical: bool | Unset = False,
    history_changed: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    force: None | str | Unset = UNSET,
    from_date: datetime.date | None | Unset = UNSET,
    to_date: datetime.date | None | Unset = UNSET,
    hook: None | str | Unset = UNSET,
) -> DecisionList | ErrorBody | None:
    """List Aggregate Decisions

     The decisions behind a number of the aggregates, newest first.

    Args:
        step (None | str | Unset):
        status (ListAggregateDecisionsStatusType0 | None | Unset): With a finding of this status
            (met outcomes are counted, not listed).
        severity (ListAggregateDecisionsSeverityType0 | None | Unset):
        blocking (bool | None | Unset):
        closed_critical (bool | Unset): Closures (`incident.close`) with a critical step open.
            Default: False.
        history_changed (bool | None | Unset): Decisions made with history facts whose outcome
            they changed (true) or did not change (false): the same evaluation as if nobody had an
            earlier incident differs.
        cursor (None | str | Unset): `next_cursor` of the previous page; omit for the first page.
        limit (int | Unset):  Default: 50.
        force (None | str | Unset):
        from_date (datetime.date | None | Unset): First UTC day counted (default: a year ago).
        to_date (datetime.date | None | Unset): Last UTC day counted (default: today).
        hook (None | str | Unset): A hook, or `all` (every rule evaluated).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            step=step,
            status=status,
            severity=severity,
            blocking=blocking,
            closed_critical=closed_critical,
            history_changed=history_changed,
            cursor=cursor,
            limit=limit,
            force=force,
            from_date=from_date,
            to_date=to_date,
            hook=hook,
        )
    ).parsed
