"""submitApplication: an SME applies, and Hundi matches every active lender."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DocumentType, InvoiceStatus, SmeStatus
from hundi.services.actor import Actor
from support.factories import create_buyer, create_invoice, create_lender, create_sme
from support.graphql import GraphQLClient
from support.lending import (
    add_product,
    invoice_due,
    lender_user,
    open_book,
    sme_user,
    submitted,
)
from support.rows import all_rows, count_rows

SUBMIT = """
mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) {
    application {
      id status requestedAmount
      invoices { invoiceNumber }
      offers { isInstant annualRate keyFacts { invoiceAmount netAmount } }
      lenderMatches { matched reasons lender { name } }
    }
    errors { field code message }
  }
}
"""


def ids(*invoices: models.Invoice) -> list[str]:
    return [to_global_id("Invoice", invoice.id) for invoice in invoices]


async def submit(
    gql: GraphQLClient, actor: Actor, invoice_ids: list[str]
) -> dict[str, Any]:
    data = await gql(actor, SUBMIT, {"input": {"invoiceIds": invoice_ids}})
    payload: dict[str, Any] = data["submitApplication"]
    return payload


async def test_submit_application_matches_fitting_lender(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    misfit = await create_lender(database, name="Tiny Tickets Finance")
    await add_product(database, misfit, max_amount=Decimal("50000.00"))
    first = await invoice_due(database, book, india_today() + timedelta(days=60))
    second = await invoice_due(database, book, india_today() + timedelta(days=75))

    payload = await submit(gql, book.owner, ids(first, second))

    assert payload["errors"] == []
    application = payload["application"]
    assert application["status"] == "SUBMITTED"
    assert application["requestedAmount"] == "236000.00"
    assert [i["invoiceNumber"] for i in application["invoices"]] == [
        first.invoice_number,
        second.invoice_number,
    ]
    assert application["offers"] == []
    matches = await all_rows(database, models.ApplicationLenderMatch)
    by_lender = {match.lender_id: match for match in matches}
    assert by_lender[book.lender.id].matched is True
    assert by_lender[book.lender.id].product_id == book.product.id
    assert by_lender[misfit.id].matched is False
    assert any("above the product's largest" in r for r in by_lender[misfit.id].reasons)


async def test_submit_application_instant_offer_made(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(
        database, instant_offer=True, instant_annual_rate=Decimal("0.125")
    )
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))

    payload = await submit(gql, book.owner, ids(invoice))

    application = payload["application"]
    assert application["status"] == "OFFERED"
    [offer] = application["offers"]
    assert offer["isInstant"] is True
    assert offer["annualRate"] == "0.125"
    assert offer["keyFacts"]["invoiceAmount"] == "118000.00"


async def test_submit_application_lender_sees_own_match_only(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    await open_book(database, sme=book.sme, buyer=book.buyer)
    invoice = await invoice_due(database, book, india_today() + timedelta(days=60))
    application = await submitted(database, book, [invoice])
    query = """
    query($id: ID!) { node(id: $id) { ... on FinancingApplication {
      lenderMatches { lender { id } matched } } } }
    """
    variables = {"id": to_global_id("FinancingApplication", application.id)}

    as_lender = await gql(book.maker, query, variables)
    as_sme = await gql(book.owner, query, variables)

    assert [m["lender"]["id"] for m in as_lender["node"]["lenderMatches"]] == [
        to_global_id("LenderPartner", book.lender.id)
    ]
    assert as_sme["node"]["lenderMatches"] == []


async def test_submit_application_rejects_each_bad_invoice(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    today = india_today()
    good = await invoice_due(database, book, today + timedelta(days=60))
    in_application = await invoice_due(database, book, today + timedelta(days=60))
    await submitted(database, book, [in_application])
    financed = await create_invoice(
        database, book.sme, book.buyer, status=InvoiceStatus.FINANCED
    )
    uploaded = await create_invoice(
        database, book.sme, book.buyer, status=InvoiceStatus.UPLOADED
    )
    due_soon = await invoice_due(database, book, today + timedelta(days=1))
    strangers = await create_invoice(
        database, await create_sme(database), await create_buyer(database)
    )

    payload = await submit(
        gql,
        book.owner,
        ids(good, in_application, financed, uploaded, due_soon, strangers, good),
    )

    errors = {tuple(error["field"]): error for error in payload["errors"]}
    assert list(errors) == [("input", "invoiceIds", "6")]
    assert errors[("input", "invoiceIds", "6")]["code"] == "REPEATED_INVOICE"
    assert errors[("input", "invoiceIds", "6")]["message"] == (
        "This invoice id is also at index 0 of invoiceIds; list each invoice once."
    )

    payload = await submit(
        gql,
        book.owner,
        ids(good, in_application, financed, uploaded, due_soon, strangers),
    )

    errors = {tuple(error["field"]): error["code"] for error in payload["errors"]}
    assert errors == {
        ("input", "invoiceIds", "1"): "INVOICE_IN_LIVE_APPLICATION",
        ("input", "invoiceIds", "2"): "INVOICE_ALREADY_FINANCED",
        ("input", "invoiceIds", "3"): "INVOICE_NOT_VERIFIED",
        ("input", "invoiceIds", "4"): "INVOICE_DUE_TOO_SOON",
        ("input", "invoiceIds", "5"): "NOT_FOUND",
    }
    assert await count_rows(database, models.FinancingApplication) == 1


async def test_submit_application_rejects_credit_and_debit_notes(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    due = india_today() + timedelta(days=60)
    credit_note = await create_invoice(
        database,
        book.sme,
        book.buyer,
        due_date=due,
        document_type=DocumentType.CRN,
        invoice_number="CN/001",
    )
    debit_note = await create_invoice(
        database,
        book.sme,
        book.buyer,
        due_date=due,
        document_type=DocumentType.DBN,
        invoice_number="DN/001",
    )

    payload = await submit(gql, book.owner, ids(credit_note, debit_note))

    errors = {tuple(error["field"]): error for error in payload["errors"]}
    first = errors[("input", "invoiceIds", "0")]
    second = errors[("input", "invoiceIds", "1")]
    assert first["code"] == "NOT_A_TAX_INVOICE"
    assert first["message"] == (
        "Document CN/001 is a credit note (CRN); only tax invoices (INV) can be "
        "financed."
    )
    assert second["code"] == "NOT_A_TAX_INVOICE"
    assert "DN/001 is a debit note (DBN)" in second["message"]
    assert payload["application"] is None
    assert await count_rows(database, models.FinancingApplication) == 0


async def test_submit_application_without_kyc_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database, status=SmeStatus.KYC_SUBMITTED)
    owner = await sme_user(database, sme)
    invoice = await create_invoice(database, sme, await create_buyer(database))

    payload = await submit(gql, owner, ids(invoice))

    assert [error["code"] for error in payload["errors"]] == ["KYC_NOT_VERIFIED"]
    assert await count_rows(database, models.FinancingApplication) == 0


async def test_submit_application_empty_list_rejected(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database)

    payload = await submit(gql, await sme_user(database, sme), [])

    assert [error["code"] for error in payload["errors"]] == ["REQUIRED"]


async def test_submit_application_by_lender_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    officer = await lender_user(database, await create_lender(database))

    await gql.denied(officer, SUBMIT, "FORBIDDEN", {"input": {"invoiceIds": []}})


FINANCEABLE = """
query Financeable($financeable: Boolean) {
  invoices(first: 50, filter: { financeable: $financeable }) {
    nodes { invoiceNumber }
  }
}
"""


async def test_financeable_filter_lists_what_an_application_accepts(
    database: Database, gql: GraphQLClient
) -> None:
    book = await open_book(database)
    today = india_today()
    far = today + timedelta(days=60)
    ready = await invoice_due(database, book, far)
    in_application = await invoice_due(database, book, far)
    await submitted(database, book, [in_application])
    due_soon = await invoice_due(database, book, today + timedelta(days=1))
    await create_invoice(
        database, book.sme, book.buyer, due_date=far, status=InvoiceStatus.UPLOADED
    )
    await create_invoice(
        database, book.sme, book.buyer, due_date=far, document_type=DocumentType.CRN
    )

    yes = await gql(book.owner, FINANCEABLE, {"financeable": True})
    no = await gql(book.owner, FINANCEABLE, {"financeable": False})
    every = await gql(book.owner, FINANCEABLE, {"financeable": None})

    numbers = [node["invoiceNumber"] for node in yes["invoices"]["nodes"]]
    assert numbers == [ready.invoice_number]
    assert len(no["invoices"]["nodes"]) == 4
    assert len(every["invoices"]["nodes"]) == 5
    assert in_application.invoice_number not in numbers
    assert due_soon.invoice_number not in numbers
    payload = await submit(gql, book.owner, ids(ready))
    assert payload["errors"] == []
