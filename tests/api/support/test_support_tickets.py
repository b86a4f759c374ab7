"""Support tickets: the SME opens, OPS answers and resolves, scoping holds."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from support.factories import create_platform_user, create_sme, create_user
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions, count_rows

OPEN = """
mutation($input: OpenSupportTicketInput!) {
  openSupportTicket(input: $input) {
    ticket { id status subject category openedAt messages { body authorRole } }
    errors { field code message }
  }
}
"""
ADD = """
mutation($id: ID!, $message: String!) {
  addSupportTicketMessage(input: {ticketId: $id, message: $message}) {
    ticket { status messages { body authorRole } } errors { field code message }
  }
}
"""
ANSWER = """
mutation($id: ID!, $message: String!) {
  answerSupportTicket(input: {ticketId: $id, message: $message}) {
    ticket { status firstResponseAt messages { authorRole } } errors { code }
  }
}
"""
RESOLVE = """
mutation($id: ID!, $message: String) {
  resolveSupportTicket(input: {ticketId: $id, message: $message}) {
    ticket { status firstResponseAt resolvedAt } errors { field code message }
  }
}
"""
TICKETS = """
query($status: [TicketStatus!]) {
  supportTickets(status: $status) {
    totalCount nodes { subject status sme { legalName } messages { body } }
  }
}
"""


async def _sme_user(database: Database) -> Actor:
    return await create_user(database, Role.SME, sme=await create_sme(database))


async def _open(gql: GraphQLClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    values = {
        "category": "KYC",
        "subject": "How long does KYC take?",
        "message": "We submitted yesterday.",
        **fields,
    }
    data = await gql(actor, OPEN, {"input": values})
    payload: dict[str, Any] = data["openSupportTicket"]
    return payload


async def test_ticket_open_answer_reply_resolve(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await _sme_user(database)
    ops = await create_platform_user(database, Role.OPS)
    opened = await _open(gql, sme)
    ticket_id = opened["ticket"]["id"]

    answered = await gql(ops, ANSWER, {"id": ticket_id, "message": "Within a day."})
    replied = await gql(sme, ADD, {"id": ticket_id, "message": "Thanks, and PAN?"})
    resolved = await gql(ops, RESOLVE, {"id": ticket_id, "message": "Done."})

    assert opened["ticket"]["status"] == "OPEN"
    assert opened["ticket"]["messages"] == [
        {"body": "We submitted yesterday.", "authorRole": "SME"}
    ]
    assert answered["answerSupportTicket"]["ticket"]["status"] == "ANSWERED"
    assert replied["addSupportTicketMessage"]["ticket"]["status"] == "OPEN"
    assert [
        m["authorRole"]
        for m in replied["addSupportTicketMessage"]["ticket"]["messages"]
    ] == ["SME", "OPS", "SME"]
    ticket = resolved["resolveSupportTicket"]["ticket"]
    assert ticket["status"] == "RESOLVED"
    (stored,) = await all_rows(database, models.SupportTicket)
    assert stored.opened_at < stored.first_response_at < stored.resolved_at
    assert await count_rows(database, models.TicketMessage) == 4
    assert await audit_actions(database) == [
        "support_ticket.opened",
        "support_ticket.answered",
        "support_ticket.message_added",
        "support_ticket.resolved",
    ]


async def test_ticket_first_response_set_once(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await _sme_user(database)
    ops = await create_platform_user(database, Role.OPS)
    ticket_id = (await _open(gql, sme))["ticket"]["id"]

    first = await gql(ops, ANSWER, {"id": ticket_id, "message": "Looking."})
    second = await gql(ops, ANSWER, {"id": ticket_id, "message": "Still looking."})

    assert (
        first["answerSupportTicket"]["ticket"]["firstResponseAt"]
        == second["answerSupportTicket"]["ticket"]["firstResponseAt"]
    )


async def test_ticket_resolve_sets_first_response(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await _sme_user(database)
    ops = await create_platform_user(database, Role.ADMIN)
    ticket_id = (await _open(gql, sme))["ticket"]["id"]

    data = await gql(ops, RESOLVE, {"id": ticket_id})

    ticket = data["resolveSupportTicket"]["ticket"]
    assert ticket["firstResponseAt"] == ticket["resolvedAt"]
    assert await count_rows(database, models.TicketMessage) == 1


async def test_ticket_resolved_takes_no_more_messages(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await _sme_user(database)
    ops = await create_platform_user(database, Role.OPS)
    ticket_id = (await _open(gql, sme))["ticket"]["id"]
    await gql(ops, RESOLVE, {"id": ticket_id})

    added = await gql(sme, ADD, {"id": ticket_id, "message": "One more thing"})
    answered = await gql(ops, ANSWER, {"id": ticket_id, "message": "Late answer"})
    resolved = await gql(ops, RESOLVE, {"id": ticket_id})

    error = added["addSupportTicketMessage"]["errors"][0]
    assert error["code"] == "TICKET_RESOLVED"
    assert "open a new ticket" in error["message"]
    assert answered["answerSupportTicket"]["errors"][0]["code"] == "TICKET_RESOLVED"
    assert resolved["resolveSupportTicket"]["errors"][0]["code"] == "TICKET_RESOLVED"
    assert await count_rows(database, models.TicketMessage) == 1


async def test_ticket_of_other_sme_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    owner, other = await _sme_user(database), await _sme_user(database)
    ticket_id = (await _open(gql, owner))["ticket"]["id"]

    added = await gql(other, ADD, {"id": ticket_id, "message": "Let me in"})
    listed = await gql(other, TICKETS)
    node = await gql(
        other, "query($id: ID!) { node(id: $id) { id } }", {"id": ticket_id}
    )

    assert added["addSupportTicketMessage"]["errors"][0]["code"] == "NOT_FOUND"
    assert listed["supportTickets"]["totalCount"] == 0
    assert node["node"] is None
    assert await count_rows(database, models.TicketMessage) == 1


async def test_tickets_listed_for_ops_by_status(
    database: Database, gql: GraphQLClient
) -> None:
    first, second = await _sme_user(database), await _sme_user(database)
    ops = await create_platform_user(database, Role.OPS)
    await _open(gql, first, subject="First")
    ticket_id = (await _open(gql, second, subject="Second"))["ticket"]["id"]
    await gql(ops, ANSWER, {"id": ticket_id, "message": "On it."})

    everything = await gql(ops, TICKETS)
    waiting = await gql(ops, TICKETS, {"status": ["OPEN"]})
    own = await gql(first, TICKETS)

    assert [t["subject"] for t in everything["supportTickets"]["nodes"]] == [
        "Second",
        "First",
    ]
    assert [t["subject"] for t in waiting["supportTickets"]["nodes"]] == ["First"]
    assert own["supportTickets"]["totalCount"] == 1
    assert own["supportTickets"]["nodes"][0]["sme"]["legalName"]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"subject": "  "}, [(["input", "subject"], "REQUIRED")]),
        ({"subject": "x" * 201}, [(["input", "subject"], "TOO_LONG")]),
        (
            {"subject": "", "message": ""},
            [(["input", "subject"], "REQUIRED"), (["input", "message"], "REQUIRED")],
        ),
        ({"message": "x" * 5001}, [(["input", "message"], "TOO_LONG")]),
    ],
)
async def test_ticket_open_bad_input_writes_nothing(
    fields: dict[str, str],
    errors: list[tuple[list[str], str]],
    database: Database,
    gql: GraphQLClient,
) -> None:
    payload = await _open(gql, await _sme_user(database), **fields)

    assert payload["ticket"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == errors
    assert await count_rows(database, models.SupportTicket) == 0


@pytest.mark.parametrize("type_name", ["SupportTicket", "Invoice"])
async def test_ticket_answer_unknown_id_not_found(
    type_name: str, database: Database, gql: GraphQLClient
) -> None:
    ops = await create_platform_user(database, Role.OPS)
    unknown = to_global_id(type_name, uuid.uuid4())

    data = await gql(ops, ANSWER, {"id": unknown, "message": "Hi"})

    assert data["answerSupportTicket"]["errors"] == [{"code": "NOT_FOUND"}]
