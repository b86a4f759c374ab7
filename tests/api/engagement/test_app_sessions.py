"""startAppSession, touchAppSession, endAppSession, and engagement from them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from support.factories import create_sme, create_user, platform_actor
from support.graphql import GraphQLClient
from support.rows import all_rows, count_rows

START = """
mutation($input: StartAppSessionInput!) {
  startAppSession(input: $input) {
    session { id startedAt lastActivityAt endedAt } errors { field code message }
  }
}
"""
TOUCH = """
mutation($id: UUID!) {
  touchAppSession(input: {sessionId: $id}) {
    session { id lastActivityAt } errors { field code message }
  }
}
"""
END = """
mutation($id: UUID!) {
  endAppSession(input: {sessionId: $id}) {
    session { id lastActivityAt endedAt } errors { field code }
  }
}
"""
ENGAGEMENT = """
query($from: Date!, $to: Date!) {
  kpis(from: $from, to: $to) { key value series { month value } }
}
"""


async def _sme_user(database: Database) -> Actor:
    return await create_user(database, Role.SME, sme=await create_sme(database))


async def _start(gql: GraphQLClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    data = await gql(actor, START, {"input": fields})
    payload: dict[str, Any] = data["startAppSession"]
    return payload


async def _shift_back(database: Database, session_id: str, minutes: int) -> None:
    """Move a session's start and last activity `minutes` into the past."""
    async with database.transaction() as session:
        row = await session.get(models.AppSession, uuid.UUID(session_id))
        assert row is not None
        row.started_at -= timedelta(minutes=minutes)
        row.last_activity_at -= timedelta(minutes=minutes)


async def test_session_start_touch_end(database: Database, gql: GraphQLClient) -> None:
    actor = await _sme_user(database)
    started = await _start(gql, actor)
    session_id = started["session"]["id"]

    touched = await gql(actor, TOUCH, {"id": session_id})
    ended = await gql(actor, END, {"id": session_id})

    assert started["errors"] == []
    assert touched["touchAppSession"]["errors"] == []
    assert ended["endAppSession"]["errors"] == []
    (row,) = await all_rows(database, models.AppSession)
    assert row.user_id == actor.user_id
    assert row.sme_id == actor.sme_id
    assert row.ended_at is not None
    assert row.started_at <= row.last_activity_at == row.ended_at


async def test_session_shows_in_engagement(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _sme_user(database)
    session_id = (await _start(gql, actor))["session"]["id"]
    # The session began 7 minutes ago; the heartbeat now makes it 7 long.
    await _shift_back(database, session_id, 7)
    await gql(actor, TOUCH, {"id": session_id})
    # From yesterday, so that a start moved back across midnight still counts.
    today = india_today()
    period = {"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()}

    data = await gql(platform_actor(Role.MANAGEMENT), ENGAGEMENT, period)
    kpis = {kpi["key"]: kpi for kpi in data["kpis"]}

    # Whole seconds: a touch a few milliseconds after the 7-minute shift.
    assert kpis["SESSION_DURATION"]["value"] == "7.00"
    assert kpis["MONTHLY_ACTIVE_SMES"]["value"] == "1"


async def test_platform_session_not_sme_engagement(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.OPS)
    await _start(gql, ops)
    today = india_today().isoformat()

    data = await gql(
        platform_actor(Role.MANAGEMENT), ENGAGEMENT, {"from": today, "to": today}
    )
    kpis = {kpi["key"]: kpi for kpi in data["kpis"]}

    assert await count_rows(database, models.AppSession) == 1
    assert kpis["SESSION_DURATION"]["value"] is None
    assert kpis["MONTHLY_ACTIVE_SMES"]["value"] == "0"


async def test_session_start_links_visitor(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _sme_user(database)
    visitor = str(uuid.uuid4())

    payload = await _start(gql, actor, visitorId=visitor)

    assert payload["errors"] == []
    (stored,) = await all_rows(database, models.Visitor)
    assert (stored.visitor_id, stored.sme_id) == (visitor, actor.sme_id)


async def test_session_start_bad_visitor_writes_nothing(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _sme_user(database)

    payload = await _start(gql, actor, visitorId="browser-1")

    assert payload["session"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        (["input", "visitorId"], "INVALID_VISITOR_ID")
    ]
    assert await count_rows(database, models.AppSession) == 0


async def test_session_touch_after_idle_expired(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _sme_user(database)
    session_id = (await _start(gql, actor))["session"]["id"]
    await _shift_back(database, session_id, 31)

    data = await gql(actor, TOUCH, {"id": session_id})

    assert data["touchAppSession"]["errors"][0]["code"] == "SESSION_EXPIRED"
    (row,) = await all_rows(database, models.AppSession)
    assert datetime.now(UTC) - row.last_activity_at > timedelta(minutes=30)


async def test_session_end_after_idle(database: Database, gql: GraphQLClient) -> None:
    actor = await _sme_user(database)
    session_id = (await _start(gql, actor))["session"]["id"]
    await _shift_back(database, session_id, 45)

    data = await gql(actor, END, {"id": session_id})

    session = data["endAppSession"]["session"]
    assert session["endedAt"] == session["lastActivityAt"]


async def test_session_touch_after_end_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    actor = await _sme_user(database)
    session_id = (await _start(gql, actor))["session"]["id"]
    await gql(actor, END, {"id": session_id})

    touched = await gql(actor, TOUCH, {"id": session_id})
    ended_again = await gql(actor, END, {"id": session_id})

    assert touched["touchAppSession"]["errors"][0]["code"] == "SESSION_ENDED"
    assert ended_again["endAppSession"]["errors"] == []


async def test_session_of_other_user_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    owner, other = await _sme_user(database), await _sme_user(database)
    session_id = (await _start(gql, owner))["session"]["id"]

    touched = await gql(other, TOUCH, {"id": session_id})
    ended = await gql(other, END, {"id": session_id})

    assert touched["touchAppSession"]["errors"][0]["code"] == "NOT_FOUND"
    assert ended["endAppSession"]["errors"][0]["field"] == ["input", "sessionId"]
    (row,) = await all_rows(database, models.AppSession)
    assert row.ended_at is None
