"""Replay over stored decisions on every backend: reproduction, tampering, impact, restarts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, select
from sqlmodel import col

from app.models.base import utcnow
from app.models.decision import DecisionRecord
from app.rules import lock
from app.rules.diff import diff_rulesets
from app.rules.lock import Lockfile
from app.rules.registry import RulesetRegistry, load_all
from app.services import demo
from app.services.replay import jobs
from app.services.replay.runner import LostClaim, run_job
from app.services.retention import apply_retention
from tests import replay_support as rs
from tests.synthetic_rulesets import document, rule, write

VOICE = "CFC-VOICE-OF-CHILD"


@pytest.fixture
def two_versions(tmp_path: Path) -> RulesetRegistry:
    """1.0.0 until 2026; 1.1.0 raises VOICE to critical, drops SEE-EVERY-CHILD, adds ALL-ADULTS."""
    root = tmp_path / "rulesets"
    write(root, document("1.0.0", effective_to="2026-01-01"))
    rules = document()["rules"]
    rules[1] = rule(VOICE, severity="critical", severity_reason="Statutory in police protection.")
    rules[2] = rule(
        "CFC-CHECK-ALL-ADULTS",
        severity="critical",
        applies_if="len(adults) > 0",
        missing_if="some(adults, #.checks.done == false)",
        met_if="all(adults, #.checks.done == true)",
    )
    write(root, document("1.1.0", effective_from="2026-01-01", rules=rules))
    lock.lock_path(root).write_text(lock.relock(load_all(root), Lockfile(), "x").dumps(), "utf-8")
    return RulesetRegistry.load(root)


@pytest.fixture
def seeded(db_engine: Engine, registry: RulesetRegistry) -> Engine:
    demo.seed(db_engine, registry, 300, batch=120, closures=False)
    return db_engine


def test_as_recorded_replay_reproduces_every_stored_decision(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    job = rs.run(seeded, registry, mode="as_recorded")
    assert (job.status, job.total, job.processed, job.flagged) == ("succeeded", 300, 300, 0)
    assert job.summary == {"decisions": 300, "reproduced": 300, "failed": 0, "erased": 0}
    results = rs.results(seeded, job.id)
    assert [r["seq"] for r in results] == list(range(1, 301))
    assert all(r["detail"]["stored_hash"] == r["detail"]["replayed_hash"] for r in results)


def test_records_erased_by_retention_are_reported_as_not_reproducible_not_as_failures(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    report = apply_retention(seeded, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    assert report.fields_erased > 0
    job = rs.run(seeded, registry, mode="as_recorded")
    assert job.summary["failed"] == 0
    assert job.summary["erased"] > 0
    assert job.summary["erased"] + job.summary["reproduced"] == 300
    erased = [r for r in rs.results(seeded, job.id) if "erased" in r["detail"]]
    assert len(erased) == job.summary["erased"], "erased records are kept among the flagged results"
    assert all(r["detail"]["reproducible"] is False and r["detail"]["erased"] for r in erased)


def test_an_impact_replay_does_not_count_what_retention_erased_as_a_change(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    # Re-evaluating what is left of an erased input (names, dates of birth, free text gone) would
    # report the erasure as the new version's doing: children "not identified", steps "missing".
    target = {"id": "concern-for-a-child", "version": "1.3.0"}
    before = rs.run(seeded, registry, mode="impact", ruleset=target)
    assert before.summary["erased"] == 0
    before_details = {r["seq"]: r["detail"] for r in rs.results(seeded, before.id)}
    apply_retention(seeded, cutoff=utcnow() + timedelta(seconds=1), now=utcnow())
    with seeded.connect() as conn:
        pointers = dict(conn.execute(select(col(DecisionRecord.seq), col(DecisionRecord.erased))).all())
    erased = {seq for seq, value in pointers.items() if value and orjson.loads(value)}
    assert erased, "the demo's records hold personal content"

    after = rs.run(seeded, registry, mode="impact", ruleset=target)
    assert after.status == "succeeded"
    results = {r["seq"]: r for r in rs.results(seeded, after.id)}
    assert set(results) == set(before_details), "every record is still reported"
    for seq, result in results.items():
        if seq in erased:
            assert result["detail"]["kind"] == "erased"
            assert result["detail"]["erased"] == orjson.loads(pointers[seq] or "[]")
            assert result["flagged"] is True
            assert result["newly_blocking"] is False
        else:
            assert result["detail"] == before_details[seq]
    compared = [d for seq, d in before_details.items() if seq not in erased]
    changed = [d for d in compared if d["changes"] or d["blocking_before"] != d["blocking_after"]]
    newly = [d for d in compared if d["blocking_after"] and not d["blocking_before"]]
    summary = after.summary
    assert (summary["decisions"], summary["erased"]) == (300, len(erased))
    assert (summary["changed"], summary["newly_blocking"]) == (len(changed), len(newly))
    assert (after.processed, after.flagged) == (300, summary["changed"])


def test_an_altered_stored_result_is_a_reproduction_failure_with_both_results(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    rs.tamper_result(seeded, 42, score=100.0, blocking=False)
    job = rs.run(seeded, registry, mode="as_recorded")
    assert (job.status, job.flagged, job.summary["failed"]) == ("succeeded", 1, 1)
    (failure,) = [r for r in rs.results(seeded, job.id) if r["flagged"]]
    assert failure["seq"] == 42
    detail = failure["detail"]
    assert detail["stored_hash"] != detail["replayed_hash"]
    assert detail["stored_result"]["score"] == 100.0
    assert set(detail["differing_fields"]) <= {"score", "blocking"}
    assert detail["differing_fields"]
    for field in detail["differing_fields"]:
        assert detail["stored_result"][field] != detail["replayed_result"][field]


def test_a_stored_result_that_is_not_json_is_a_failure_and_the_job_goes_on(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    rs.overwrite(seeded, 7, result="not json")
    rs.overwrite(seeded, 8, result="[1, 2]")
    job = rs.run(seeded, registry, mode="as_recorded", results="flagged")
    assert (job.status, job.processed, job.flagged) == ("succeeded", 300, 2)
    assert job.summary == {"decisions": 300, "reproduced": 298, "failed": 2, "erased": 0}
    details = {r["seq"]: r["detail"] for r in rs.results(seeded, job.id)}
    assert set(details) == {7, 8}
    for detail in details.values():
        assert detail["kind"] == "error"
        assert detail["error"] == "the stored result is not a JSON object"
        assert detail["stored_result"] is None


def test_an_impact_replay_reports_a_record_it_cannot_re_evaluate_and_goes_on(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    # One unreadable record of a national log must not cost the whole job.
    target = {"id": "concern-for-a-child", "version": "1.3.0"}
    first = rs.run(seeded, registry, mode="impact", ruleset=target)
    before = {r["seq"]: r["detail"] for r in rs.results(seeded, first.id) if r["seq"] not in (5, 6)}
    rs.overwrite(seeded, 5, input="{not json")
    rs.overwrite(seeded, 6, result="not json")
    job = rs.run(seeded, registry, mode="impact", ruleset=target)
    assert (job.status, job.processed) == ("succeeded", 300)
    results = {r["seq"]: r for r in rs.results(seeded, job.id)}
    reasons = {
        5: "ValueError: stored facts must be a JSON object",
        6: "the stored result is not a JSON object",
    }
    for seq, message in reasons.items():
        result = results[seq]
        assert result["detail"]["kind"] == "error"
        assert result["detail"]["error"] == message
        assert result["flagged"] is True
    assert results[5]["detail"]["stored_result"] == orjson.loads(rs.stored_result(seeded, 5))
    assert results[6]["detail"]["stored_result"] is None
    assert {seq: r["detail"] for seq, r in results.items() if seq not in reasons} == before
    summary = job.summary
    assert (summary["decisions"], summary["errors"], summary["erased"]) == (300, 2, 0)
    changed = [d for d in before.values() if d["changes"] or d["blocking_before"] != d["blocking_after"]]
    assert summary["changed"] == len(changed)
    assert job.flagged == summary["changed"]


def test_erased_pointers_that_cannot_be_read_are_an_error_in_either_mode(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    rs.overwrite(seeded, 3, erased="not json")
    rs.overwrite(seeded, 4, erased='{"/children/0/full_name": true}')
    as_recorded = rs.run(seeded, registry, mode="as_recorded", results="flagged")
    target = {"id": "concern-for-a-child", "version": "1.3.0"}
    impact = rs.run(seeded, registry, mode="impact", ruleset=target, results="flagged")
    assert as_recorded.summary == {"decisions": 300, "reproduced": 298, "failed": 2, "erased": 0}
    assert (impact.status, impact.summary["errors"], impact.summary["erased"]) == ("succeeded", 2, 0)
    for job in (as_recorded, impact):
        errors = {r["seq"]: r["detail"] for r in rs.results(seeded, job.id) if r["detail"]["kind"] == "error"}
        assert set(errors) == {3, 4}
        assert {d["error"] for d in errors.values()} == {
            "the record's erased pointers are not a JSON list of text"
        }
        assert errors[3]["stored_result"] == orjson.loads(rs.stored_result(seeded, 3))


def test_an_error_result_names_where_the_input_is_wrong_but_quotes_none_of_it(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    # Recomputing history validates the stored input as a checklist; a record stored before a bound
    # was enforced fails that, and the error stored with its result must not carry the name.
    records = select(col(DecisionRecord.seq), col(DecisionRecord.input)).order_by(col(DecisionRecord.seq))
    with seeded.connect() as conn:
        rows = conn.execute(records).all()
    seq, checklist = next((seq, c) for seq, text in rows if (c := orjson.loads(text)).get("children"))
    name = "Ada Synthetic-Example " * 12  # over the schema's 200 characters
    checklist["children"][0]["full_name"] = name
    rs.overwrite(seeded, seq, input=orjson.dumps(checklist).decode())
    target = {"id": "concern-for-a-child", "version": "1.3.0"}
    job = rs.run(seeded, registry, mode="impact", ruleset=target, history="recomputed")
    assert (job.status, job.summary["errors"]) == ("succeeded", 1)
    (failed,) = [r for r in rs.results(seeded, job.id) if r["detail"]["kind"] == "error"]
    assert failed["seq"] == seq
    error = failed["detail"]["error"]
    assert error.startswith(
        "ValidationError: children.0.full_name: String should have at most 200 characters"
    )
    assert "Ada" not in error


def test_replay_never_changes_stored_decisions(seeded: Engine, registry: RulesetRegistry) -> None:
    hashes = select(col(DecisionRecord.hash)).order_by(col(DecisionRecord.seq))
    with seeded.connect() as conn:
        before = conn.execute(hashes).scalars().all()
    rs.run(seeded, registry, mode="as_recorded")
    rs.run(seeded, registry, mode="impact", ruleset={"id": "concern-for-a-child", "version": "1.0.0"})
    with seeded.connect() as conn:
        after = conn.execute(hashes).scalars().all()
    assert after == before


def test_impact_replay_reports_exactly_what_the_diff_predicts(
    db_engine: Engine, two_versions: RulesetRegistry
) -> None:
    demo.seed(db_engine, two_versions, 300, batch=150, closures=False)
    old, new = (
        two_versions.get("concern-for-a-child", "1.0.0"),
        two_versions.get("concern-for-a-child", "1.1.0"),
    )
    diff = diff_rulesets(old, new)
    severity = {c.rule_id: c for s in diff.steps for c in s.changed if "severity" in c.categories}
    added = {r.rule_id for s in diff.steps for r in s.added}
    removed = {r.rule_id for s in diff.steps for r in s.removed}
    job = rs.run(
        db_engine,
        two_versions,
        mode="impact",
        ruleset={"id": "concern-for-a-child", "version": "1.1.0"},
        selection={"to_date": "2025-12-31"},
    )
    assert job.status == "succeeded"
    assert job.total is not None
    assert 0 < job.total < 300  # only incidents decided under 1.0.0
    with db_engine.connect() as conn:
        stored = {
            row.seq: orjson.loads(row.result)
            for row in conn.execute(select(col(DecisionRecord.seq), col(DecisionRecord.result)))
        }
    by_kind: dict[str, int] = {}
    for result in rs.results(db_engine, job.id):
        findings = {f["rule_id"]: f for f in stored[result["seq"]]["findings"]}
        assert stored[result["seq"]]["ruleset"]["version"] == "1.0.0"
        predicted = {(rid, "severity_changed") for rid in severity if rid in findings}
        predicted |= {(rid, "disappeared") for rid in removed if rid in findings}
        changes = result["detail"]["changes"]
        appeared = {(c["rule_id"], c["kind"]) for c in changes if c["kind"] == "appeared"}
        assert {(c["rule_id"], c["kind"]) for c in changes} - appeared == predicted
        assert {rid for rid, _ in appeared} <= added
        for change in changes:
            by_kind[change["kind"]] = by_kind.get(change["kind"], 0) + 1
            if change["kind"] == "severity_changed":
                fc = next(c for c in severity[change["rule_id"]].changes if c.field == "severity")
                assert (change["severity_before"], change["severity_after"]) == (fc.before, fc.after)
                assert change["outcome_before"] == change["outcome_after"]
        assert result["flagged"] == bool(changes) or (
            result["detail"]["blocking_before"] != result["detail"]["blocking_after"]
        )
    assert by_kind.get("severity_changed", 0) > 0
    assert by_kind.get("disappeared", 0) > 0
    totals = job.summary
    assert sum(sum(v.values()) for v in totals["by_step"].values()) == sum(by_kind.values())
    assert totals["by_step"][VOICE] == {"severity_changed": by_kind["severity_changed"]}
    assert totals["newly_blocking"] == sum(r["newly_blocking"] for r in rs.results(db_engine, job.id))


def test_selection_by_force_hook_and_incident(seeded: Engine, registry: RulesetRegistry) -> None:
    with seeded.connect() as conn:
        rows = conn.execute(select(col(DecisionRecord.incident_ref), col(DecisionRecord.context))).all()
    east = [r for r in rows if r.incident_ref.startswith("EAS-")]
    regrade = [r for r in rows if '"hook":"call.regrade_or_close"' in r.context]
    assert rs.run(seeded, registry, mode="as_recorded", selection={"force": "EASTVALE"}).total == len(east)
    by_hook = rs.run(seeded, registry, mode="as_recorded", selection={"hook": "call.regrade_or_close"})
    assert by_hook.total == len(regrade) > 0
    refs = [rows[0].incident_ref, rows[5].incident_ref]
    chosen = rs.run(seeded, registry, mode="as_recorded", selection={"incident_refs": refs})
    assert sorted(r["incident_ref"] for r in rs.results(seeded, chosen.id)) == sorted(refs)


def test_a_selection_to_the_calendars_last_day_selects_every_decision(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    selection = {"from_date": "0001-01-01", "to_date": "9999-12-31"}
    job = rs.run(seeded, registry, mode="as_recorded", selection=selection)
    assert (job.status, job.total, job.processed, job.flagged) == ("succeeded", 300, 300, 0)


def test_a_job_that_cannot_be_split_into_parts_fails_and_the_jobs_behind_it_run(
    seeded: Engine, registry: RulesetRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = rs.create(seeded, registry, mode="as_recorded")
    behind = rs.create(seeded, registry, mode="as_recorded")
    planned = jobs.plan

    def plan(session: Any, job: Any, part_size: int) -> tuple[int, list[tuple[int, int]]]:
        if job.id == broken:  # as a date past the calendar's end once did
            raise OverflowError("date value out of range")
        return planned(session, job, part_size)

    monkeypatch.setattr(jobs, "plan", plan)
    # Not the oldest queued job, failing again at every poll of every worker: it fails, once.
    assert jobs.claim(seeded, "w", stale_after=timedelta(seconds=60)) == behind
    failed = rs.job(seeded, broken)
    assert (failed.status, failed.processed, failed.total) == ("failed", 0, None)
    assert failed.error == "the job could not be split into parts: OverflowError: date value out of range"
    assert run_job(seeded, registry, behind, "w")
    assert rs.job(seeded, behind).status == "succeeded"


def test_an_interrupted_job_resumes_from_its_last_batch_with_nothing_twice(
    seeded: Engine, registry: RulesetRegistry
) -> None:
    job_id = rs.create(
        seeded, registry, mode="impact", ruleset={"id": "concern-for-a-child", "version": "1.0.0"}
    )
    assert jobs.claim(seeded, "dies", stale_after=timedelta(seconds=60), job_id=job_id) == job_id
    batches = iter([False, False, True])  # the process "dies" after two batches of 50
    assert not run_job(seeded, registry, job_id, "dies", batch_size=50, should_stop=lambda: next(batches))
    halfway = rs.job(seeded, job_id)
    assert (halfway.status, halfway.processed) == ("running", 100)
    # A live heartbeat keeps others off; once stale, the next worker takes the job over.
    assert jobs.claim(seeded, "next", stale_after=timedelta(seconds=60)) is None
    assert jobs.claim(seeded, "next", stale_after=timedelta(0)) == job_id
    with pytest.raises(LostClaim):  # the presumed-dead worker wakes up: it must not write
        run_job(seeded, registry, job_id, "dies", batch_size=50)
    assert run_job(seeded, registry, job_id, "next", batch_size=70)
    done = rs.job(seeded, job_id)
    assert (done.status, done.processed, done.attempts) == ("succeeded", 300, 2)
    assert [r["seq"] for r in rs.results(seeded, job_id)] == list(range(1, 301))
    fresh = rs.run(seeded, registry, mode="impact", ruleset={"id": "concern-for-a-child", "version": "1.0.0"})
    assert done.summary == fresh.summary


def test_a_job_interrupted_too_often_is_marked_failed(seeded: Engine, registry: RulesetRegistry) -> None:
    job_id = rs.create(seeded, registry, mode="as_recorded")
    for attempt in range(jobs.MAX_ATTEMPTS):
        assert jobs.claim(seeded, f"w{attempt}", stale_after=timedelta(0)) == job_id
    assert jobs.claim(seeded, "last", stale_after=timedelta(0)) is None
    failed = rs.job(seeded, job_id)
    assert failed.status == "failed"
    assert "interrupted 3 times" in (failed.error or "")


def test_a_released_job_is_queued_again_and_resumes(seeded: Engine, registry: RulesetRegistry) -> None:
    job_id = rs.create(seeded, registry, mode="as_recorded")
    assert jobs.claim(seeded, "a", stale_after=timedelta(seconds=60), job_id=job_id) == job_id
    stops = iter([False, True])
    assert not run_job(seeded, registry, job_id, "a", batch_size=100, should_stop=lambda: next(stops))
    # One batch written: 100 decisions, on PostgreSQL replayed from two reads of the stream.
    assert rs.job(seeded, job_id).processed == 100
    jobs.release(seeded, job_id, "a")
    assert rs.job(seeded, job_id).status == "queued"
    assert jobs.claim(seeded, "b", stale_after=timedelta(seconds=60)) == job_id
    assert run_job(seeded, registry, job_id, "b", batch_size=100)
    assert rs.job(seeded, job_id).summary == {"decisions": 300, "reproduced": 300, "failed": 0, "erased": 0}


def test_impact_of_1_1_0_on_decisions_made_under_1_0_0_is_what_its_diff_says(
    db_engine: Engine, registry: RulesetRegistry
) -> None:
    """Police-protection incidents only: VOICE findings move to the new rule (same outcome, now
    critical) and PP-INFORM-CHILD-WISHES findings go from high to critical. Nothing else changes."""
    demo.seed(db_engine, registry, 300, batch=150, closures=False)
    job = rs.run(
        db_engine,
        registry,
        mode="impact",
        ruleset={"id": "concern-for-a-child", "version": "1.1.0"},
        selection={"to_date": "2026-06-30"},
    )
    assert job.status == "succeeded"
    with db_engine.connect() as conn:
        stored = {
            row.seq: (orjson.loads(row.input), orjson.loads(row.result))
            for row in conn.execute(
                select(col(DecisionRecord.seq), col(DecisionRecord.input), col(DecisionRecord.result))
            )
        }
    moved = raised = 0
    for result in rs.results(db_engine, job.id):
        facts, before = stored[result["seq"]]
        assert before["ruleset"]["version"] == "1.0.0"
        findings = {f["rule_id"]: f for f in before["findings"]}
        pp = ((facts.get("actions") or {}).get("police_protection") or {}).get("used") is True
        expected = set()
        if pp and VOICE in findings:
            outcome = findings[VOICE]["outcome"]
            expected |= {
                (VOICE, "disappeared", "high", None, outcome, None),
                (f"{VOICE}.police-protection", "appeared", None, "critical", None, outcome),
            }
            moved += 1
        if "PP-INFORM-CHILD-WISHES" in findings:
            outcome = findings["PP-INFORM-CHILD-WISHES"]["outcome"]
            expected.add(("PP-INFORM-CHILD-WISHES", "severity_changed", "high", "critical", outcome, outcome))
            raised += 1
        changes = {
            (
                c["rule_id"],
                c["kind"],
                c["severity_before"],
                c["severity_after"],
                c["outcome_before"],
                c["outcome_after"],
            )
            for c in result["detail"]["changes"]
        }
        assert changes == expected, result["incident_ref"]
    assert moved > 0
    assert raised > 0
    assert job.summary["by_step"][VOICE] == {"disappeared": moved, "appeared": moved}
