"""Aggregates equal a direct count over the decision log, on every backend, and after retention.

``direct`` below counts from the stored records themselves, independently of
``app.services.aggregates``, so that the derived tables are checked against the log, not against
the code that derives them.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Date, Engine, literal, literal_column, select

from app.db import begin_write, session_scope
from app.errors import OutsideForce
from app.models.base import utcnow
from app.models.tables import RECORDS
from app.rules.registry import RulesetRegistry
from app.services import aggregates, demo
from app.services.retention import apply_retention
from tests.auth import Credentials
from tests.submissions import submission, url

UNTIL = datetime(2026, 11, 30, tzinfo=UTC)
WINDOW = {"from_date": "2025-01-01", "to_date": "2026-12-31"}


def direct(engine: Engine, registry: RulesetRegistry, force: str | None = None) -> dict[str, Any]:
    """Counts straight from ``decision_record``: by step and status, totals, and who is behind them."""
    steps: Counter[tuple[str, str]] = Counter()
    behind: dict[tuple[str, str], set[str]] = {}
    totals: Counter[str] = Counter()
    step_of: dict[str, dict[str, str]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(RECORDS).order_by(RECORDS.c.seq)).mappings():
            facts, result = orjson.loads(row["input"]), orjson.loads(row["result"])
            if force is not None and facts["incident"]["force"] != force:
                continue
            key = f"{row['ruleset_id']}@{row['ruleset_version']}"
            if key not in step_of:
                rules = registry.get(row["ruleset_id"], row["ruleset_version"]).document.rules
                step_of[key] = {r.id: r.step for r in rules}
            totals["decisions"] += 1
            totals["blocking"] += result["blocking"]
            hook = orjson.loads(row["context"])["hook"]
            critical = any(f["severity"] == "critical" for f in result["findings"])
            if hook == "incident.close":
                totals["closures"] += 1
                totals["closures_critical_open"] += critical
            basis = {f["rule_id"]: f.get("basis", "recorded") for f in result["findings"]}
            for rule_id, outcome in result["outcomes"].items():
                status = "not_recorded" if basis.get(rule_id) == "not_recorded" else outcome
                steps[(step_of[key][rule_id], status)] += 1
                if status in ("missing", "not_recorded", "unknown"):
                    behind.setdefault((step_of[key][rule_id], status), set()).add(row["decision_id"])
    return {"steps": steps, "behind": behind, "totals": totals}


def from_api(client: TestClient, headers: dict[str, str], **params: str) -> dict[str, Any]:
    response = client.get("/v1/audit/aggregates", params={**WINDOW, **params}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    steps: Counter[tuple[str, str]] = Counter()
    for entry in body["by_step"]:
        for status in ("met", "missing", "not_recorded", "unknown", "not_applicable"):
            if entry[status]:
                steps[(entry["step_id"], status)] = entry[status]
    body["steps"] = steps
    return body


def listed(client: TestClient, headers: dict[str, str], **params: str) -> set[str]:
    """Every page of a list; each decision appears once."""
    found: list[str] = []
    cursor: str | None = None
    while True:
        query = {**WINDOW, "limit": "500", **params, **({"cursor": cursor} if cursor else {})}
        response = client.get("/v1/audit/aggregates/decisions", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        found += [item["decision_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            assert len(found) == len(set(found))
            return set(found)


@pytest.fixture
def seeded(db_client: TestClient, db_engine: Engine, registry: RulesetRegistry) -> Engine:
    demo.seed(db_engine, registry, 160, until=UNTIL, days=400, batch=70)
    return db_engine


def assert_matches_log(
    client: TestClient, creds: Credentials, engine: Engine, registry: RulesetRegistry
) -> dict[str, Any]:
    auditor = creds.headers("auditor")
    expected = direct(engine, registry)
    body = from_api(client, auditor)
    assert body["steps"] == +expected["steps"]
    totals = body["totals"]
    for name in ("decisions", "blocking", "closures", "closures_critical_open"):
        assert totals[name] == expected["totals"][name], name
    assert 0 < totals["closures_critical_open"] < totals["closures"]  # the demo mixes good and poor
    assert sum(p["decisions"] for p in body["series"]) == totals["decisions"]
    assert sum(p["met"] for p in body["series"]) == sum(
        n for (_, s), n in expected["steps"].items() if s == "met"
    )
    # The list behind a number: exactly the decisions with that finding.
    (step, status), decisions = max(expected["behind"].items(), key=lambda kv: len(kv[1]))
    assert listed(client, auditor, step=step, status=status) == decisions
    # A step with two rules (one finding row each): small pages still list each decision once.
    two_rules = expected["behind"][("SUP-INDEPENDENT-SUPERVISION", "missing")]
    assert (
        listed(client, auditor, step="SUP-INDEPENDENT-SUPERVISION", status="missing", limit="3") == two_rules
    )
    with session_scope(engine=engine) as session:
        report = aggregates.check(session.connection(), registry)
    assert report.ok, report.examples
    return body


def test_aggregates_equal_a_direct_count_over_the_log(
    db_client: TestClient, db_creds: Credentials, seeded: Engine, registry: RulesetRegistry
) -> None:
    body = assert_matches_log(db_client, db_creds, seeded, registry)
    assert set(body["by_force"]) == {"NORTHSHIRE", "EASTVALE", "WESTMARCH", "SOUTHDALE"}
    assert [r["ruleset"] for r in body["rulesets"]] == [
        "concern-for-a-child@1.0.0",
        "concern-for-a-child@1.1.0",
    ]


def test_after_retention_erasure_content_is_gone_and_the_counts_are_the_same(
    db_client: TestClient, db_creds: Credentials, seeded: Engine, registry: RulesetRegistry
) -> None:
    before = assert_matches_log(db_client, db_creds, seeded, registry)
    report = apply_retention(seeded, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert report.fields_erased > 0
    after = assert_matches_log(db_client, db_creds, seeded, registry)
    assert after == before
    with session_scope(engine=seeded) as session:  # and rebuilt from the erased log: the same again
        assert aggregates.rebuild(begin_write(session), registry) == before["totals"]["decisions"]
    assert assert_matches_log(db_client, db_creds, seeded, registry) == before


def test_check_finds_a_tampered_count(seeded: Engine, registry: RulesetRegistry) -> None:
    with session_scope(engine=seeded) as session:
        conn = begin_write(session)
        conn.execute(aggregates.STEP_DAYS.update().values(n=aggregates.STEP_DAYS.c.n + 1))
    with session_scope(engine=seeded) as session:
        report = aggregates.check(session.connection(), registry)
    assert not report.ok
    assert report.mismatches["audit_step_day"] > 0


def test_a_force_bound_auditor_counts_only_its_force(
    db_client: TestClient, db_creds: Credentials, seeded: Engine, registry: RulesetRegistry
) -> None:
    bound = db_creds.headers("auditor", force="EASTVALE")
    body = from_api(db_client, bound)
    assert body["force"] == "EASTVALE"
    assert list(body["by_force"]) == ["EASTVALE"]
    assert body["steps"] == +direct(seeded, registry, force="EASTVALE")["steps"]
    other = db_client.get("/v1/audit/aggregates", params={"force": "WESTMARCH"}, headers=bound)
    assert other.status_code == 403
    assert other.json()["error"] == "outside_force"
    items = db_client.get(
        "/v1/audit/aggregates/decisions", params={**WINDOW, "blocking": "true"}, headers=bound
    )
    assert items.status_code == 200
    assert items.json()["items"]
    assert {i["force"] for i in items.json()["items"]} == {"EASTVALE"}
    assert all(i["blocking"] for i in items.json()["items"])


def test_reads_of_aggregates_are_in_the_access_audit(db_client: TestClient, db_creds: Credentials) -> None:
    auditor = db_creds.headers("auditor")
    assert db_client.get("/v1/audit/aggregates", headers=auditor).status_code == 200
    assert db_client.get("/v1/audit/aggregates/decisions", headers=auditor).status_code == 200
    events = db_client.get("/v1/audit/access", params={"action": "audit.aggregates"}, headers=auditor).json()[
        "items"
    ]
    assert [e["action"] for e in events] == ["audit.aggregates", "audit.aggregates"]


@pytest.mark.parametrize(
    "query",
    ["to_date=0001-01-01", "to_date=0001-01-02&period=week", "from_date=9999-12-01&to_date=9999-12-31"],
)
def test_days_at_the_calendars_ends_are_counted_not_an_error(
    db_client: TestClient, db_creds: Credentials, query: str
) -> None:
    auditor = db_creds.headers("auditor")
    overview = db_client.get(f"/v1/audit/aggregates?{query}", headers=auditor)
    assert overview.status_code == 200, overview.text
    asked = dict(part.split("=") for part in query.split("&"))
    assert overview.json()["to_date"] == asked["to_date"]
    assert overview.json()["from_date"] == asked.get("from_date", "0001-01-01")
    assert overview.json()["totals"]["decisions"] == 0
    listed = db_client.get(f"/v1/audit/aggregates/decisions?{query}", headers=auditor)
    assert listed.status_code == 200, listed.text
    assert listed.json()["items"] == []


def test_periods_bucket_by_week_and_month() -> None:
    assert aggregates.period_start(date(2026, 11, 26), aggregates.Period.week) == date(2026, 11, 23)
    assert aggregates.period_start(date(2026, 11, 26), aggregates.Period.month) == date(2026, 11, 1)
    assert aggregates.period_start(date(2026, 11, 26), aggregates.Period.day) == date(2026, 11, 26)


def test_submissions_write_their_aggregates_in_the_same_transaction(
    db_client: TestClient, db_creds: Credentials, db_engine: Engine, registry: RulesetRegistry
) -> None:
    """Single and batch submissions (and an idempotent retry, which stores nothing) through the API:
    the aggregates match the log afterwards, and a submission that fails leaves neither behind."""
    first = db_client.post(url("WMP-20261122-0042"), json=submission("WMP-20261122-0042"))
    assert first.status_code == 201, first.text
    retry_headers = {"Idempotency-Key": "ui-agg-1"}
    body = submission("WMP-20261122-0043", referral_made=True)
    assert db_client.post(url("WMP-20261122-0043"), json=body, headers=retry_headers).status_code == 201
    assert db_client.post(url("WMP-20261122-0043"), json=body, headers=retry_headers).status_code == 201
    items = [{**submission(f"WMP-20261122-00{n}"), "incident_ref": f"WMP-20261122-00{n}"} for n in (44, 45)]
    assert db_client.post("/v1/checklists:batch", json={"items": items}).json()["applied"] == 2
    stale = db_client.post(
        url("WMP-20261122-0042"), json={**submission("WMP-20261122-0042"), "base_revision": 0}
    )
    assert stale.status_code == 412
    with session_scope(engine=db_engine) as session:
        report = aggregates.check(session.connection(), registry)
    assert report.ok, report.examples
    assert report.records == 4
    today = from_api(
        db_client, db_creds.headers("auditor"), from_date=str(utcnow().date()), to_date=str(utcnow().date())
    )
    assert today["totals"]["decisions"] == 4  # recorded at the server's time of receipt
    assert today["steps"] == +direct(db_engine, registry)["steps"]


@pytest.mark.parametrize("period", list(aggregates.Period))
def test_the_database_buckets_periods_as_python_does(db_engine: Engine, period: aggregates.Period) -> None:
    days = [date(2026, 11, 22) + timedelta(days=i) for i in range(-40, 10)]  # Sundays, month ends...
    column = literal_column("d", Date)
    with db_engine.connect() as conn:
        for day in days:
            value = conn.execute(
                select(aggregates.bucket(column, period, conn.dialect.name)).select_from(
                    select(literal(day, Date).label("d")).subquery()
                )
            ).scalar_one()
            assert value == aggregates.period_start(day, period), day


def test_period_ends() -> None:
    assert aggregates.period_end(date(2026, 2, 1), aggregates.Period.month) == date(2026, 2, 28)
    assert aggregates.period_end(date(2026, 12, 1), aggregates.Period.month) == date(2026, 12, 31)
    assert aggregates.period_end(date(2026, 11, 23), aggregates.Period.week) == date(2026, 11, 29)
    # Periods at the calendar's end stop at its last day.
    assert aggregates.period_end(date(9999, 12, 1), aggregates.Period.month) == date.max
    assert aggregates.period_end(date(9999, 12, 27), aggregates.Period.week) == date.max
    assert aggregates.period_end(date(9999, 12, 20), aggregates.Period.week) == date(9999, 12, 26)


def test_a_scope_defaults_to_a_year_and_is_confined_to_the_readers_force() -> None:
    today = date(2026, 11, 30)
    year = aggregates.scope_for(None, today=today)
    assert (year.force, year.from_day, year.to_day, year.hook) == (None, date(2025, 12, 1), today, None)
    ending = aggregates.scope_for(None, to_day=date(2026, 6, 30), today=today)
    assert (ending.from_day, ending.to_day) == (date(2025, 7, 1), date(2026, 6, 30))
    asked = aggregates.scope_for(
        None, force="WMP", from_day=date(2026, 1, 1), hook="scene.leave", today=today
    )
    assert asked == aggregates.Scope("WMP", date(2026, 1, 1), today, "scene.leave")
    # A year back from a day in the calendar's first year starts on its first day.
    early = aggregates.scope_for(None, to_day=date(1, 3, 1), today=today)
    assert (early.from_day, early.to_day) == (date.min, date(1, 3, 1))
    assert aggregates.scope_for(None, to_day=date(1, 12, 31)).from_day == date.min
    assert aggregates.scope_for(None, to_day=date(2, 1, 1)).from_day == date(1, 1, 2)
    assert aggregates.scope_for("WMP", today=today).force == "WMP"  # none asked: the reader's own
    assert aggregates.scope_for("WMP", force="WMP", today=today).force == "WMP"
    with pytest.raises(OutsideForce) as refused:
        aggregates.scope_for("WMP", force="GMP", today=today)
    assert refused.value.field == "query.force"


def test_a_decision_filter_reads_the_status_by_name() -> None:
    assert aggregates.DecisionFilter.parse() == aggregates.EVERY_DECISION
    assert not aggregates.EVERY_DECISION.on_findings
    parsed = aggregates.DecisionFilter.parse(step="S1.2", status="not_recorded", blocking=False)
    assert parsed == aggregates.DecisionFilter("S1.2", aggregates.Status.not_recorded, None, False, False)
    assert parsed.on_findings
    assert aggregates.DecisionFilter(severity="high").on_findings
    assert not aggregates.DecisionFilter(blocking=True, closed_critical=True).on_findings


@pytest.mark.parametrize("path", ["/v1/audit/aggregates", "/v1/audit/aggregates/decisions"])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from_date=2026-10-01&to_date=2026-01-01", "to_date is before from_date"),
        ("from_date=9999-12-31", "to_date (today when not given) is before from_date"),
    ],
)
def test_days_the_wrong_way_round_are_422_naming_the_field(
    db_client: TestClient, db_creds: Credentials, path: str, query: str, message: str
) -> None:
    refused = db_client.get(f"{path}?{query}", headers=db_creds.headers("auditor"))
    assert refused.status_code == 422
    expected = {"path": "query.to_date", "message": message, "type": "range_reversed"}
    assert refused.json()["fields"] == [expected]


def _assert_filtered_by(answer: Any, **echoed: str) -> None:
    """A filter the aggregates took: the overview names it back; the list answers a page."""
    assert answer.status_code == 200, answer.text
    body = answer.json()
    if "items" in body:
        assert body["items"] == []  # nothing submitted here
        assert body["next_cursor"] is None
    else:
        assert {k: body[k] for k in echoed} == echoed


@pytest.mark.parametrize("path", ["/v1/audit/aggregates", "/v1/audit/aggregates/decisions"])
def test_a_step_id_no_rule_set_has_is_422_not_a_count_of_nothing(
    db_client: TestClient, db_creds: Credentials, path: str
) -> None:
    auditor = db_creds.headers("auditor")
    _assert_filtered_by(
        db_client.get(path, params={"step": "CFC-SEE-EVERY-CHILD"}, headers=auditor),
        step="CFC-SEE-EVERY-CHILD",
    )
    refused = db_client.get(path, params={"step": "CFC-SEE-EVERY-CHLID"}, headers=auditor)
    assert refused.status_code == 422
    (problem,) = refused.json()["fields"]
    assert (problem["path"], problem["type"]) == ("query.step", "unknown_step")
    assert "CHLID" not in refused.text


@pytest.mark.parametrize("path", ["/v1/audit/aggregates", "/v1/audit/aggregates/decisions"])
def test_a_hook_the_rule_sets_do_not_have_is_422_and_all_is_one(
    db_client: TestClient, db_creds: Credentials, path: str
) -> None:
    auditor = db_creds.headers("auditor")
    for hook in ("scene.depart", "all"):  # ``all``: decisions that evaluated every rule
        _assert_filtered_by(db_client.get(path, params={"hook": hook}, headers=auditor), hook=hook)
    refused = db_client.get(path, params={"hook": "scene.deprat"}, headers=auditor)
    assert refused.status_code == 422
    (problem,) = refused.json()["fields"]
    assert (problem["path"], problem["type"]) == ("query.hook", "unknown_hook")
