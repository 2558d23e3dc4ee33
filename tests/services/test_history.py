"""Person history on every backend: linking, force scope, rotation, pinning for replay, privacy."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, func, select

from app.db import GroupWriter, build_engine, session_scope
from app.models.tables import ERASURES, PERSON_HISTORY, RECORDS
from app.rules import replay
from app.rules.canonical import canonical_json
from app.rules.engine import RulesetRef
from app.rules.errors import RulesetNotFound
from app.rules.registry import RulesetRegistry
from app.services import audit, history, submissions
from app.services.retention import apply_retention
from app.settings import Settings
from tests import replay_support as rs
from tests.history_support import body, child, history_registry, history_ruleset, now, pseudonymiser, submit
from tests.synthetic_rulesets import compiled, document

PERSONAL = ("Ada Example", "NOM-200114", "LOC-0048213", "Earlier free text about Ada", "2019-03-04")


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(db_settings.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def registry() -> RulesetRegistry:
    return history_registry()


def used(stored_response: str) -> dict[str, Any]:
    facts: dict[str, Any] = orjson.loads(stored_response)["history"]
    return facts


def first_child(stored_response: str) -> dict[str, Any]:
    person: dict[str, Any] = used(stored_response)["children"][0]
    return person


def test_links_by_force_reference_normalised(engine: Engine, registry: RulesetRegistry) -> None:
    submit(engine, registry, body("WMP-1", [child(ref="NOM-200114", injuries_observed=True)]))
    later = submit(engine, registry, body("WMP-2", [child("C7", ref="nom-200114")]))
    person = first_child(later.response)
    assert person["id"] == "C7"
    assert person["linked"] is True
    assert (person["earlier_incidents"], person["concerns_12m"], person["injuries"]) == (1, 1, 1)
    assert person["last_incident_at"] == now().date().isoformat()
    assert used(later.response)["address"]["concerns_12m"] == 1


def test_a_batch_counts_each_item_with_the_history_of_the_items_before_it(
    engine: Engine, registry: RulesetRegistry
) -> None:
    """Queued submissions reading history are evaluated in device-time order, each in the group
    writer's transaction in its turn: the second sees the first (sent after it in the request,
    earlier on the device)."""
    first = body("WMP-1", [child(ref="NOM-9")], as_of=now() + timedelta(minutes=1))
    second = body("WMP-2", [child(ref="NOM-9")], as_of=now() + timedelta(minutes=2))
    items = [
        {**b.model_dump(mode="json", exclude_none=True), "incident_ref": b.checklist.incident.reference}
        for b in (second, first)
    ]
    writer = GroupWriter(engine)
    writer.start()
    try:
        outcomes = submissions.submit_batch(
            writer, registry, items, requested_by="test", pseudonymiser=pseudonymiser()
        )
    finally:
        writer.stop()
    applied = {o.incident_ref: o for o in outcomes if isinstance(o, submissions.Applied)}
    assert set(applied) == {"WMP-1", "WMP-2"}
    counts = {ref: first_child(a.response)["earlier_incidents"] for ref, a in applied.items()}
    assert counts == {"WMP-1": 0, "WMP-2": 1}


def test_links_by_name_and_date_of_birth_normalised(engine: Engine, registry: RulesetRegistry) -> None:
    submit(engine, registry, body("WMP-1", [child(name="Ada  Example", born="2019-03-04")]))
    # Full-width letters, other case, other spacing: the same person after NFKC and case folding.
    same = child(name="\uff21DA example", born="2019-03-04")
    other_birthday = child("C2", name="Ada Example", born="2019-03-05")
    no_birthday = child("C3", name="Ada Example")
    later = submit(engine, registry, body("WMP-2", [same, other_birthday, no_birthday]))
    people = used(later.response)["children"]
    assert [(p["id"], p["linked"], p["earlier_incidents"]) for p in people] == [
        ("C1", True, 1),
        ("C2", True, 0),
        ("C3", False, 0),
    ]


def test_the_incident_never_counts_itself_and_each_earlier_incident_counts_once(
    engine: Engine, registry: RulesetRegistry
) -> None:
    submit(engine, registry, body("WMP-1", [child(ref="NOM-1")]))
    submit(engine, registry, body("WMP-1", [child(ref="NOM-1")]))  # its second revision
    again = submit(engine, registry, body("WMP-1", [child(ref="NOM-1")]))
    assert first_child(again.response)["earlier_incidents"] == 0
    other = submit(engine, registry, body("WMP-2", [child(ref="NOM-1")]))
    assert first_child(other.response)["earlier_incidents"] == 1


def test_a_repeat_concern_changes_the_decision(engine: Engine, registry: RulesetRegistry) -> None:
    outcomes = []
    for n in range(3):
        stored = submit(engine, registry, body(f"WMP-{n}", [child(ref="NOM-1")]))
        outcomes.append([f["rule_id"] for f in orjson.loads(stored.response)["evaluation"]["findings"]])
    assert outcomes == [[], [], ["CFC-SEE-EVERY-CHILD"]]  # the third concern in 12 months


def test_no_link_across_forces_unless_they_share(engine: Engine, registry: RulesetRegistry) -> None:
    submit(engine, registry, body("WMP-1", [child(ref="NOM-1")], force="WMP"))
    alone = submit(engine, registry, body("WAR-1", [child(ref="NOM-1")], force="WAR"))
    assert first_child(alone.response)["earlier_incidents"] == 0
    sharing = pseudonymiser(shared={"WMP": ("WAR", "WMP"), "WAR": ("WAR", "WMP")})
    shared = submit(engine, registry, body("WAR-2", [child(ref="NOM-1")], force="WAR"), sharing)
    # WMP-1 through the group, and WAR-1 (the force's own).
    assert first_child(shared.response)["earlier_incidents"] == 2
    third = submit(engine, registry, body("NTH-1", [child(ref="NOM-1")], force="NTH"), sharing)
    assert first_child(third.response)["earlier_incidents"] == 0


def test_no_link_after_rotation_unless_the_previous_secret_is_listed(
    engine: Engine, registry: RulesetRegistry
) -> None:
    old, new = "old-history-secret-abcdefghijklmnopqrstuv", "new-history-secret-abcdefghijklmnopqrstuv"
    submit(engine, registry, body("WMP-1", [child(ref="NOM-1")]), pseudonymiser(old))
    rotated = submit(engine, registry, body("WMP-2", [child(ref="NOM-1")]), pseudonymiser(new))
    assert first_child(rotated.response)["earlier_incidents"] == 0
    mapped = submit(engine, registry, body("WMP-3", [child(ref="NOM-1")]), pseudonymiser(new, (old,)))
    assert first_child(mapped.response)["earlier_incidents"] == 2
    with session_scope(engine) as session:
        keys = session.execute(select(PERSON_HISTORY.c.key_id).distinct()).scalars().all()
    assert sorted(keys) == sorted({history.key_id(old.encode()), history.key_id(new.encode())})


def test_the_lookup_on_the_driver_reads_what_the_statement_reads(
    engine: Engine, registry: RulesetRegistry
) -> None:
    """``lookup`` runs ``LOOKUP`` on the DBAPI cursor: the same rows and values as ``conn.execute``
    for any number of forces and pseudonyms, the incident itself still left out."""
    for n, force in enumerate(("WMP", "WAR", "WMP", "WMP")):
        people = [child(ref="NOM-1"), child("C2", ref=f"NOM-{n}")]
        submit(engine, registry, body(f"{force}-{n}", people, force=force))
    p = pseudonymiser()

    def of(force: str, *refs: str) -> list[str]:
        return sorted({c for r in refs for c in p.candidates(force, history.Identifier("person", "ref", r))})

    cases = [
        (["WMP"], of("WMP", "nom-1"), "WMP-9", 3),
        (["WMP"], of("WMP", "nom-1"), "WMP-2", 2),  # WMP-2 is the incident evaluated
        (["WAR", "WMP"], of("WMP", "nom-1", "nom-0", "nom-3") + of("WAR", "nom-1"), "WMP-9", 7),
    ]
    with engine.connect() as conn:
        for forces, pseudonyms, ref, rows in cases:
            params = {"forces": forces, "pseudonyms": pseudonyms, "as_of": now() + timedelta(hours=1)}
            params |= {"x_force": "WMP", "x_ref": ref}
            expected = [tuple(row) for row in conn.execute(history.LOOKUP, params).all()]
            got = history._run_lookup(conn, params)
            assert len(got) == rows
            assert sorted(got) == sorted(expected)
            assert all(row[history._AS_OF].tzinfo is UTC for row in got)


def test_rows_hold_pseudonyms_only(engine: Engine, registry: RulesetRegistry) -> None:
    adult = {
        "id": "A1",
        "roles": ["parent", "suspect"],
        "full_name": "Sam Sample",
        "date_of_birth": "1990-01-01",
    }
    submit(engine, registry, body("WMP-1", [child(ref="NOM-200114")], adults=[adult]))
    with session_scope(engine) as session:
        rows = session.execute(select(PERSON_HISTORY)).mappings().all()
    assert sorted((r["subject"], r["local_id"], r["basis"], r["suspect"]) for r in rows) == [
        ("address", None, "address", False),
        ("adult", "A1", "name_dob", True),
        ("child", "C1", "ref", False),
    ]
    stored = repr([dict(r) for r in rows]).casefold()
    for text in ("nom-200114", "sam sample", "1990-01-01", "loc-0048213"):
        assert text not in stored


def test_as_recorded_replay_uses_the_history_as_it_was(engine: Engine, registry: RulesetRegistry) -> None:
    base = now()
    submit(engine, registry, body("WMP-1", [child(ref="NOM-1")], as_of=base))
    # Evaluated at base + 1 hour with one earlier concern: the rule is met.
    decided = submit(engine, registry, body("WMP-2", [child(ref="NOM-1")], as_of=base + timedelta(hours=1)))
    assert first_child(decided.response)["concerns_12m"] == 1
    # History grows: another incident is recorded before that decision's as_of.
    submit(engine, registry, body("WMP-3", [child(ref="NOM-1")], as_of=base))
    with session_scope(engine) as session:
        record = session.execute(select(RECORDS).where(RECORDS.c.incident_ref == "WMP-2")).mappings().one()
        recomputed = history.lookup(
            session.connection(),
            pseudonymiser(),
            body("WMP-2", [child(ref="NOM-1")]).checklist,
            base + timedelta(hours=1),
        )
    assert recomputed.children[0].concerns_12m == 2  # today's history would flag it
    context = orjson.loads(record["context"])
    assert context["history"]["children"][0]["concerns_12m"] == 1
    ruleset = registry.get("concern-for-a-child", "9.0.0")
    version = record["checklist_schema_version"]
    replayed = replay.reevaluate(ruleset, record["input"], context, version)
    assert record["result"].encode() == canonical_json(replayed.model_dump(mode="json"))  # reproduced
    # An impact replay that recomputes history sees the pattern.
    impact = replay.reevaluate(ruleset, record["input"], context, version, history=recomputed)
    assert [f.rule_id for f in impact.findings] == ["CFC-SEE-EVERY-CHILD"]


def test_history_windows_start_no_earlier_than_the_calendars_first_moment(
    engine: Engine, registry: RulesetRegistry
) -> None:
    first = datetime.min.replace(tzinfo=UTC) + timedelta(hours=1)  # reported 30 minutes before
    # The address's windows (3 and 12 months back) begin at 0001-01-01T00:00Z: nothing before it.
    stored = submit(engine, registry, body("WMP-1", [child(ref="NOM-1")], as_of=first))
    assert used(stored.response)["address"] == {
        "linked": True,
        "concerns_3m": 0,
        "concerns_12m": 0,
        "domestic_12m": 0,
        "last_incident_at": None,
    }


def test_records_of_rule_sets_without_history_keep_their_context(
    engine: Engine, registry: RulesetRegistry
) -> None:
    builtin = RulesetRegistry.load()
    stored = submit(engine, builtin, body("WMP-1", [child(ref="NOM-1")], version="1.2.0"))
    assert "history" not in orjson.loads(stored.response)
    with session_scope(engine) as session:
        context = session.execute(select(RECORDS.c.context)).scalar_one()
        rows = session.execute(select(func.count()).select_from(PERSON_HISTORY)).scalar_one()
    assert set(orjson.loads(context)) == {"hook", "as_of"}
    assert rows == 2  # the child and the address: history accrues under every rule set


def test_nothing_of_an_earlier_incident_reaches_a_response_or_a_log(
    engine: Engine, registry: RulesetRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    earlier = child(ref="NOM-200114", name="Ada Example", born="2019-03-04", injuries_observed=True)
    submit(engine, registry, body("WMP-EARLIER-9", [earlier], notes="Earlier free text about Ada"))
    caplog.clear()
    later = submit(engine, registry, body("WMP-2", [child(ref="NOM-200114")], address_ref="LOC-0048213"))
    assert first_child(later.response)["earlier_incidents"] == 1
    facts = orjson.dumps(used(later.response)).decode()
    for text in (*PERSONAL, "WMP-EARLIER-9"):
        assert text not in facts
        assert text not in caplog.text
    assert "WMP-EARLIER-9" not in later.response


def test_content_erasure_leaves_history_and_its_own_retention_removes_it(
    engine: Engine, registry: RulesetRegistry
) -> None:
    submit(engine, registry, body("WMP-1", [child(name="Ada Example", born="2019-03-04")]))
    # The checklist's content is erased (names, dates of birth): its history rows stay.
    erased = apply_retention(engine, cutoff=now() + timedelta(hours=1), now=now())
    assert erased.decisions_erased == 1
    assert erased.history_rows_deleted == 0
    with session_scope(engine) as session:
        record_input = session.execute(select(RECORDS.c.input)).scalar_one()
    assert "Ada Example" not in record_input
    later = submit(engine, registry, body("WMP-2", [child(name="Ada Example", born="2019-03-04")]))
    assert first_child(later.response)["earlier_incidents"] == 1
    # Past their own period, the rows go: nothing links any more.
    dry = apply_retention(
        engine, cutoff=now(), now=now(), dry_run=True, history_cutoff=now() + timedelta(hours=1)
    )
    assert dry.history_rows_deleted == 4  # a child and the address, twice
    gone = apply_retention(
        engine, cutoff=now(), now=now(), history_cutoff=now() + timedelta(hours=1), batch_size=3
    )
    assert gone.history_rows_deleted == 4
    third = submit(engine, registry, body("WMP-3", [child(name="Ada Example", born="2019-03-04")]))
    assert first_child(third.response)["earlier_incidents"] == 0
    with session_scope(engine) as session:
        report = audit.verify(session)
        entries = session.execute(
            select(ERASURES.c.history_rows, ERASURES.c.records).where(ERASURES.c.history_rows.is_not(None))
        ).all()
    # Each deleting batch is an entry of the erasure log (a chain verify checks).
    assert report.verified is True
    assert sorted(tuple(e) for e in entries) == [(1, 0), (3, 0)]


def test_an_impact_replay_says_whether_it_recomputed_history(engine: Engine) -> None:
    before = compiled(document("8.0.0"))  # reads no history
    registry = RulesetRegistry([before, history_ruleset()])
    p = history.default_pseudonymiser()  # what the replay worker counts with
    for n in range(3):
        submit(engine, registry, body(f"WMP-{n}", [child(ref="NOM-1")], version="8.0.0"), p)
    target = {"id": "concern-for-a-child", "version": "9.0.0"}
    stored = rs.run(engine, registry, mode="impact", ruleset=target)
    recomputed = rs.run(engine, registry, mode="impact", ruleset=target, history="recomputed")
    assert (stored.history, recomputed.history) == ("stored", "recomputed")
    # Only with history counted again does the third incident show the repeat concern.
    # Stored: these decisions were made without history, so the rule that reads it cannot tell.
    # Recomputed: counted now, at each decision's as_of (after all three were recorded), each
    # incident has two earlier concerns, and the repeat-concern step is missing.
    assert "CFC-SEE-EVERY-CHILD" not in stored.summary["by_step"]
    assert recomputed.summary["by_step"]["CFC-SEE-EVERY-CHILD"] == {"outcome_changed": 3}
    changed = [
        (r["incident_ref"], c["outcome_after"])
        for r in rs.results(engine, recomputed.id)
        for c in r["detail"]["changes"]
        if c["rule_id"] == "CFC-SEE-EVERY-CHILD"
    ]
    assert changed == [("WMP-0", "missing"), ("WMP-1", "missing"), ("WMP-2", "missing")]


def test_whether_a_reference_may_read_history_is_remembered_as_the_versions_answer_it() -> None:
    """``may_read_history`` per registry and id: the answer of its versions, for registries with
    and without a history-reading version, asked twice; an unknown id raises each time."""
    for registry in (RulesetRegistry.load(), history_registry(), RulesetRegistry([])):
        for ruleset_id in [*registry.ids(), "concern-for-a-child"]:
            ref = RulesetRef(ruleset_id, None)
            try:
                plain = any(history.reads_history(v) for v in registry.versions(ruleset_id))
            except RulesetNotFound:
                for _ in range(2):
                    with pytest.raises(RulesetNotFound):
                        history.may_read_history(registry, ref)
                continue
            assert [history.may_read_history(registry, ref) for _ in range(2)] == [plain, plain]
    assert history.may_read_history(history_registry(), RulesetRef(history_ruleset().document.id, None))
