"""Listing invoices: scope, cursor pagination, filters and SQL statement counts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import (
    create_buyer,
    create_invoice,
    create_sme,
    platform_actor,
    sme_actor,
)
from support.graphql import GraphQLClient, count_statements

INVOICES = """
query Invoices($first: Int, $after: String, $filter: InvoiceFilter) {
  invoices(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges {
      cursor
      node { id invoiceNumber totalAmount sme { legalName gstins } buyer { gstin } }
    }
  }
}
"""


async def _invoices(database: Database, count: int) -> None:
    sme = await create_sme(database)
    buyers = [await create_buyer(database) for _ in range(3)]
    for number in range(count):
        await create_invoice(database, sme, buyers[number % 3])


async def test_invoices_without_actor_unauthenticated(gql: GraphQLClient) -> None:
    await gql.denied(None, INVOICES, "UNAUTHENTICATED")


async def test_invoices_as_management_forbidden(gql: GraphQLClient) -> None:
    error = await gql.denied(platform_actor(Role.MANAGEMENT), INVOICES, "FORBIDDEN")

    assert "SME, LENDER, OPS or ADMIN" in error["message"]


async def test_invoices_pages_follow_cursors(
    database: Database, gql: GraphQLClient
) -> None:
    await _invoices(database, 5)
    ops = platform_actor(Role.OPS)

    first = await gql(ops, INVOICES, {"first": 2})
    second = await gql(
        ops, INVOICES, {"first": 2, "after": first["invoices"]["pageInfo"]["endCursor"]}
    )
    third = await gql(
        ops,
        INVOICES,
        {"first": 2, "after": second["invoices"]["pageInfo"]["endCursor"]},
    )

    seen = [
        edge["node"]["id"]
        for page in (first, second, third)
        for edge in page["invoices"]["edges"]
    ]
    assert len(seen) == 5
    assert len(set(seen)) == 5
    assert first["invoices"]["totalCount"] == 5
    assert first["invoices"]["pageInfo"]["hasNextPage"] is True
    assert first["invoices"]["pageInfo"]["hasPreviousPage"] is False
    assert third["invoices"]["pageInfo"]["hasNextPage"] is False
    assert third["invoices"]["pageInfo"]["hasPreviousPage"] is True


async def test_invoices_first_above_cap_rejected(gql: GraphQLClient) -> None:
    error = await gql.denied(
        platform_actor(Role.OPS), INVOICES, "BAD_USER_INPUT", {"first": 101}
    )

    assert "between 0 and 100" in error["message"]


async def test_invoices_bad_cursor_rejected(gql: GraphQLClient) -> None:
    await gql.denied(
        platform_actor(Role.OPS), INVOICES, "BAD_USER_INPUT", {"after": "not-a-cursor"}
    )


async def test_invoices_money_is_decimal_string(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(database, sme, buyer, total=Decimal("125000.50"))

    data = await gql(platform_actor(Role.OPS), INVOICES)

    assert data["invoices"]["edges"][0]["node"]["totalAmount"] == "125000.50"


async def test_invoices_sme_sees_only_its_own(
    database: Database, gql: GraphQLClient
) -> None:
    mine = await create_sme(database)
    other = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(database, mine, buyer, invoice_number="MINE-1")
    await create_invoice(database, other, buyer, invoice_number="THEIRS-1")

    data = await gql(sme_actor(mine), INVOICES)

    numbers = [edge["node"]["invoiceNumber"] for edge in data["invoices"]["edges"]]
    assert numbers == ["MINE-1"]
    assert data["invoices"]["totalCount"] == 1


async def test_invoices_filter_by_amount_and_due_date(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(
        database, sme, buyer, invoice_number="SMALL", total=Decimal("50000.00")
    )
    await create_invoice(
        database,
        sme,
        buyer,
        invoice_number="LATE",
        total=Decimal("90000.00"),
        due_date=date(2027, 3, 1),
    )
    await create_invoice(
        database, sme, buyer, invoice_number="MATCH", total=Decimal("90000.00")
    )

    data = await gql(
        platform_actor(Role.OPS),
        INVOICES,
        {"filter": {"amountMin": "60000.00", "dueDateTo": "2027-01-31"}},
    )

    numbers = [edge["node"]["invoiceNumber"] for edge in data["invoices"]["edges"]]
    assert numbers == ["MATCH"]


async def test_invoices_amount_filter_as_float_rejected(gql: GraphQLClient) -> None:
    error = await gql.denied(
        platform_actor(Role.OPS),
        INVOICES,
        "BAD_USER_INPUT",
        {"filter": {"amountMin": 600.5}},
    )

    assert "decimal string" in error["message"]


@pytest.mark.parametrize("rows", [5, 50])
async def test_invoices_statement_count_does_not_grow(
    database: Database, gql: GraphQLClient, rows: int
) -> None:
    await _invoices(database, rows)

    with count_statements(database) as counter:
        data = await gql(platform_actor(Role.OPS), INVOICES, {"first": 50})

    assert len(data["invoices"]["edges"]) == rows
    # The page, the count, SMEs, their GSTINs and buyers: one statement each.
    assert counter.count == 5, counter.statements


async def test_invoices_negative_amount_filter_rejected(gql: GraphQLClient) -> None:
    error = await gql.denied(
        platform_actor(Role.OPS),
        INVOICES,
        "BAD_USER_INPUT",
        {"filter": {"amountMin": "-5"}},
    )

    assert error["message"] == (
        "filter.amountMin -5 is negative; invoice totals are more than 0"
    )


async def test_invoices_amount_filter_with_three_places_rejected(
    gql: GraphQLClient,
) -> None:
    error = await gql.denied(
        platform_actor(Role.OPS),
        INVOICES,
        "BAD_USER_INPUT",
        {"filter": {"amountMin": "600.505"}},
    )

    assert "600.505 has more than 2 decimal places" in error["message"]
