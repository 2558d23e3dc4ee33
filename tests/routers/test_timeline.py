"""A linked person's timeline across incidents (issue 15): API and auditors' workspace, every backend.

Shown (``app.schemas.timeline``): per incident the person was linked to, its date, reference (own
force only), type, latest decision's outcome summary and the history flags. Never a name, date of
birth, person reference or pseudonym, in the page, the JSON or the URL.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import orjson
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from app.db import session_scope
from app.models.tables import ACCESS_EVENTS, PERSON_HISTORY
from app.schemas.pagination import encode_cursor
from app.services import timeline
from tests.auth import Credentials
from tests.history_support import body, child, now, pseudonymiser, submit
from tests.history_support import history_registry as synthetic_registry
from tests.ui.sessions import cookie, sign_in

NAME, REF, BORN = "Ada Example", "NOM-200114", "2019-03-04"
PERSONAL = (NAME, REF, REF.lower(), BORN, "LOC-0048213", "Synthetic free text")


def post(client: TestClient, creds: Credentials, ref: str, children: list[dict[str, Any]], **kw: Any) -> None:
    sent = body(ref, children, version=None, **kw)  # the built-in rule set in force
    response = client.post(
        f"/v1/incidents/{ref}/checklists",
        content=sent.model_dump_json(exclude_none=True),
        headers={**creds.headers("control_room"), "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text


def three_incidents(client: TestClient, creds: Credentials) -> None:
    start = now()
    ada = child(ref=REF, name=NAME, born=BORN)
    post(client, creds, "WMP-T1", [ada], as_of=start - timedelta(days=40))
    post(
        client,
        creds,
        "WMP-T2",
        [child("C3", ref=REF, injuries_observed=True)],
        as_of=start - timedelta(days=5),
    )
    post(client, creds, "WMP-T3", [child("C2", name="Bea Other", born="2018-01-01"), ada], as_of=start)


def timeline_of(
    client: TestClient,
    creds: Credentials,
    ref: str,
    local_id: str,
    who: str = "auditor",
    force: str | None = None,
    **params: Any,
) -> Any:
    headers = creds.headers("auditor", force=force) if force else creds.headers(who)
    return client.get(f"/v1/incidents/{ref}/people/{local_id}/timeline", params=params, headers=headers)


def test_timeline_lists_the_childs_incidents_newest_first_without_personal_data(
    db_client: TestClient, db_creds: Credentials
) -> None:
    three_incidents(db_client, db_creds)
    response = timeline_of(db_client, db_creds, "WMP-T3", "C1")
    assert response.status_code == 200, response.text
    page = response.json()
    assert (page["incident_ref"], page["local_id"], page["subject"]) == ("WMP-T3", "C1", "child")
    items = page["items"]
    assert [i["incident_ref"] for i in items] == ["WMP-T3", "WMP-T2", "WMP-T1"]
    assert [i["this_incident"] for i in items] == [True, False, False]
    assert [i["injury"] for i in items] == [False, True, False]
    assert all(i["force"] == "WMP" and i["concern"] and i["linked_by"] == "ref" for i in items)
    assert all(i["incident_type"] == "child_neglect" and i["decision_id"] for i in items)
    assert page["next_cursor"] is None
    for text in PERSONAL:
        assert text not in response.text
    with session_scope(db_client.app.state.engine) as session:  # type: ignore[attr-defined]
        pseudonyms = set(session.execute(select(PERSON_HISTORY.c.pseudonym)).scalars())
    assert not any(p in response.text for p in pseudonyms)
    # The other child of the same incident has a timeline of its own: that incident only.
    other = timeline_of(db_client, db_creds, "WMP-T3", "C2").json()["items"]
    assert [i["incident_ref"] for i in other] == ["WMP-T3"]


def test_pages_with_limit_and_cursor(db_client: TestClient, db_creds: Credentials) -> None:
    three_incidents(db_client, db_creds)
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = timeline_of(db_client, db_creds, "WMP-T1", "C1", **params).json()
        seen += [i["incident_ref"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["WMP-T3", "WMP-T2", "WMP-T1"]
    foreign = encode_cursor("incidents", "2026-01-01T00:00:00+00:00", "X")
    refused = timeline_of(db_client, db_creds, "WMP-T1", "C1", cursor=foreign)
    assert refused.status_code == 422
    assert [f["path"] for f in refused.json()["fields"]] == ["query.cursor"]


def test_another_forces_auditor_gets_not_found_and_forces_never_link(
    db_client: TestClient, db_creds: Credentials
) -> None:
    three_incidents(db_client, db_creds)
    post(db_client, db_creds, "NTH-T9", [child(ref=REF, name=NAME, born=BORN)], force="NTH")
    outsider = timeline_of(db_client, db_creds, "WMP-T3", "C1", force="NTH")
    assert outsider.status_code == 404
    assert outsider.json()["error"] == "incident_not_found"
    for text in ("WMP-T1", "WMP-T2", *PERSONAL):
        assert text not in outsider.text
    # The same person reference in another force is another person: neither timeline shows the other.
    own = timeline_of(db_client, db_creds, "WMP-T3", "C1", force="WMP").json()["items"]
    assert "NTH-T9" not in [i["incident_ref"] for i in own]
    theirs = timeline_of(db_client, db_creds, "NTH-T9", "C1", force="NTH").json()["items"]
    assert [i["incident_ref"] for i in theirs] == ["NTH-T9"]


def test_unlinked_or_unknown_people_and_other_roles(db_client: TestClient, db_creds: Credentials) -> None:
    post(db_client, db_creds, "WMP-T5", [child(name=NAME)])  # no date of birth: not linked
    missing = timeline_of(db_client, db_creds, "WMP-T5", "C1")
    assert (missing.status_code, missing.json()["error"]) == (404, "person_not_found")
    refusals = [
        timeline_of(db_client, db_creds, "WMP-T5", "C9"),
        timeline_of(db_client, db_creds, "WMP-NONE", "C1"),
        timeline_of(db_client, db_creds, "WMP-T5", "C1", who="control_room"),
        timeline_of(db_client, db_creds, "WMP-T5", "bad id!"),
    ]
    assert [
        (r.status_code, r.json()["error"], [f["path"] for f in r.json().get("fields", [])]) for r in refusals
    ] == [
        (404, "person_not_found", []),  # no such person in that checklist
        (404, "incident_not_found", []),
        (403, "forbidden", []),  # a control room may not read timelines
        (422, "validation_error", ["path.local_id"]),
    ]


def test_every_read_is_access_audited(db_client: TestClient, db_creds: Credentials) -> None:
    three_incidents(db_client, db_creds)
    assert timeline_of(db_client, db_creds, "WMP-T3", "C1", force="WMP").status_code == 200
    assert timeline_of(db_client, db_creds, "WMP-T3", "C1", force="NTH").status_code == 404
    with session_scope(db_client.app.state.engine) as session:  # type: ignore[attr-defined]
        events = session.execute(
            select(
                ACCESS_EVENTS.c.action, ACCESS_EVENTS.c.target, ACCESS_EVENTS.c.status, ACCESS_EVENTS.c.force
            )
            .where(ACCESS_EVENTS.c.action == "person.timeline")
            .order_by(ACCESS_EVENTS.c.id)
        ).all()
    assert [tuple(e) for e in events] == [
        ("person.timeline", "WMP-T3/C1", 200, "WMP"),
        ("person.timeline", "WMP-T3/C1", 404, "NTH"),
    ]


def test_workspace_links_each_person_to_a_timeline_page(db_client: TestClient, db_creds: Credentials) -> None:
    three_incidents(db_client, db_creds)
    cookies = sign_in(db_client, db_creds.key("auditor", force="WMP"))
    incident = db_client.get("/ui/incidents/WMP-T3", headers=cookie(cookies))
    assert incident.status_code == 200
    assert 'href="/ui/incidents/WMP-T3/people/C1"' in incident.text
    assert 'href="/ui/incidents/WMP-T3/people/C2"' in incident.text
    page = db_client.get("/ui/incidents/WMP-T3/people/C1", headers=cookie(cookies))
    assert page.status_code == 200, page.text
    for ref in ("WMP-T1", "WMP-T2", "WMP-T3"):
        assert f'href="/ui/incidents/{ref}?force=WMP"' in page.text
    assert "(this incident)" in page.text
    assert "injury" in page.text
    for text in PERSONAL:
        assert text not in page.text
    outsider = sign_in(db_client, db_creds.key("auditor", force="NTH"))
    hidden = db_client.get("/ui/incidents/WMP-T3/people/C1", headers=cookie(outsider))
    assert hidden.status_code == 404
    assert "WMP-T1" not in hidden.text
    # A control room reads the incident page but gets no timeline links (auditors only).
    control = sign_in(db_client, db_creds.key("control_room"))
    assert "/people/" not in db_client.get("/ui/incidents/WMP-T3", headers=cookie(control)).text
    with session_scope(db_client.app.state.engine) as session:  # type: ignore[attr-defined]
        statuses = (
            session.execute(select(ACCESS_EVENTS.c.status).where(ACCESS_EVENTS.c.action == "person.timeline"))
            .scalars()
            .all()
        )
    assert statuses == [200, 404]


def test_sharing_forces_link_but_show_no_reference_of_the_other_force(db_engine: Engine) -> None:
    registry = synthetic_registry()
    shared = pseudonymiser(shared={"WMP": ("WAR", "WMP"), "WAR": ("WAR", "WMP")})
    start = now()
    submit(
        db_engine,
        registry,
        body("WAR-S1", [child(ref=REF)], force="WAR", as_of=start - timedelta(days=3)),
        shared,
    )
    submit(db_engine, registry, body("WMP-S2", [child(ref=REF)], as_of=start), shared)
    with session_scope(db_engine) as session:
        page = timeline.person_timeline(session, shared, "WMP-S2", "C1", force="WMP")
        alone = timeline.person_timeline(session, pseudonymiser(), "WMP-S2", "C1", force="WMP")
    assert [(i.force, i.incident_ref, i.decision_id is None) for i in page.items] == [
        ("WMP", "WMP-S2", False),
        ("WAR", None, True),
    ]
    assert "WAR-S1" not in orjson.dumps(page.model_dump(mode="json")).decode()
    assert [i.force for i in alone.items] == ["WMP"]  # without the sharing setting: no link
