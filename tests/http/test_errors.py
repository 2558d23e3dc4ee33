"""The one error table: looked up along the exception's MRO, rendered with status, body and headers."""

from __future__ import annotations

import logging

import pytest
from fastapi import HTTPException
from sqlalchemy.exc import OperationalError

from app.errors import DatabaseBusy, IncidentNotFound, InvalidItem, StaleRevision
from app.http.errors import render
from app.rules.errors import RulesetNotFound


class NarrowerNotFound(IncidentNotFound):
    """A subclass nobody listed: it answers as its nearest listed base."""


def test_a_subclass_answers_as_its_listed_base() -> None:
    rendered = render(NarrowerNotFound("WMP-1"))
    assert (rendered.status, rendered.body.error) == (404, "incident_not_found")
    assert rendered.body.message == "Incident not found."  # never the reference the client sent


def test_a_stale_write_names_the_current_revision_in_body_and_etag() -> None:
    rendered = render(StaleRevision("WMP-1", expected=2, current=3))
    assert rendered.status == 412
    assert rendered.headers == {"ETag": '"3"'}
    assert rendered.body.detail == {"incident_ref": "WMP-1", "expected_revision": 2, "current_revision": 3}
    assert render(StaleRevision("WMP-1", expected=2, current=0)).headers is None


def test_busy_database_asks_for_a_retry_whichever_way_it_is_reported() -> None:
    locked = OperationalError("INSERT ...", {}, Exception("database is locked"))
    for exc in (DatabaseBusy(), locked):
        rendered = render(exc)
        assert (rendered.status, rendered.body.error, rendered.headers) == (
            503,
            "database_busy",
            {"Retry-After": "1"},
        )


def test_http_exceptions_keep_their_status_and_headers() -> None:
    rendered = render(HTTPException(429, "slow down", headers={"Retry-After": "2"}))
    assert (rendered.status, rendered.body.error, rendered.body.message) == (429, "rate_limited", "slow down")
    assert rendered.headers == {"Retry-After": "2"}


def test_a_batch_item_gets_field_paths_under_its_prefix() -> None:
    item = InvalidItem([{"loc": ("checklist", "children", 0, "seen"), "msg": "bad", "type": "bool_parsing"}])
    rendered = render(item, prefix="body.items[3].")
    assert rendered.status == 422
    assert [f.path for f in rendered.body.fields or []] == ["body.items[3].checklist.children[0].seen"]


def test_unknown_errors_are_logged_500s_and_never_echo_their_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="safesteps.errors"):
        rendered = render(KeyError("Jane Doe"))
    assert (rendered.status, rendered.body.error) == (500, "internal_error")
    assert "Jane Doe" not in rendered.body.message
    assert [r.message for r in caplog.records] == ["unhandled error"]
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="safesteps.errors"):
        assert render(KeyError("x"), log_it=False).status == 500  # the access audit's status lookup
    assert caplog.records == []


def test_rules_errors_are_in_the_table() -> None:
    assert render(RulesetNotFound("concern-for-a-child", "9.9.9")).status == 404
