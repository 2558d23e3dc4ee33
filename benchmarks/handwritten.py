"""Hand-written Python twins of the built-in rules: the floor the engine is measured against.

Each function takes the checklist facts (``Checklist.model_dump(mode="json")``) and the evaluation
context, and returns the rule's outcome exactly as the rule's ZEN conditions would: a condition
holds only when it is exactly ``true``, ``missing_if`` is checked before ``met_if``, and a field
that is absent (``None``) never satisfies a comparison. Plain code, no framework: the fastest way
to compute the same outcomes by hand.

Every rule of the built-in rule sets needs a twin here. ``engine_bench`` refuses to run when one is
missing and checks that twins and engine agree on every checklist, so a twin that drifts from its
rule fails loudly instead of flattering the ratio.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from app.rules.decision import Outcome
from app.rules.engine import EvaluationContext

Facts = dict[str, Any]
Twin = Callable[[Facts, EvaluationContext], Outcome]

MET, MISSING, UNKNOWN, NOT_APPLICABLE = (
    Outcome.met,
    Outcome.missing,
    Outcome.unknown,
    Outcome.not_applicable,
)


def _get(d: Facts | None, key: str) -> Any:
    return d.get(key) if d else None


def _children_or_reported(c: Facts) -> bool:
    return bool(c["children"]) or _get(c.get("call"), "children_present") == "yes"


def _present(children: list[Facts]) -> list[Facts]:
    return [ch for ch in children if ch.get("present") is not False]


def _non_pr_carers(adults: list[Facts]) -> list[Facts]:
    return [
        a
        for a in adults
        if "carer" in a["roles"]
        and "parent" not in a["roles"]
        and "parental_responsibility" not in a["roles"]
    ]


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _minutes(later: str, earlier: str) -> float:
    return (_time(later) - _time(earlier)).total_seconds() / 60


def _turns_18_after(date_of_birth: str, as_of: datetime) -> bool:
    born = date.fromisoformat(date_of_birth)
    day = 28 if (born.month, born.day) == (2, 29) else born.day
    return datetime(born.year + 18, born.month, day, tzinfo=UTC) > as_of


def identify_all_children(c: Facts, ctx: EvaluationContext) -> Outcome:
    children, call, scene = c["children"], c.get("call"), c.get("scene")
    if not _children_or_reported(c):
        return NOT_APPLICABLE
    count = _get(call, "children_count")
    if (
        any(ch.get("identified") is False for ch in children)
        or _get(scene, "all_children_accounted") is False
        or (count is not None and len(children) < count)
    ):
        return MISSING
    if (
        children
        and all(
            ch.get("identified") is True
            and ch.get("full_name") is not None
            and ch.get("date_of_birth") is not None
            and ch.get("address_recorded") is True
            and ch.get("relationship_to_adults") is not None
            for ch in children
        )
        and _get(scene, "all_children_accounted") is True
    ):
        return MET
    return UNKNOWN


def see_every_child(c: Facts, ctx: EvaluationContext) -> Outcome:
    present = _present(c["children"])
    if not present:
        return NOT_APPLICABLE
    if any(ch.get("seen") is False for ch in present):
        return MISSING
    if all(
        ch.get("seen") is True and ch.get("seen_at") and ch.get("observations") is not None for ch in present
    ):
        return MET
    return UNKNOWN


def voice_of_child(c: Facts, ctx: EvaluationContext) -> Outcome:
    present = _present(c["children"])
    if not present:
        return NOT_APPLICABLE
    if any(ch.get("spoken_to") is False and ch.get("not_spoken_to_reason") is None for ch in present):
        return MISSING
    if all(
        (ch.get("spoken_to") is True and ch.get("account") is not None and ch.get("observations") is not None)
        or (ch.get("spoken_to") is False and ch.get("not_spoken_to_reason") is not None)
        for ch in present
    ):
        return MET
    return UNKNOWN


def check_all_adults(c: Facts, ctx: EvaluationContext) -> Outcome:
    adults = c["adults"]
    if not (_children_or_reported(c) and adults):
        return NOT_APPLICABLE
    if any(a.get("identified") is False or _get(a.get("checks"), "done") is False for a in adults):
        return MISSING
    for a in adults:
        checks = a.get("checks") or {}
        if not (
            a.get("identified") is True
            and checks.get("done") is True
            and checks.get("missing_person") is not None
            and checks.get("warning_markers") is not None
            and checks.get("offences_against_children") is not None
            and checks.get("bail_or_court_conditions") is not None
        ):
            return UNKNOWN
    return MET


def _carer_rule_applies(c: Facts) -> bool:
    return bool(c["children"]) and (
        _get(c.get("scene"), "children_left_with_non_pr_carer") is True or bool(_non_pr_carers(c["adults"]))
    )


def suitable_carer_checks(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _carer_rule_applies(c):
        return NOT_APPLICABLE
    carers = _non_pr_carers(c["adults"])
    if any(
        a.get("identified") is False
        or _get(a.get("checks"), "done") is False
        or a.get("household_checked") is False
        or a.get("able_and_willing") is False
        for a in carers
    ):
        return MISSING
    if carers and all(
        a.get("identified") is True
        and a.get("full_name") is not None
        and (a.get("age") is not None or a.get("date_of_birth") is not None)
        and a.get("relationship_to_children") is not None
        and _get(a.get("checks"), "done") is True
        and a.get("household_checked") is True
        and a.get("able_and_willing") is True
        for a in carers
    ):
        return MET
    return UNKNOWN


def carer_csc_consulted(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _carer_rule_applies(c):
        return NOT_APPLICABLE
    consultation = _get(c.get("scene"), "carer_consultation")
    consulted = _get(consultation, "csc_consulted")
    if consulted is False:
        return MISSING
    if consulted is True and _get(consultation, "consulted_at") is not None:
        return MET
    return UNKNOWN


def carer_disqualifiers(c: Facts, ctx: EvaluationContext) -> Outcome:
    carers = _non_pr_carers(c["adults"])
    if not carers:
        return NOT_APPLICABLE
    as_of = ctx.as_of
    for a in carers:
        checks = a.get("checks") or {}
        age, born = a.get("age"), a.get("date_of_birth")
        if (
            (age is not None and age < 18)
            or (born is not None and as_of is not None and _turns_18_after(born, as_of))
            or checks.get("missing_person") is True
            or a.get("intoxicated") is True
            or "suspect" in a["roles"]
            or "witness" in a["roles"]
            or checks.get("warning_markers") is True
            or checks.get("offences_against_children") is True
            or a.get("identified") is False
        ):
            return MISSING
    for a in carers:
        checks = a.get("checks") or {}
        age, born = a.get("age"), a.get("date_of_birth")
        adult = (age is not None and age >= 18) or (
            age is None and born is not None and as_of is not None and not _turns_18_after(born, as_of)
        )
        if not (
            adult
            and a.get("identified") is True
            and checks.get("missing_person") is False
            and a.get("intoxicated") is False
            and checks.get("warning_markers") is False
            and checks.get("offences_against_children") is False
        ):
            return UNKNOWN
    return MET


def no_child_unsupervised(c: Facts, ctx: EvaluationContext) -> Outcome:
    present = _present(c["children"])
    if not present:
        return NOT_APPLICABLE
    arrested = {a["id"] for a in c["adults"] if a.get("arrested") is True}
    free = {a["id"] for a in c["adults"] if a.get("arrested") is not True}
    if any(
        ch.get("left_alone") is True
        or (ch.get("responsible_adult_id") is not None and ch["responsible_adult_id"] in arrested)
        for ch in present
    ):
        return MISSING
    if all(
        ch.get("left_alone") is not True
        and ch.get("responsible_adult_id") is not None
        and ch["responsible_adult_id"] in free
        for ch in present
    ):
        return MET
    return UNKNOWN


def _referral(c: Facts) -> Facts:
    return _get(c.get("actions"), "referral") or {}


def csc_referral(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not (c["children"] or c.get("image_abuse") is not None):
        return NOT_APPLICABLE
    referral = _referral(c)
    if referral.get("made") is False:
        return MISSING
    if (
        referral.get("made") is True
        and referral.get("at") is not None
        and referral.get("reference") is not None
    ):
        return MET
    return UNKNOWN


def no_assumed_sharing(c: Facts, ctx: EvaluationContext) -> Outcome:
    referral = _referral(c)
    if referral.get("other_agency_involved") is not True:
        return NOT_APPLICABLE
    made = referral.get("made")
    return MISSING if made is False else MET if made is True else UNKNOWN


def record_decisions_rationale(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not c["children"]:
        return NOT_APPLICABLE
    decisions = _get(c.get("actions"), "decisions") or {}
    no_removal, agreed = decisions.get("no_removal_decision"), decisions.get("supervisor_agreed_no_removal")
    if no_removal is True and agreed is False:
        return MISSING
    if (
        decisions.get("rationale") is not None or any(n.get("kind") == "rationale" for n in c["narratives"])
    ) and (no_removal is False or (no_removal is True and agreed is True)):
        return MET
    return UNKNOWN


def _pp(c: Facts) -> Facts | None:
    pp: Facts | None = _get(c.get("actions"), "police_protection")
    return pp if pp and pp.get("used") is True else None


def pp_threshold_recorded(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    if pp.get("threshold_met") is False:
        return MISSING
    if pp.get("threshold_met") is True and pp.get("grounds") is not None and pp.get("started_at") is not None:
        return MET
    return UNKNOWN


def pp_inform_local_authorities(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    same = pp.get("same_local_authority")
    if pp.get("la_where_found_informed") is False or (
        same is not True and pp.get("la_where_resident_informed") is False
    ):
        return MISSING
    if pp.get("la_where_found_informed_at") is not None and (
        same is True or pp.get("la_where_resident_informed_at") is not None
    ):
        return MET
    return UNKNOWN


def pp_inform_child_wishes(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None or pp.get("child_able_to_understand") is False:
        return NOT_APPLICABLE
    informed, sought = pp.get("child_informed"), pp.get("wishes_and_feelings_sought")
    if informed is False or sought is False:
        return MISSING
    return MET if informed is True and sought is True else UNKNOWN


def pp_designated_officer(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    designated, initiating = pp.get("designated_officer_id"), pp.get("initiating_officer_id")
    if designated is not None and designated == initiating:
        return MISSING
    if designated is not None and initiating is not None and designated != initiating:
        return MET
    return UNKNOWN


def pp_suitable_accommodation(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    place, reason = pp.get("accommodation"), pp.get("police_station_reason")
    if place == "police_station" and reason is None:
        return MISSING
    if place in ("la_accommodation", "refuge") or (place == "police_station" and reason is not None):
        return MET
    return UNKNOWN


def pp_inform_parents(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    informed = pp.get("parents_informed")
    return MISSING if informed is False else MET if informed is True else UNKNOWN


def pp_review_release_epo(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None:
        return NOT_APPLICABLE
    if pp.get("epo_considered") is False:
        return MISSING
    return MET if pp.get("reviewed_at") is not None and pp.get("epo_considered") is True else UNKNOWN


def pp_72_hours(c: Facts, ctx: EvaluationContext) -> Outcome:
    pp = _pp(c)
    if pp is None or pp.get("started_at") is None:
        return NOT_APPLICABLE
    started, ended = pp["started_at"], pp.get("ended_at")
    if (ended is not None and _minutes(ended, started) > 4320) or (
        ended is None and ctx.as_of is not None and (ctx.as_of - _time(started)).total_seconds() / 60 > 4320
    ):
        return MISSING
    if ended is not None and _minutes(ended, started) <= 4320:
        return MET
    return UNKNOWN


# Rule id -> twin. One entry per rule of the built-in rule sets.
TWINS: dict[str, Twin] = {
    "CFC-IDENTIFY-ALL-CHILDREN": identify_all_children,
    "CFC-SEE-EVERY-CHILD": see_every_child,
    "CFC-VOICE-OF-CHILD": voice_of_child,
    "CFC-CHECK-ALL-ADULTS": check_all_adults,
    "CARE-SUITABLE-CARER-CHECKS": suitable_carer_checks,
    "CARE-SUITABLE-CARER-CHECKS.csc-consulted": carer_csc_consulted,
    "CARE-CARER-DISQUALIFIERS": carer_disqualifiers,
    "CARE-NO-CHILD-UNSUPERVISED": no_child_unsupervised,
    "REF-CSC-REFERRAL": csc_referral,
    "REF-NO-ASSUMED-SHARING": no_assumed_sharing,
    "REF-RECORD-DECISIONS-RATIONALE": record_decisions_rationale,
    "PP-THRESHOLD-RECORDED": pp_threshold_recorded,
    "PP-INFORM-LOCAL-AUTHORITIES": pp_inform_local_authorities,
    "PP-INFORM-CHILD-WISHES": pp_inform_child_wishes,
    "PP-DESIGNATED-OFFICER": pp_designated_officer,
    "PP-SUITABLE-ACCOMMODATION": pp_suitable_accommodation,
    "PP-INFORM-PARENTS": pp_inform_parents,
    "PP-REVIEW-RELEASE-EPO": pp_review_release_epo,
    "PP-REVIEW-RELEASE-EPO.72-hours": pp_72_hours,
}
