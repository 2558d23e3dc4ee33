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
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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
        and a.get("arrested") is not True
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


_DWELLING_TYPES = frozenset(
    {"domestic_abuse", "neighbour_dispute", "disorder", "welfare_concern", "child_abuse", "child_neglect"}
)
_LONDON = ZoneInfo("Europe/London")


def _path(d: Facts | None, *keys: str) -> Any:
    for key in keys:
        if not d:
            return None
        d = d.get(key)
    return d


def _yes_no(value: Any) -> Outcome:
    return MISSING if value is False else MET if value is True else UNKNOWN


def _domestic(c: Facts) -> bool:
    incident = c["incident"]
    return incident.get("domestic_abuse") is True or incident.get("type") == "domestic_abuse"


def ask_children_present(c: Facts, ctx: EvaluationContext) -> Outcome:
    incident, call = c["incident"], c.get("call") or {}
    if not (
        incident.get("at_dwelling") is True
        or incident.get("domestic_abuse") is True
        or incident.get("type") in _DWELLING_TYPES
    ):
        return NOT_APPLICABLE
    asked, present = call.get("children_asked_about"), call.get("children_present")
    if asked is False or (present == "yes" and call.get("children_safe_asked") is False):
        return MISSING
    if (
        asked is True
        and present is not None
        and (
            present != "yes"
            or (call.get("children_count") is not None and call.get("children_safe_asked") is True)
        )
    ):
        return MET
    return UNKNOWN


def flag_as_child_concern(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _children_or_reported(c):
        return NOT_APPLICABLE
    flagged, parties = c["incident"].get("flagged_child_concern"), c["incident"].get("parties_recorded")
    if flagged is False or parties is False:
        return MISSING
    return MET if flagged is True and parties is True else UNKNOWN


def child_caller_minimal(c: Facts, ctx: EvaluationContext) -> Outcome:
    call = c.get("call") or {}
    if call.get("caller_is_child") is not True:
        return NOT_APPLICABLE
    return _yes_no(call.get("essential_questions_only"))


def caller_safety_advice(c: Facts, ctx: EvaluationContext) -> Outcome:
    call = c.get("call")
    if call is None or call.get("caller_is_child") is True:
        return NOT_APPLICABLE
    kept, left = call.get("caller_kept_on_line"), call.get("suspect_left")
    advice, description = call.get("safety_advice_given"), call.get("description_circulated")
    if kept is False or (left is True and (advice is False or description is False)):
        return MISSING
    if kept is True and (left is False or (left is True and advice is True and description is True)):
        return MET
    return UNKNOWN


def intel_checks(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _children_or_reported(c):
        return NOT_APPLICABLE
    checks = _path(c, "call", "intel_checks")
    if checks is None:
        return UNKNOWN
    subjects = {check.get("subject") for check in checks}
    if "address" not in subjects or "child" not in subjects:
        return MISSING
    if (
        (not c["adults"] or "adult" in subjects)
        and any(check.get("system") == "child_protection" for check in checks)
        and all(check.get("result_recorded") is True for check in checks)
    ):
        return MET
    return UNKNOWN


def intel_briefing(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _children_or_reported(c):
        return NOT_APPLICABLE
    return _yes_no(_path(c, "call", "briefing_passed_to_units"))


def deploy_despite_officer_risk(c: Facts, ctx: EvaluationContext) -> Outcome:
    call = c.get("call") or {}
    if not (call.get("officer_safety_concern") is True and _children_or_reported(c)):
        return NOT_APPLICABLE
    deployed, delayed, mitigation = (
        call.get("deployed"),
        call.get("deployment_delayed"),
        call.get("delay_mitigation"),
    )
    if deployed is False or (delayed is True and mitigation is None):
        return MISSING
    if deployed is True and (delayed is False or (delayed is True and mitigation is not None)):
        return MET
    return UNKNOWN


def thrive_child_vulnerability(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _children_or_reported(c):
        return NOT_APPLICABLE
    thrive = _path(c, "call", "thrive") or {}
    considered = thrive.get("child_vulnerability_considered")
    if considered is False:
        return MISSING
    if (
        c["incident"].get("grade") is not None
        and all(
            thrive.get(k) is not None
            for k in ("threat", "harm", "risk", "investigation", "vulnerability", "engagement")
        )
        and considered is True
    ):
        return MET
    return UNKNOWN


def _lowering(change: Facts, attended: Any) -> bool:
    return change.get("downgrade") is True or (
        change.get("to_grade") in ("closed", "resolution_without_deployment") and attended is None
    )


def downgrade_needs_child_check(c: Facts, ctx: EvaluationContext) -> Outcome:
    incident = c["incident"]
    attended = incident.get("attended_at")
    lowering = [g for g in incident["grade_history"] if _lowering(g, attended)]
    if not (_children_or_reported(c) and lowering):
        return NOT_APPLICABLE
    if any(
        g.get("risk_reassessed") is False
        or g.get("checks_completed") is False
        or g.get("child_safety_confirmed") is False
        or g.get("supervisor_authorised") is False
        for g in lowering
    ):
        return MISSING
    if all(
        g.get("reason") is not None
        and g.get("risk_reassessed") is True
        and g.get("checks_completed") is True
        and g.get("child_safety_confirmed") is True
        and g.get("child_safety_confirmed_by") is not None
        and g.get("child_safety_method") is not None
        and g.get("supervisor_authorised") is True
        and g.get("supervisor_id") is not None
        for g in lowering
    ):
        return MET
    return UNKNOWN


def unresourced_escalate(c: Facts, ctx: EvaluationContext) -> Outcome:
    call, reported = c.get("call") or {}, c["incident"].get("reported_at")
    target, resourced = call.get("target_minutes"), call.get("resourced_at")
    late = call.get("unresourced_past_target") is True or (
        target is not None
        and reported is not None
        and (
            (resourced is not None and _minutes(resourced, reported) > target)
            or (
                resourced is None
                and ctx.as_of is not None
                and (ctx.as_of - _time(reported)).total_seconds() / 60 > target
            )
        )
    )
    if not (_children_or_reported(c) and late):
        return NOT_APPLICABLE
    if call.get("escalated") is False or call.get("risk_reassessed_after_delay") is False:
        return MISSING
    if call.get("escalated_at") is not None and call.get("risk_reassessed_after_delay") is True:
        return MET
    return UNKNOWN


def partner_request_dispatch(c: Facts, ctx: EvaluationContext) -> Outcome:
    request = _path(c, "call", "partner_request") or {}
    if request.get("safe_and_well_check_requested") is not True:
        return NOT_APPLICABLE
    created = request.get("deployable_incident_created")
    if request.get("closed_as_contact_resolution") is True or created is False:
        return MISSING
    return MET if created is True else UNKNOWN


def _holds_pr(adult: Facts) -> bool:
    return "parent" in adult["roles"] or "parental_responsibility" in adult["roles"]


def parental_responsibility(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not c["children"]:
        return NOT_APPLICABLE
    established = _path(c, "scene", "parental_responsibility_established")
    holders = [a for a in c["adults"] if _holds_pr(a)]
    if established is False or any(
        a.get("present") is False and a.get("contact_attempted") is False for a in holders
    ):
        return MISSING
    if (
        established is True
        and holders
        and all(
            a.get("contact_attempted") is True and a.get("contact_outcome") is not None
            for a in holders
            if a.get("present") is not True
        )
    ):
        return MET
    return UNKNOWN


def home_conditions_needs(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not (c["children"] and c["incident"].get("at_dwelling") is True):
        return NOT_APPLICABLE
    home = _path(c, "scene", "home_conditions") or {}
    if home.get("recorded") is False:
        return MISSING
    carers = [a for a in c["adults"] if _holds_pr(a) or "carer" in a["roles"]]
    if (
        home.get("recorded") is True
        and home.get("basic_needs_met") is not None
        and all(a.get("present") is False or a.get("intoxicated") is not None for a in carers)
    ):
        return MET
    return UNKNOWN


def injury_medical(c: Facts, ctx: EvaluationContext) -> Outcome:
    injured = [ch for ch in c["children"] if ch.get("injuries_observed") is True]
    if not injured:
        return NOT_APPLICABLE
    if any(ch.get("medical_attention_arranged") is False for ch in injured):
        return MISSING
    if all(
        ch.get("injury_explanation") is not None
        and ch.get("injury_explanation_consistent") is not None
        and ch.get("medical_attention_arranged") is True
        for ch in injured
    ):
        return MET
    return UNKNOWN


def evidence_capture(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not _present(c["children"]):
        return NOT_APPLICABLE
    evidence = _path(c, "scene", "evidence") or {}
    video, photographs = evidence.get("body_worn_video"), evidence.get("photographs")
    if video is False or photographs == 0:
        return MISSING
    if (
        video is True
        and evidence.get("bwv_reference") is not None
        and photographs is not None
        and photographs > 0
    ):
        return MET
    return UNKNOWN


def no_reliance_on_other_adult(c: Facts, ctx: EvaluationContext) -> Outcome:
    children = c["children"]
    if not (children and _domestic(c)):
        return NOT_APPLICABLE
    if any(ch.get("risk_assessed") is False for ch in children):
        return MISSING
    return MET if all(ch.get("risk_assessed") is True for ch in children) else UNKNOWN


def entry_power_recorded(c: Facts, ctx: EvaluationContext) -> Outcome:
    access = _path(c, "scene", "access") or {}
    if access.get("refused") is not True:
        return NOT_APPLICABLE
    power, rationale = access.get("power"), access.get("rationale")
    if power == "none" and rationale is None:
        return MISSING
    return MET if power is not None and rationale is not None else UNKNOWN


def _cares(adult: Facts) -> bool:
    return adult.get("arrested") is True and (
        adult.get("cares_for_children") is True or _holds_pr(adult) or "carer" in adult["roles"]
    )


def dependants_on_arrest(c: Facts, ctx: EvaluationContext) -> Outcome:
    arrested = [a for a in c["adults"] if _cares(a)]
    if not arrested:
        return NOT_APPLICABLE
    if any(
        a.get("dependants_established") is False or a.get("care_arranged_before_departure") is False
        for a in arrested
    ):
        return MISSING
    if all(
        a.get("dependants_established") is True and a.get("care_arranged_before_departure") is True
        for a in arrested
    ):
        return MET
    return UNKNOWN


def dependants_in_custody(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = c.get("custody")
    if custody is None or custody.get("appears_under_18") is True:
        return NOT_APPLICABLE
    asked, has, arranged = (
        custody.get("caring_responsibilities_asked"),
        custody.get("has_dependants"),
        custody.get("dependants_care_arranged"),
    )
    if asked is False or (has is True and arranged is False):
        return MISSING
    if asked is True and (has is False or (has is True and arranged is True)):
        return MET
    return UNKNOWN


def _next_working_day_end(at: str) -> datetime:
    local = _time(at).astimezone(_LONDON)
    weekday = local.isoweekday()
    days = 3 if weekday == 5 else 2 if weekday == 6 else 1
    day = (local + timedelta(days=days)).replace(tzinfo=None)
    return datetime(day.year, day.month, day.day, 23, 59, 59, 999000, tzinfo=_LONDON)


def ack_follow_up(c: Facts, ctx: EvaluationContext) -> Outcome:
    referral = _referral(c)
    if not (referral.get("made") is True and referral.get("at") is not None):
        return NOT_APPLICABLE
    deadline = _next_working_day_end(referral["at"])
    decided, escalated = referral.get("csc_decision_at"), referral.get("escalated_at")
    if escalated is None and (
        (decided is not None and _time(decided) > deadline)
        or (decided is None and ctx.as_of is not None and ctx.as_of > deadline)
    ):
        return MISSING
    if escalated is not None or (decided is not None and not _time(decided) > deadline):
        return MET
    return UNKNOWN


def strategy_discussion(c: Facts, ctx: EvaluationContext) -> Outcome:
    discussion = _path(c, "actions", "strategy_discussion") or {}
    if discussion.get("significant_harm_suspected") is not True:
        return NOT_APPLICABLE
    attended, recorded = discussion.get("police_attended"), discussion.get("decisions_recorded")
    if attended is False or recorded is False:
        return MISSING
    if discussion.get("held_at") is not None and attended is True and recorded is True:
        return MET
    return UNKNOWN


def all_children_at_risk_from_suspect(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not (c["children"] and any("suspect" in a["roles"] for a in c["adults"])):
        return NOT_APPLICABLE
    linked = _path(c, "actions", "linked_children") or {}
    made, count, included = (
        linked.get("enquiry_made"),
        linked.get("count"),
        linked.get("included_in_referral"),
    )
    if made is False or (count is not None and count > 0 and included is False):
        return MISSING
    if made is True and count is not None and (count == 0 or included is True):
        return MET
    return UNKNOWN


def child_as_da_victim(c: Facts, ctx: EvaluationContext) -> Outcome:
    children = c["children"]
    if not (children and _domestic(c)):
        return NOT_APPLICABLE
    if any(ch.get("recorded_as_victim") is False for ch in children):
        return MISSING
    return MET if all(ch.get("recorded_as_victim") is True for ch in children) else UNKNOWN


def _encompass_deadline(attended: str) -> datetime:
    local = _time(attended).astimezone(_LONDON)
    weekday = local.isoweekday()
    if weekday <= 5 and local.hour * 60 + local.minute < 510:
        days = 0
    else:
        days = 3 if weekday == 5 else 2 if weekday == 6 else 1
    day = (local + timedelta(days=days)).replace(tzinfo=None)
    return datetime(day.year, day.month, day.day, tzinfo=_LONDON) + timedelta(minutes=510)


def notify_education(c: Facts, ctx: EvaluationContext) -> Outcome:
    attended = c["incident"].get("attended_at")
    encompass = _path(c, "actions", "encompass") or {}
    required = encompass.get("required")
    if not (
        _domestic(c)
        and attended is not None
        and (
            required is True or (required is None and any((ch.get("age") or 0) >= 4 for ch in c["children"]))
        )
    ):
        return NOT_APPLICABLE
    deadline = _encompass_deadline(attended)
    sent, sent_at = encompass.get("sent"), encompass.get("sent_at")
    if (
        sent is False
        or (sent_at is not None and not _time(sent_at) < deadline)
        or (sent_at is None and sent is not True and ctx.as_of is not None and not ctx.as_of < deadline)
    ):
        return MISSING
    if (
        sent_at is not None
        and encompass.get("school") is not None
        and encompass.get("content_complete") is True
        and _time(sent_at) < deadline
    ):
        return MET
    return UNKNOWN


def record_missing_not_absent(c: Facts, ctx: EvaluationContext) -> Outcome:
    missing = c.get("missing")
    if missing is None:
        return NOT_APPLICABLE
    indicators, recorded, grade = (
        missing.get("exploitation_indicators"),
        missing.get("recorded_as"),
        missing.get("risk_grade"),
    )
    if recorded == "not_recorded" or (
        indicators is not None
        and len(indicators) > 0
        and (recorded == "absent" or grade in ("no_apparent_risk", "very_low"))
    ):
        return MISSING
    if indicators is not None and (
        (not indicators and (recorded == "absent" or (recorded == "missing" and grade is not None)))
        or (indicators and recorded == "missing" and grade in ("low", "medium", "high"))
    ):
        return MET
    return UNKNOWN


def risk_assess_exploitation(c: Facts, ctx: EvaluationContext) -> Outcome:
    missing = c.get("missing")
    if missing is None:
        return NOT_APPLICABLE
    considered, looked_after = missing.get("exploitation_considered"), missing.get("looked_after_child")
    social_care = missing.get("social_care_involved")
    if considered is False or (looked_after is True and social_care is False):
        return MISSING
    info = missing["risk_information"]
    if (
        info
        and all(i.get("obtained_at") is not None for i in info)
        and any(i.get("source") == "police_systems" for i in info)
        and considered is True
        and (looked_after is False or (looked_after is True and social_care is True))
        and missing.get("supervisor_review_at") is not None
    ):
        return MET
    return UNKNOWN


_LOWER = {
    "medium": ("low", "very_low", "no_apparent_risk"),
    "low": ("very_low", "no_apparent_risk"),
    "very_low": ("no_apparent_risk",),
}


def _missing_downgrade(change: Facts) -> bool:
    before, after = change.get("from_grade"), change.get("to_grade")
    if before == "high":
        return after != "high"
    return before in _LOWER and after in _LOWER[before]


def missing_downgrade_justified(c: Facts, ctx: EvaluationContext) -> Outcome:
    missing = c.get("missing")
    lowered = [g for g in missing["grade_history"] if _missing_downgrade(g)] if missing else []
    if not lowered:
        return NOT_APPLICABLE
    if any(g.get("new_information") is False or g.get("supervisor_authorised") is False for g in lowered):
        return MISSING
    if all(
        g.get("reason") is not None
        and g.get("new_information") is True
        and g.get("supervisor_authorised") is True
        and g.get("supervisor_id") is not None
        for g in lowered
    ):
        return MET
    return UNKNOWN


def immediate_locate(c: Facts, ctx: EvaluationContext) -> Outcome:
    missing = c.get("missing")
    if not (
        missing
        and missing.get("reported_at") is not None
        and (missing.get("risk_grade") == "high" or missing.get("seen_with_older_adult_or_vehicle") is True)
    ):
        return NOT_APPLICABLE
    reported = missing["reported_at"]
    prompt = any(
        e.get("started_at") is not None and _minutes(e["started_at"], reported) <= 60
        for e in missing["location_enquiries"]
    )
    if not prompt and ctx.as_of is not None and (ctx.as_of - _time(reported)).total_seconds() / 60 > 60:
        return MISSING
    return MET if prompt else UNKNOWN


def _within(done: Any, start: str, limit: int, as_of: datetime | None, flag: Any = None) -> Outcome:
    """The shape of "done within ``limit`` minutes of ``start``" rules (missing before met)."""
    if (flag is False) or (done is not None and _minutes(done, start) > limit):
        return MISSING
    if done is None and flag is not True and as_of is not None:
        if (as_of - _time(start)).total_seconds() / 60 > limit:
            return MISSING
    if done is not None and _minutes(done, start) <= limit:
        return MET
    return UNKNOWN


def act_on_location_intel(c: Facts, ctx: EvaluationContext) -> Outcome:
    received = _path(c, "missing", "location_intel_received_at")
    if received is None:
        return NOT_APPLICABLE
    return _within(c["missing"].get("location_intel_actioned_at"), received, 60, ctx.as_of)


def cross_force_ownership(c: Facts, ctx: EvaluationContext) -> Outcome:
    if _path(c, "missing", "believed_in_other_force") is not True:
        return NOT_APPLICABLE
    cross = c["missing"].get("cross_force") or {}
    accepted = cross.get("owner_accepted")
    if accepted is False:
        return MISSING
    if accepted is True and cross.get("owner_id") is not None and cross.get("actioned_at") is not None:
        return MET
    return UNKNOWN


_INTERVIEW_COVERED = (
    "where_and_who_covered",
    "harm_covered",
    "exploitation_covered",
    "safeguarding_needs_covered",
    "outcome_recorded",
)


def prevention_interview(c: Facts, ctx: EvaluationContext) -> Outcome:
    if _path(c, "missing", "returned_at") is None:
        return NOT_APPLICABLE
    interview = c["missing"].get("prevention_interview") or {}
    done, in_person = interview.get("done"), interview.get("in_person")
    if done is False or in_person is False:
        return MISSING
    if (
        done is True
        and in_person is True
        and interview.get("at") is not None
        and all(interview.get(k) is True for k in _INTERVIEW_COVERED)
    ):
        return MET
    return UNKNOWN


def rhi_notify_la(c: Facts, ctx: EvaluationContext) -> Outcome:
    returned = _path(c, "missing", "returned_at")
    if returned is None:
        return NOT_APPLICABLE
    missing = c["missing"]
    return _within(missing.get("la_notified_at"), returned, 4320, ctx.as_of, missing.get("la_notified"))


def repeat_trigger_plan(c: Facts, ctx: EvaluationContext) -> Outcome:
    missing = c.get("missing") or {}
    if not (missing.get("repeat_missing") is True or missing.get("exploitation_indicators")):
        return NOT_APPLICABLE
    exists, panel = missing.get("trigger_plan_exists"), missing.get("panel_referral")
    if exists is False or panel is False:
        return MISSING
    if exists is True and missing.get("trigger_plan_ref") is not None and panel is True:
        return MET
    return UNKNOWN


def act_on_exploitation_intel(c: Facts, ctx: EvaluationContext) -> Outcome:
    intel = _path(c, "missing", "exploitation_intel") or {}
    if intel.get("disclosure_made") is not True:
        return NOT_APPLICABLE
    named, safeguarded = intel.get("other_children_named"), intel.get("other_children_safeguarded")
    if intel.get("stopped_because_turned_18") is True or (named is True and safeguarded is False):
        return MISSING
    if (
        intel.get("intelligence_ref") is not None
        and intel.get("investigation_owner_id") is not None
        and (named is False or safeguarded is True)
    ):
        return MET
    return UNKNOWN


def _juvenile(c: Facts) -> Facts | None:
    custody: Facts | None = c.get("custody")
    if custody is None:
        return None
    age = custody.get("apparent_age")
    return custody if custody.get("appears_under_18") is True or (age is not None and age < 18) else None


def treated_as_child(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    return NOT_APPLICABLE if custody is None else _yes_no(custody.get("treated_as_child"))


def welfare_person_notified(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    if custody is None:
        return NOT_APPLICABLE
    if custody.get("welfare_person_notified") is False:
        return MISSING
    return MET if custody.get("welfare_person_notified_at") is not None else UNKNOWN


def appropriate_adult(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    if custody is None:
        return NOT_APPLICABLE
    aa = custody.get("appropriate_adult") or {}
    involved = aa.get("involved_in_offence")
    if aa.get("appointed") is False or aa.get("role") == "solicitor" or involved is True:
        return MISSING
    if aa.get("appointed") is True and aa.get("role") is not None and involved is False:
        return MET
    return UNKNOWN


def interview_with_aa(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    if custody is None or not custody["interviews"]:
        return NOT_APPLICABLE
    interviews = custody["interviews"]
    if any(i.get("aa_present") is False and i.get("code_c_exception") is not True for i in interviews):
        return MISSING
    if all(i.get("aa_present") is True or i.get("code_c_exception") is True for i in interviews):
        return MET
    return UNKNOWN


def girl_in_care_of_woman(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    if custody is None or custody.get("sex") != "female":
        return NOT_APPLICABLE
    return _yes_no(custody.get("under_care_of_woman"))


def separated_from_adults(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    return NOT_APPLICABLE if custody is None else _yes_no(custody.get("separated_from_adults"))


_NOT_TRANSFERRED_FOR_CONDUCT = ("behaviour", "offence_nature")


def s38_6_transfer(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    if custody is None or not (custody.get("charged") is True and custody.get("bail_refused") is True):
        return NOT_APPLICABLE
    transferred, certificate = custody.get("transfer_done"), custody.get("s38_7_certificate")
    reason = custody.get("not_transferred_reason")
    if (transferred is False and (certificate is False or reason in _NOT_TRANSFERRED_FOR_CONDUCT)) or (
        custody.get("released_at") is not None and transferred is not True and certificate is not True
    ):
        return MISSING
    if custody.get("la_accommodation_requested_at") is not None and (
        transferred is True
        or (certificate is True and reason is not None and reason not in _NOT_TRANSFERRED_FOR_CONDUCT)
    ):
        return MET
    return UNKNOWN


def voluntary_interview(c: Facts, ctx: EvaluationContext) -> Outcome:
    custody = _juvenile(c)
    return NOT_APPLICABLE if custody is None else _yes_no(custody.get("voluntary_interview_considered"))


def referral_by_phone(c: Facts, ctx: EvaluationContext) -> Outcome:
    referral = _referral(c)
    harm = _path(c, "actions", "strategy_discussion", "significant_harm_suspected")
    if not (referral.get("made") is True and harm is True):
        return NOT_APPLICABLE
    method = referral.get("method")
    if method in ("phone", "in_person"):
        return MET
    return MISSING if method is not None else UNKNOWN


def image_owner(c: Facts, ctx: EvaluationContext) -> Outcome:
    image = c.get("image_abuse")
    if image is None or image.get("reported_at") is None:
        return NOT_APPLICABLE
    assigned = image.get("owner_assigned_at")
    outcome = _within(assigned, image["reported_at"], 1440, ctx.as_of)
    if outcome is MET and image.get("owner_id") is None:
        return UNKNOWN
    return outcome


def image_victim_safeguarding(c: Facts, ctx: EvaluationContext) -> Outcome:
    image = c.get("image_abuse")
    if image is None:
        return NOT_APPLICABLE
    referred, informed = image.get("victim_csc_referred"), image.get("victim_school_informed")
    if referred is False or informed is False:
        return MISSING
    return MET if referred is True and informed is True else UNKNOWN


def image_suspect_and_victims(c: Facts, ctx: EvaluationContext) -> Outcome:
    image = c.get("image_abuse")
    if image is None or image.get("suspect_identified") is not True:
        return NOT_APPLICABLE
    assessed, sought = image.get("suspect_risk_assessed"), image.get("other_victims_sought")
    if assessed is False or sought is False:
        return MISSING
    return MET if assessed is True and sought is True else UNKNOWN


_NCA_MINUTES = {"very_high": 1440, "high": 10080, "medium": 20160}


def image_nca_timescale(c: Facts, ctx: EvaluationContext) -> Outcome:
    nca = _path(c, "image_abuse", "nca_referral") or {}
    received, level = nca.get("received_at"), nca.get("risk_level")
    if received is None or level is None:
        return NOT_APPLICABLE
    return _within(nca.get("actioned_at"), received, _NCA_MINUTES.get(level, 43200), ctx.as_of)


_AGGRAVATING = ("coercion", "exploitation", "adult_involvement", "profit", "malice", "persistence")


def image_proportionate_outcome(c: Facts, ctx: EvaluationContext) -> Outcome:
    image = c.get("image_abuse") or {}
    if image.get("outcome") != "outcome_21":
        return NOT_APPLICABLE
    factors = image.get("aggravating_factors") or {}
    if (
        image.get("youth_produced") is False
        or image.get("coerced") is True
        or any(factors.get(k) is True for k in _AGGRAVATING)
    ):
        return MISSING
    if image.get("youth_produced") is True and all(factors.get(k) is False for k in _AGGRAVATING):
        return MET
    return UNKNOWN


def independent_supervision(c: Facts, ctx: EvaluationContext) -> Outcome:
    if not (c["children"] or c.get("missing") is not None or c.get("image_abuse") is not None):
        return NOT_APPLICABLE
    supervision = _path(c, "actions", "supervision") or {}
    supervisor, in_charge = supervision.get("supervisor_id"), c["incident"].get("officer_in_charge_id")
    if supervisor is not None and supervisor == in_charge:
        return MISSING
    if (
        supervisor is not None
        and in_charge is not None
        and supervision.get("reviewed_at") is not None
        and supervision.get("signed_off") is True
    ):
        return MET
    return UNKNOWN


def supervision_open_items(c: Facts, ctx: EvaluationContext) -> Outcome:
    children, adults = c["children"], c["adults"]
    if not children:
        return NOT_APPLICABLE
    checked = _path(c, "actions", "supervision", "open_items_checked")
    referral, encompass = _referral(c), _path(c, "actions", "encompass") or {}
    made = referral.get("made")
    unchecked_carers = [a for a in _non_pr_carers(adults) if a.get("arrested") is not True]
    if (
        checked is False
        or any(ch.get("present") is not False and ch.get("seen") is False for ch in children)
        or (made is True and referral.get("reference") is None)
        or made is False
        or any(_get(a.get("checks"), "done") is False for a in unchecked_carers)
        or (encompass.get("required") is True and encompass.get("sent") is False)
    ):
        return MISSING
    if (
        checked is True
        and all(ch.get("present") is False or ch.get("seen") is True for ch in children)
        and made is True
        and referral.get("reference") is not None
        and all(_get(a.get("checks"), "done") is True for a in unchecked_carers)
        and (encompass.get("required") is not True or encompass.get("sent") is True)
    ):
        return MET
    return UNKNOWN


def _under_13(c: Facts, ctx: EvaluationContext) -> bool:
    as_of = ctx.as_of
    for ch in c["children"]:
        age, born = ch.get("age"), ch.get("date_of_birth")
        if age is not None and age < 13:
            return True
        if born is not None and as_of is not None:
            birth = date.fromisoformat(born)
            years = as_of.year - birth.year - ((as_of.month, as_of.day) < (birth.month, birth.day))
            if years < 13:
                return True
    return False


def _always(c: Facts, ctx: EvaluationContext) -> bool:
    return True


# Language rules: only whether each applies is written here. Scanning the free text is plain Python
# on both sides (``app.rules.language``, given the twins' applicability), so it costs both the same.
LANGUAGE_TWINS: dict[str, Callable[[Facts, EvaluationContext], bool]] = {
    "LANG-NO-VICTIM-BLAMING": _always,
    "LANG-NO-VICTIM-BLAMING.under-13": _under_13,
    "LANG-NO-VICTIM-BLAMING.unverified-terms": _always,
}

# Rule id -> twin. One entry per condition rule of the built-in rule sets.
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
    "CR-ASK-CHILDREN-PRESENT": ask_children_present,
    "CR-FLAG-AS-CHILD-CONCERN": flag_as_child_concern,
    "CR-CHILD-CALLER-MINIMAL": child_caller_minimal,
    "CR-CALLER-SAFETY-ADVICE": caller_safety_advice,
    "CR-INTEL-CHECKS-BRIEF.checks": intel_checks,
    "CR-INTEL-CHECKS-BRIEF.briefing": intel_briefing,
    "CR-DEPLOY-DESPITE-OFFICER-RISK": deploy_despite_officer_risk,
    "CR-THRIVE-CHILD-VULNERABILITY": thrive_child_vulnerability,
    "CR-DOWNGRADE-NEEDS-CHILD-CHECK": downgrade_needs_child_check,
    "CR-UNRESOURCED-ESCALATE": unresourced_escalate,
    "CR-PARTNER-REQUEST-DISPATCH": partner_request_dispatch,
    "CFC-PARENTAL-RESPONSIBILITY": parental_responsibility,
    "CFC-HOME-CONDITIONS-NEEDS": home_conditions_needs,
    "CFC-INJURY-MEDICAL": injury_medical,
    "CFC-EVIDENCE-CAPTURE": evidence_capture,
    "CFC-NO-RELIANCE-ON-OTHER-ADULT": no_reliance_on_other_adult,
    "CFC-ENTRY-POWER-RECORDED": entry_power_recorded,
    "CARE-DEPENDANTS-ON-ARREST": dependants_on_arrest,
    "CARE-DEPENDANTS-ON-ARREST.custody": dependants_in_custody,
    "REF-ACK-FOLLOW-UP": ack_follow_up,
    "REF-STRATEGY-DISCUSSION": strategy_discussion,
    "REF-ALL-CHILDREN-AT-RISK-FROM-SUSPECT": all_children_at_risk_from_suspect,
    "REF-CHILD-AS-DA-VICTIM": child_as_da_victim,
    "ENC-NOTIFY-EDUCATION": notify_education,
    "MIS-RECORD-MISSING-NOT-ABSENT": record_missing_not_absent,
    "MIS-RISK-ASSESS-EXPLOITATION": risk_assess_exploitation,
    "MIS-DOWNGRADE-JUSTIFIED": missing_downgrade_justified,
    "MIS-IMMEDIATE-LOCATE": immediate_locate,
    "MIS-IMMEDIATE-LOCATE.act-on-intel": act_on_location_intel,
    "MIS-CROSS-FORCE-OWNERSHIP": cross_force_ownership,
    "MIS-PREVENTION-INTERVIEW": prevention_interview,
    "MIS-RHI-NOTIFY-LA": rhi_notify_la,
    "MIS-REPEAT-TRIGGER-PLAN": repeat_trigger_plan,
    "MIS-ACT-ON-EXPLOITATION-INTEL": act_on_exploitation_intel,
    "CUST-JUVENILE-SAFEGUARDS.treated-as-child": treated_as_child,
    "CUST-JUVENILE-SAFEGUARDS.welfare-person-notified": welfare_person_notified,
    "CUST-JUVENILE-SAFEGUARDS.appropriate-adult": appropriate_adult,
    "CUST-JUVENILE-SAFEGUARDS.interview-with-aa": interview_with_aa,
    "CUST-JUVENILE-SAFEGUARDS.girl-in-care-of-woman": girl_in_care_of_woman,
    "CUST-JUVENILE-SAFEGUARDS.separated-from-adults": separated_from_adults,
    "CUST-S38-6-TRANSFER": s38_6_transfer,
    "CUST-S38-6-TRANSFER.voluntary-interview": voluntary_interview,
    "REF-CSC-REFERRAL.phone-if-significant-harm": referral_by_phone,
    "IMG-OWNER-AND-SAFEGUARD": image_owner,
    "IMG-OWNER-AND-SAFEGUARD.victim-safeguarding": image_victim_safeguarding,
    "IMG-OWNER-AND-SAFEGUARD.suspect-and-other-victims": image_suspect_and_victims,
    "IMG-OWNER-AND-SAFEGUARD.nca-timescale": image_nca_timescale,
    "IMG-PROPORTIONATE-OUTCOME": image_proportionate_outcome,
    "SUP-INDEPENDENT-SUPERVISION": independent_supervision,
    "SUP-INDEPENDENT-SUPERVISION.open-items": supervision_open_items,
}
