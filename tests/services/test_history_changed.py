""" "History changed the outcome" (issue 15) on every backend: recorded with the decision (covered by
the chain when set), copied into the aggregates, filterable there and in replay selections.

The synthetic rule set (``tests.history_support``) misses its one rule when a child has two or more
earlier concern incidents in 12 months: the third incident about a child is the first whose
outcome history changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, text

from app.db import build_engine, session_scope
from app.models.tables import RECORDS
from app.rules.engine import Facts, RulesetRef
from app.rules.history import HistoryFacts, PersonHistory
from app.rules.history_effect import history_changed, without_history
from app.rules.registry import RulesetRegistry
from app.schemas.replay import ReplayMode, ReplaySelection
from app.services import aggregates, audit
from app.services.replay.jobs import selection_query
from app.settings import Settings
from tests.history_support import VERSION, body, child, history_registry, now, submit


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def registry() -> RulesetRegistry:
    return history_registry()


def three_concerns(engine: Engine, registry: RulesetRegistry) -> None:
    start = now()  # "earlier" is recorded by the later one's as_of: each is evaluated a little ahead
    for i in (1, 2, 3):
        submit(
            engine, registry, body(f"WMP-{i}", [child(ref="NOM-7")], as_of=start + timedelta(minutes=10 * i))
        )


def flags(engine: Engine) -> dict[str | None, bool | None]:
    with session_scope(engine) as session:
        rows = session.execute(select(RECORDS.c.incident_ref, RECORDS.c.history_changed)).all()
    return dict(rows)


def test_only_the_decision_history_changed_is_marked_and_the_chain_covers_it(
    engine: Engine, registry: RulesetRegistry
) -> None:
    three_concerns(engine, registry)
    # WMP-1: history facts, nothing earlier (no second evaluation); WMP-2: one earlier concern, the
    # same outcome without it; WMP-3: two earlier concerns turn the step missing.
    assert flags(engine) == {"WMP-1": False, "WMP-2": False, "WMP-3": True}
    with session_scope(engine) as session:
        assert audit.verify(session).verified
        assert aggregates.check(session.connection(), registry).ok
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("UPDATE decision_record SET history_changed = false WHERE incident_ref = 'WMP-3'"))
    with session_scope(engine) as session:
        assert not audit.verify(session).verified  # the flag is covered by the record's hash


def test_a_rule_set_without_history_records_null(engine: Engine) -> None:
    submit(engine, RulesetRegistry.load(), body("WMP-9", [child(ref="NOM-7")], version=None))
    assert flags(engine) == {"WMP-9": None}


def test_aggregates_count_and_list_the_decisions_history_changed(
    engine: Engine, registry: RulesetRegistry
) -> None:
    three_concerns(engine, registry)
    today = now().date()
    scope = aggregates.Scope("WMP", today - timedelta(days=1), today + timedelta(days=1))
    with session_scope(engine) as session:
        assert aggregates.overview(session, scope, aggregates.Period.month).totals.history_changed == 1
        changed = aggregates.decisions_behind(session, scope, aggregates.DecisionFilter(history_changed=True))
        unchanged = aggregates.decisions_behind(
            session, scope, aggregates.DecisionFilter(history_changed=False)
        )
        with_step = aggregates.decisions_behind(
            session,
            scope,
            aggregates.DecisionFilter(
                step="CFC-SEE-EVERY-CHILD", status=aggregates.Status.missing, history_changed=True
            ),
        )
        everything = aggregates.decisions_behind(session, scope)
        # Rebuilt from the log, the flags and counts are the same.
        aggregates.rebuild(session.connection(), registry)
        assert aggregates.check(session.connection(), registry).ok
        rebuilt = aggregates.decisions_behind(session, scope, aggregates.DecisionFilter(history_changed=True))
    assert [(d.incident_ref, d.history_changed) for d in changed.items] == [("WMP-3", True)]
    assert sorted(str(d.incident_ref) for d in unchanged.items) == ["WMP-1", "WMP-2"]
    assert [d.incident_ref for d in with_step.items] == ["WMP-3"]
    assert len(everything.items) == 3
    assert [d.incident_ref for d in rebuilt.items] == ["WMP-3"]


def test_replay_selects_the_decisions_history_changed(engine: Engine, registry: RulesetRegistry) -> None:
    three_concerns(engine, registry)
    with session_scope(engine) as session:
        for mode in ReplayMode:
            chosen = selection_query(mode, ReplaySelection(history_changed=True), RECORDS.c.incident_ref)
            assert session.execute(chosen).scalars().all() == ["WMP-3"], mode
        other = selection_query(
            ReplayMode.as_recorded,
            ReplaySelection(history_changed=False, force="WMP"),
            RECORDS.c.incident_ref,
        )
        assert sorted(session.execute(other).scalars()) == ["WMP-1", "WMP-2"]


def test_nothing_earlier_is_decided_once_only(registry: RulesetRegistry) -> None:
    person = PersonHistory(
        id="C1",
        linked=True,
        earlier_incidents=3,
        concerns_3m=2,
        concerns_12m=3,
        missing_episodes=1,
        missing_90d=1,
        injuries=1,
        referrals=1,
        last_referral_outcome="early_help",
        open_critical_steps=("CFC-SEE-EVERY-CHILD",),
        suspect_before=True,
        last_incident_at=now().date(),
    )
    facts = HistoryFacts(computed_at=now(), children=(person,))
    blank = without_history(facts)
    assert blank.children[0].linked is True
    assert blank.children[0].earlier_incidents == 0
    assert blank.children[0].open_critical_steps == ()
    assert without_history(blank) == blank

    submission = body("WMP-1", [child(ref="NOM-7")])
    unchanged = history_changed(
        RulesetRegistry([]),  # an evaluation would find no rule set and raise
        Facts.of(submission.checklist),
        None,
        as_of=now(),
        ruleset=RulesetRef("concern-for-a-child", VERSION),
        history=blank,
        result={},
    )
    assert unchanged is False
