"""recordProductEvents: public capture of visits and onboarding steps."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from hundi import models
from hundi.api.engagement.client import NO_CLIENT_ADDRESS
from hundi.db import Database
from hundi.domain.enums import ProductEventName
from hundi.services.product_events import (
    ADDRESS_LIMIT,
    MAX_EVENTS_PER_CALL,
    VISITOR_LIMIT,
)
from hundi.services.throttle import count_attempt
from support.factories import create_sme, sme_actor
from support.graphql import GraphQLClient
from support.rows import all_rows, count_rows

RECORD = """
mutation($input: RecordProductEventsInput!) {
  recordProductEvents(input: $input) { recorded errors { field code message } }
}
"""


def _input(visitor_id: str, *events: str) -> dict[str, Any]:
    return {"input": {"visitorId": visitor_id, "events": list(events)}}


async def _record(
    gql: GraphQLClient, variables: dict[str, Any], actor: Any = None
) -> dict[str, Any]:
    data = await gql(actor, RECORD, variables)
    payload: dict[str, Any] = data["recordProductEvents"]
    return payload


async def assert_nothing_recorded(database: Database) -> None:
    assert await count_rows(database, models.ProductEvent) == 0
    assert await count_rows(database, models.Visitor) == 0
    assert await count_rows(database, models.ThrottleEvent) == 0


async def test_record_events_of_anonymous_visitor(
    database: Database, gql: GraphQLClient
) -> None:
    visitor = str(uuid.uuid4())

    payload = await _record(gql, _input(visitor.upper(), "VISIT", "SIGNUP_STARTED"))

    assert payload == {"recorded": 2, "errors": []}
    events = await all_rows(database, models.ProductEvent)
    assert sorted(event.name for event in events) == [
        ProductEventName.SIGNUP_STARTED,
        ProductEventName.VISIT,
    ]
    assert {event.visitor_id for event in events} == {visitor}
    assert {event.sme_id for event in events} == {None}
    (stored,) = await all_rows(database, models.Visitor)
    assert stored.visitor_id == visitor
    assert stored.sme_id is None


async def test_record_events_signed_in_links_sme(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)
    visitor = str(uuid.uuid4())
    await _record(gql, _input(visitor, "VISIT"))

    payload = await _record(gql, _input(visitor, "SIGNUP_COMPLETED"), sme_actor(sme))

    assert payload["errors"] == []
    async with database.session() as session:
        linked = await session.scalar(
            select(models.Visitor.sme_id).where(models.Visitor.visitor_id == visitor)
        )
        event_smes = set(
            await session.scalars(
                select(models.ProductEvent.sme_id).where(
                    models.ProductEvent.name == ProductEventName.SIGNUP_COMPLETED
                )
            )
        )
    assert linked == sme.id
    assert event_smes == {sme.id}


async def test_record_events_visitor_keeps_first_sme(
    database: Database, gql: GraphQLClient
) -> None:
    first, second = await create_sme(database), await create_sme(database)
    visitor = str(uuid.uuid4())

    await _record(gql, _input(visitor, "SIGNUP_COMPLETED"), sme_actor(first))
    await _record(gql, _input(visitor, "KYC_STARTED"), sme_actor(second))

    (stored,) = await all_rows(database, models.Visitor)
    assert stored.sme_id == first.id


@pytest.mark.parametrize(
    ("variables", "field", "code"),
    [
        (_input("not-a-uuid", "VISIT"), ["input", "visitorId"], "INVALID_VISITOR_ID"),
        (_input("", "VISIT"), ["input", "visitorId"], "INVALID_VISITOR_ID"),
        (_input(str(uuid.uuid4())), ["input", "events"], "REQUIRED"),
        (
            _input(str(uuid.uuid4()), *["VISIT"] * (MAX_EVENTS_PER_CALL + 1)),
            ["input", "events"],
            "TOO_MANY_EVENTS",
        ),
    ],
)
async def test_record_events_bad_input_writes_nothing(
    variables: dict[str, Any],
    field: list[str],
    code: str,
    database: Database,
    gql: GraphQLClient,
) -> None:
    payload = await _record(gql, variables)

    assert payload["recorded"] == 0
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)]
    await assert_nothing_recorded(database)


async def test_record_events_unknown_name_rejected_by_schema(
    database: Database, gql: GraphQLClient
) -> None:
    error = await gql.denied(
        None, RECORD, "BAD_USER_INPUT", _input(str(uuid.uuid4()), "VISIT", "LOGIN")
    )

    assert "LOGIN" in error["message"]
    await assert_nothing_recorded(database)


async def test_record_events_limited_per_visitor(
    database: Database, gql: GraphQLClient
) -> None:
    visitor = str(uuid.uuid4())
    for _ in range(VISITOR_LIMIT.limit):
        assert (await _record(gql, _input(visitor, "VISIT")))["errors"] == []

    payload = await _record(gql, _input(visitor, "VISIT"))

    assert payload["recorded"] == 0
    assert payload["errors"][0]["code"] == "TOO_MANY_REQUESTS"
    assert "visitor" in payload["errors"][0]["message"]
    assert await count_rows(database, models.ProductEvent) == VISITOR_LIMIT.limit


async def test_record_events_limited_per_address(
    database: Database, gql: GraphQLClient
) -> None:
    # Fill the address's window directly: one call per fresh visitor would
    # take a few hundred requests.
    async with database.transaction() as session:
        for _ in range(ADDRESS_LIMIT.limit):
            await count_attempt(session, ADDRESS_LIMIT, NO_CLIENT_ADDRESS)

    payload = await _record(gql, _input(str(uuid.uuid4()), "VISIT"))

    assert payload["errors"][0]["code"] == "TOO_MANY_REQUESTS"
    assert "network address" in payload["errors"][0]["message"]
    assert await count_rows(database, models.ProductEvent) == 0
