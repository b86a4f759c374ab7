"""Listing buyers, and the documents of invoices in a list."""

from __future__ import annotations

from datetime import timedelta

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from support.factories import create_buyer, create_invoice, create_sme, create_user
from support.graphql import GraphQLClient, count_statements
from support.uploads import pdf

BUYERS = """
query Buyers($first: Int, $after: String, $gstin: String) {
  buyers(first: $first, after: $after, gstin: $gstin) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { gstin legalName }
  }
}
"""

INVOICES_WITH_DOCUMENTS = """
{
  invoices {
    nodes { invoiceNumber documents { filename contentType sha256 downloadPath } }
  }
}
"""

UPLOAD = """
mutation Upload($input: UploadInvoiceInput!) {
  uploadInvoice(input: $input) { errors { code } }
}
"""


async def test_buyers_sme_sees_own_by_name(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)
    actor = await create_user(database, Role.SME, sme=sme)
    zenith = await create_buyer(database, legal_name="Zenith Motors Ltd")
    acme = await create_buyer(database, legal_name="Acme Forgings Ltd")
    await create_buyer(database, legal_name="Never Invoiced Ltd")
    await create_invoice(database, sme, zenith)
    await create_invoice(database, sme, acme)
    await create_invoice(database, sme, acme)

    data = await gql(actor, BUYERS)

    assert data["buyers"]["totalCount"] == 2
    assert [node["legalName"] for node in data["buyers"]["nodes"]] == [
        "Acme Forgings Ltd",
        "Zenith Motors Ltd",
    ]


async def test_buyers_filtered_by_gstin(database: Database, gql: GraphQLClient) -> None:
    ops = await create_user(database, Role.OPS)
    await create_buyer(database)
    wanted = await create_buyer(database)

    data = await gql(ops, BUYERS, {"gstin": wanted.gstin.lower()})

    assert [node["gstin"] for node in data["buyers"]["nodes"]] == [wanted.gstin]


async def test_buyers_pages_follow_cursor(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.ADMIN)
    for _ in range(3):
        await create_buyer(database)

    first = await gql(ops, BUYERS, {"first": 2})
    cursor = first["buyers"]["pageInfo"]["endCursor"]
    second = await gql(ops, BUYERS, {"first": 2, "after": cursor})

    names = [node["legalName"] for node in first["buyers"]["nodes"]]
    names += [node["legalName"] for node in second["buyers"]["nodes"]]
    assert names == sorted(names)
    assert len(set(names)) == 3


async def test_buyers_as_management_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    management = await create_user(database, Role.MANAGEMENT)

    await gql.denied(management, BUYERS, "FORBIDDEN")


async def test_invoice_documents_batched(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database, state_code="29")
    actor = await create_user(database, Role.SME, sme=sme)
    invoice_date = india_today() - timedelta(days=3)

    async def upload(number: str) -> None:
        variables = {
            "input": {
                "buyerGstin": "27AAPFU0939F1ZV",
                "buyerName": "Umang Pumps LLP",
                "invoiceNumber": number,
                "invoiceDate": invoice_date.isoformat(),
                "dueDate": (invoice_date + timedelta(days=30)).isoformat(),
                "taxableValue": "1000.00",
                "gstAmount": "180.00",
                "totalAmount": "1180.00",
                "document": pdf(f"{number.replace('/', '-')}.pdf"),
            }
        }
        data = await gql(actor, UPLOAD, variables)
        assert data["uploadInvoice"]["errors"] == []

    await upload("INV/1")
    with count_statements(database) as one_invoice:
        await gql(actor, INVOICES_WITH_DOCUMENTS)
    await upload("INV/2")
    await upload("INV/3")
    with count_statements(database) as three_invoices:
        data = await gql(actor, INVOICES_WITH_DOCUMENTS)

    nodes = data["invoices"]["nodes"]
    assert len(nodes) == 3
    assert all(len(node["documents"]) == 1 for node in nodes)
    assert nodes[0]["documents"][0]["filename"] == "INV-3.pdf"
    assert three_invoices.count == one_invoice.count
