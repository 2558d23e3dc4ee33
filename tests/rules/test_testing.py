"""`safesteps rules test`: rule-set cases as data, failures and outcome coverage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app.rules.registry import BUILTIN_RULESETS, load_file
from app.rules.testing import Case, Covered, Expected, Report, run, run_case
from tests.rules.helpers import (
    RULESET_ID,
    checklist,
    condition_rule,
    document,
    language_rule,
    write_cases,
    write_ruleset,
)
from tests.rules.semantics2 import due_rule

SEEN = checklist(children=[{"id": "C1", "seen": True}])
NOT_SEEN = checklist(children=[{"id": "C1", "seen": False}])
NOT_RECORDED = checklist(children=[{"id": "C1"}])


def case(name: str, facts: dict[str, Any], **expect: str) -> dict[str, Any]:
    return {"name": name, "checklist": facts, "expect": expect}


def full_cases() -> list[dict[str, Any]]:
    return [
        case("seen", SEEN, **{"T-SEEN": "met"}),
        case("not-seen", NOT_SEEN, **{"T-SEEN": "missing"}),
        case("not-recorded", NOT_RECORDED, **{"T-SEEN": "unknown"}),
    ]


def test_real_rule_sets_pass_with_full_coverage() -> None:
    report = run(BUILTIN_RULESETS)
    assert report.problems == []
    assert report.failures == []
    assert report.rule_coverage == 100.0
    assert report.ok


def test_all_cases_passing_with_full_coverage(tmp_path: Path) -> None:
    write_cases(write_ruleset(tmp_path, [condition_rule()]), "seen.yaml", full_cases())
    report = run(tmp_path)
    assert report.ok
    [ruleset] = report.rulesets
    assert (ruleset.cases, ruleset.passed) == (3, 3)
    assert report.rule_coverage == report.outcome_coverage == 100.0


def test_a_wrong_expectation_is_a_failure_naming_case_rule_expected_and_actual(tmp_path: Path) -> None:
    cases = [*full_cases(), case("claims-met", NOT_SEEN, **{"T-SEEN": "met"})]
    cases_file = write_cases(write_ruleset(tmp_path, [condition_rule()]), "seen.yaml", cases)
    report = run(tmp_path)
    [failure] = report.failures
    assert (failure.case, failure.rule_id, failure.expected, failure.actual) == (
        "claims-met",
        "T-SEEN",
        Expected.met,
        Expected.missing,
    )
    assert str(failure) == f"{cases_file}: case claims-met: T-SEEN: expected met, got missing"
    assert not report.ok
    assert report.rule_coverage == 100.0  # the failure alone makes the run fail


def test_coverage_gap_when_an_outcome_is_never_asserted(tmp_path: Path) -> None:
    write_cases(write_ruleset(tmp_path, [condition_rule()]), "seen.yaml", full_cases()[:2])
    report = run(tmp_path)
    assert report.failures == []
    [rule] = report.rules
    assert rule.gaps == [Covered.unknown]
    assert report.rule_coverage == 0.0
    assert round(report.outcome_coverage, 1) == 66.7
    assert not report.ok


def test_a_failing_case_covers_nothing(tmp_path: Path) -> None:
    cases = full_cases()
    cases[2] = {**cases[2], "expect": {"T-SEEN": "unknown", "T-OTHER": "met"}}
    other = condition_rule("T-OTHER", met_if="all(children, #.identified == true)")
    write_cases(write_ruleset(tmp_path, [condition_rule(), other]), "seen.yaml", cases)
    report = run(tmp_path)
    assert [f.rule_id for f in report.failures] == ["T-OTHER"]
    seen = next(r for r in report.rules if r.rule_id == "T-SEEN")
    assert seen.gaps == [Covered.unknown]  # its unknown was asserted only by the failing case


def test_outcomes_that_happen_but_are_not_asserted_do_not_count(tmp_path: Path) -> None:
    other = condition_rule("T-OTHER", met_if="all(children, #.identified == true)")
    write_cases(write_ruleset(tmp_path, [condition_rule(), other]), "seen.yaml", full_cases())
    report = run(tmp_path)
    other_coverage = next(r for r in report.rules if r.rule_id == "T-OTHER")
    assert other_coverage.seen == set()
    assert report.rule_coverage == 50.0


def test_never_unknown_rules_and_language_rules_need_no_unknown_case(tmp_path: Path) -> None:
    rule = condition_rule(never_unknown="Applies only when every child's seen answer is recorded.")
    lang = language_rule()
    path = write_ruleset(tmp_path, [rule, lang])
    notes = {"supervision": {"notes": "a lifestyle choice"}}
    clean = {"supervision": {"notes": "child at risk"}}
    write_cases(
        path,
        "cases.yaml",
        [
            *full_cases()[:2],
            {
                "name": "flagged",
                "hook": "narrative.lint",
                "checklist": checklist(actions=notes),
                "expect": {"T-LANG": "missing"},
            },
            {
                "name": "clean",
                "hook": "narrative.lint",
                "checklist": checklist(actions=clean),
                "expect": {"T-LANG": "met"},
            },
        ],
    )
    report = run(tmp_path)
    assert report.ok, (report.problems, report.failures)
    assert [r.required for r in report.rules] == [(Covered.met, Covered.missing)] * 2


def problems_of(report: Report) -> list[tuple[str | None, str, str]]:
    return [(p.case, p.field, p.message) for p in report.problems]


def test_unknown_rule_id_in_expect_is_an_error(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    write_cases(path, "seen.yaml", [*full_cases(), case("typo", SEEN, **{"T-SEN": "met"})])
    report = run(tmp_path)
    assert problems_of(report) == [("typo", "expect.T-SEN", "no rule T-SEN in test-rules@1.0.0")]
    assert not report.ok


def test_rule_not_evaluated_at_the_case_hook_is_an_error(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    wrong_hook = {**case("wrong-hook", SEEN, **{"T-SEEN": "met"}), "hook": "call.intake"}
    write_cases(path, "seen.yaml", [*full_cases(), wrong_hook])
    assert problems_of(run(tmp_path)) == [
        ("wrong-hook", "expect.T-SEEN", "rule is not evaluated at hook call.intake")
    ]


def test_invalid_case_fields_name_file_case_and_field(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    bad = [
        *full_cases(),
        {**case("bad-outcome", SEEN, **{"T-SEEN": "done"})},
        {**case("bad-hook", SEEN, **{"T-SEEN": "met"}), "hook": "scene.leave"},
        case("bad-checklist", checklist(children=[{"id": "C1", "seen": "yes please"}]), **{"T-SEEN": "met"}),
        {**case("extra", SEEN, **{"T-SEEN": "met"}), "expected": {}},
        case("seen", SEEN, **{"T-SEEN": "met"}),  # duplicate name
    ]
    cases_file = write_cases(path, "seen.yaml", bad)
    report = run(tmp_path)
    found = problems_of(report)
    assert ("bad-outcome", "expect.T-SEEN", found[0][2]) in found
    assert ("extra", "expected", "Extra inputs are not permitted") in found
    assert all(str(p).startswith(f"{cases_file}: case ") for p in report.problems)
    # Pydantic rejected the file as a whole: fix those first, then the per-case checks run.
    write_cases(path, "seen.yaml", [bad[i] for i in (0, 1, 2, 4, 5, 7)])
    found = problems_of(run(tmp_path))
    assert ("bad-hook", "hook", "unknown hook 'scene.leave'") in found
    assert any(c == "bad-checklist" and f == "checklist.children.0.seen" for c, f, _ in found)
    assert ("seen", "name", "case name is not unique in the file") in found


def test_missing_cases_folder_and_unreadable_file(tmp_path: Path) -> None:
    path = write_ruleset(tmp_path, [condition_rule()])
    report = run(tmp_path)
    assert problems_of(report) == [(None, "cases", "no case files (*.yaml)")]
    write_cases(path, "broken.yaml", {"cases": "not a list"})
    assert problems_of(run(tmp_path))[0][1] == "cases"


def test_a_broken_rule_set_is_reported_not_raised(tmp_path: Path) -> None:
    write_ruleset(tmp_path, [condition_rule(met_if="all(children, #.sen == true)")])
    report = run(tmp_path)
    [problem] = report.problems
    assert problem.field == "rule set"
    assert "children[].sen" in problem.message


def test_as_of_and_hook_reach_the_engine(tmp_path: Path) -> None:
    rule = condition_rule(
        hooks=["scene.depart"],
        applies_if="incident.reported_at != null",
        missing_if="d(context.as_of).diff(d(incident.reported_at), 'hour') > 72",
        met_if="d(context.as_of).diff(d(incident.reported_at), 'hour') <= 72",
    )
    facts = checklist()
    facts["incident"]["reported_at"] = "2025-03-01T00:00:00Z"
    late = {
        **case("late", facts, **{"T-SEEN": "missing"}),
        "as_of": "2025-03-05T00:00:00Z",
        "hook": "scene.depart",
    }
    on_time = case("on-time", facts, **{"T-SEEN": "met"})  # as_of: the latest time in the checklist
    write_cases(write_ruleset(tmp_path, [rule]), "timing.yaml", [late, on_time])
    report = run(tmp_path)
    assert report.failures == []
    assert report.problems == []


# -- semantics 2: expectations name the basis of a missing outcome; due rules need not_recorded ----


def write_semantics_2(root: Path, cases: list[dict[str, Any]]) -> Path:
    data = document(due_rule(), id=RULESET_ID, semantics=2)
    path = root / RULESET_ID / "1.0.0.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return write_cases(path, "seen.yaml", cases)


def due_cases() -> list[dict[str, Any]]:
    return [
        {**case("seen", SEEN, **{"T-SEEN": "met"}), "hook": "scene.depart"},
        {**case("not-seen", NOT_SEEN, **{"T-SEEN": "missing"}), "hook": "scene.arrival"},
        {**case("not-yet", NOT_RECORDED, **{"T-SEEN": "unknown"}), "hook": "scene.arrival"},
        {**case("left", NOT_RECORDED, **{"T-SEEN": "missing/not_recorded"}), "hook": "scene.depart"},
    ]


def test_a_due_rule_is_covered_with_its_not_recorded_outcome(tmp_path: Path) -> None:
    write_semantics_2(tmp_path, due_cases())
    report = run(tmp_path)
    assert report.problems == []
    assert report.failures == []
    [rule] = report.rules
    assert rule.required == (Covered.met, Covered.missing, Covered.unknown, Covered.not_recorded)
    assert report.ok


def test_a_due_rule_without_a_not_recorded_case_is_not_covered(tmp_path: Path) -> None:
    write_semantics_2(tmp_path, due_cases()[:3])
    report = run(tmp_path)
    assert report.failures == []
    [rule] = report.rules
    assert rule.gaps == [Covered.not_recorded]
    assert not report.ok


def test_plain_missing_matches_either_basis_and_a_named_basis_is_checked(tmp_path: Path) -> None:
    cases = due_cases()
    cases[1] = {**cases[1], "expect": {"T-SEEN": "missing/recorded"}}  # the explicit form passes
    cases.append({**case("left-plain", NOT_RECORDED, **{"T-SEEN": "missing"}), "hook": "scene.depart"})
    cases.append({**case("wrong", NOT_SEEN, **{"T-SEEN": "missing/not_recorded"}), "hook": "scene.depart"})
    cases_file = write_semantics_2(tmp_path, cases)
    report = run(tmp_path)
    assert [str(f) for f in report.failures] == [
        f"{cases_file}: case wrong: T-SEEN: expected missing/not_recorded, got missing/recorded",
    ]


def test_not_recorded_counts_only_when_asserted_by_name(tmp_path: Path) -> None:
    cases = due_cases()
    cases[3] = {**cases[3], "expect": {"T-SEEN": "missing"}}  # passes, but names no basis
    write_semantics_2(tmp_path, cases)
    report = run(tmp_path)
    assert report.failures == []
    [rule] = report.rules
    assert rule.gaps == [Covered.not_recorded]
    cases[1] = {**cases[1], "hook": "scene.depart"}  # still recorded: plain missing covers `missing`
    write_semantics_2(tmp_path / "again", cases)
    [again] = run(tmp_path / "again").rules
    assert Covered.missing in again.seen


def test_a_basis_is_refused_for_a_semantics_1_rule_set(tmp_path: Path) -> None:
    cases = [*full_cases(), case("based", NOT_SEEN, **{"T-SEEN": "missing/recorded"})]
    write_cases(write_ruleset(tmp_path, [condition_rule()]), "seen.yaml", cases)
    report = run(tmp_path)
    [problem] = report.problems
    assert (problem.case, problem.field) == ("based", "expect.T-SEEN")
    assert "a basis exists only under semantics 2" in problem.message


def test_a_rule_the_case_does_not_evaluate_fails_as_not_evaluated(tmp_path: Path) -> None:
    """``run_case`` on its own (``run`` refuses such a case before running it)."""
    path = write_ruleset(tmp_path, [condition_rule()])
    ruleset = load_file(path)
    unrun = Case.model_validate({**case("elsewhere", SEEN, **{"T-SEEN": "met"}), "hook": "call.intake"})
    ran = run_case(ruleset, unrun, str(path))
    assert ran is not None
    [failure] = ran[0]
    assert failure.actual is None
    assert str(failure).endswith("T-SEEN: expected met, got not evaluated")
