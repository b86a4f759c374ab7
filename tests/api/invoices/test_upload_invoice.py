"""uploadInvoice: the intake checks, the PDF, duplicates and what is saved."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import financial_year, india_today
from hundi.domain.enums import InvoiceSource, InvoiceStatus, Role, SmeStatus
from hundi.domain.identifiers import build_gstin
from hundi.services.actor import Actor
from hundi.settings import Settings
from support.factories import (
    create_buyer,
    create_invoice,
    create_sme,
    create_user,
    sme_gstin,
    unique_gstin,
)
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions, count_rows, stored_files
from support.uploads import EXECUTABLE_BYTES, pdf, pdf_bytes, png_bytes, upload

UPLOAD = """
mutation Upload($input: UploadInvoiceInput!) {
  uploadInvoice(input: $input) {
    invoice {
      id invoiceNumber documentType invoiceDate dueDate financialYear
      taxableValue taxAmount totalAmount sellerGstin buyerGstin source status
      buyer { gstin legalName }
      documents { filename contentType sizeBytes sha256 downloadPath }
    }
    errors { field message code }
  }
}
"""

INVOICE_DATE = india_today() - timedelta(days=10)
BUYER_GSTIN = "27AAPFU0939F1ZV"


def form(**overrides: Any) -> dict[str, Any]:
    values = {
        "buyerGstin": BUYER_GSTIN,
        "buyerName": "Umang Pumps LLP",
        "invoiceNumber": "INV/2026/0001",
        "invoiceDate": INVOICE_DATE.isoformat(),
        "dueDate": (INVOICE_DATE + timedelta(days=60)).isoformat(),
        "taxableValue": "100000.00",
        "gstAmount": "18000.00",
        "totalAmount": "118000.00",
        "document": pdf(),
    }
    values.update(overrides)
    return {"input": values}


@pytest.fixture
async def seller(database: Database) -> tuple[models.Sme, Actor]:
    sme = await create_sme(database, state_code="29")
    return sme, await create_user(database, Role.SME, sme=sme)


async def upload_invoice(
    gql: GraphQLClient, actor: Actor, **overrides: Any
) -> dict[str, Any]:
    data = await gql(actor, UPLOAD, form(**overrides))
    payload: dict[str, Any] = data["uploadInvoice"]
    return payload


async def assert_nothing_saved(
    database: Database, settings: Settings, invoices: int = 0
) -> None:
    assert await count_rows(database, models.Invoice) == invoices
    assert await count_rows(database, models.InvoiceDocument) == invoices
    assert await count_rows(database, models.Buyer) == min(invoices, 1)
    assert len(stored_files(settings.documents_dir)) == invoices
    expected_audit = ["buyer.created", "invoice.created"] if invoices else []
    assert (await audit_actions(database))[:2] == expected_audit


async def test_upload_invoice_saves_invoice_buyer_and_pdf(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    sme, actor = seller
    document = upload(pdf_bytes(), "INV-0001.pdf", "application/pdf")

    payload = await upload_invoice(gql, actor, document=document)

    assert payload["errors"] == []
    invoice = payload["invoice"]
    assert invoice["invoiceNumber"] == "INV/2026/0001"
    assert invoice["documentType"] == "INV"
    assert invoice["financialYear"] == financial_year(INVOICE_DATE)
    assert invoice["sellerGstin"] == sme_gstin(sme)
    assert invoice["totalAmount"] == "118000.00"
    assert invoice["source"] == "FORM"
    assert invoice["status"] == "VERIFIED"
    assert invoice["buyer"] == {"gstin": BUYER_GSTIN, "legalName": "Umang Pumps LLP"}
    [saved_document] = invoice["documents"]
    assert saved_document["filename"] == "INV-0001.pdf"
    assert saved_document["contentType"] == "application/pdf"
    assert saved_document["downloadPath"].startswith("/documents/invoices/")
    [row] = await all_rows(database, models.Invoice)
    assert row.uploaded_by_user_id == actor.user_id
    assert row.source is InvoiceSource.FORM
    assert row.status is InvoiceStatus.VERIFIED
    [document_row] = await all_rows(database, models.InvoiceDocument)
    stored = Path(settings.documents_dir) / document_row.storage_key
    assert stored.read_bytes()[:5] == b"%PDF-"
    assert await audit_actions(database) == ["buyer.created", "invoice.created"]


async def test_upload_invoice_matches_existing_buyer(
    database: Database, gql: GraphQLClient, seller: tuple[models.Sme, Actor]
) -> None:
    _, actor = seller
    buyer = await create_buyer(database, gstin=BUYER_GSTIN, legal_name="Umang Ltd")

    payload = await upload_invoice(gql, actor, buyerName="Another Name")

    assert payload["invoice"]["buyer"]["legalName"] == "Umang Ltd"
    [row] = await all_rows(database, models.Buyer)
    assert row.id == buyer.id
    assert "buyer.created" not in await audit_actions(database)


async def test_upload_invoice_chosen_own_gstin(
    database: Database, gql: GraphQLClient, seller: tuple[models.Sme, Actor]
) -> None:
    sme, actor = seller
    second = build_gstin("27", sme.pan or "")
    await _add_gstin(database, sme, second)

    payload = await upload_invoice(gql, actor, sellerGstin=second.lower())

    assert payload["invoice"]["sellerGstin"] == second


async def _add_gstin(database: Database, sme: models.Sme, gstin: str) -> None:
    async with database.transaction() as session:
        session.add(models.SmeGstin(sme_id=sme.id, gstin=gstin, is_primary=False))


async def test_upload_invoice_seller_gstin_not_own(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller
    stranger = unique_gstin("29")

    payload = await upload_invoice(gql, actor, sellerGstin=stranger)

    [error] = payload["errors"]
    assert error["field"] == ["input", "sellerGstin"]
    assert error["code"] == "SELLER_GSTIN_NOT_OWN"
    assert stranger in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_date_in_future(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller
    tomorrow = india_today() + timedelta(days=2)

    payload = await upload_invoice(
        gql,
        actor,
        invoiceDate=tomorrow.isoformat(),
        dueDate=(tomorrow + timedelta(days=30)).isoformat(),
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "invoiceDate"]
    assert error["code"] == "INVOICE_DATE_IN_FUTURE"
    assert tomorrow.isoformat() in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_due_before_invoice_date(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, dueDate=INVOICE_DATE.isoformat())

    [error] = payload["errors"]
    assert error["field"] == ["input", "dueDate"]
    assert error["code"] == "DUE_DATE_NOT_AFTER_INVOICE_DATE"
    await assert_nothing_saved(database, settings)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("taxableValue", "100000.005", "3 decimal places"),
        ("totalAmount", "0", "is zero"),
        ("gstAmount", "-1.00", "is negative"),
    ],
)
async def test_upload_invoice_bad_amount(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
    field: str,
    value: str,
    words: str,
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, **{field: value})

    [error] = payload["errors"]
    assert error["field"] == ["input", field]
    assert error["code"] == "INVALID_AMOUNT"
    assert value in error["message"]
    assert words in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_total_not_taxable_plus_gst(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, totalAmount="118000.01")

    [error] = payload["errors"]
    assert error["field"] == ["input", "totalAmount"]
    assert error["code"] == "TOTAL_MISMATCH"
    assert "118000.01" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_zero_gst_accepted(
    gql: GraphQLClient, seller: tuple[models.Sme, Actor]
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, gstAmount="0", totalAmount="100000.00")

    assert payload["errors"] == []
    assert payload["invoice"]["taxAmount"] == "0.00"


async def test_upload_invoice_bad_buyer_gstin(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, buyerGstin="27AAPFU0939F1ZX")

    [error] = payload["errors"]
    assert error["field"] == ["input", "buyerGstin"]
    assert error["code"] == "INVALID_GSTIN"
    assert "27AAPFU0939F1ZX has check character X, expected V" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_buyer_is_seller(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    sme, actor = seller
    own_branch = build_gstin("27", sme.pan or "")

    payload = await upload_invoice(gql, actor, buyerGstin=own_branch)

    [error] = payload["errors"]
    assert error["field"] == ["input", "buyerGstin"]
    assert error["code"] == "BUYER_IS_SELLER"
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_bad_document_number(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller

    payload = await upload_invoice(gql, actor, invoiceNumber="0INV/1")

    [error] = payload["errors"]
    assert error["field"] == ["input", "invoiceNumber"]
    assert error["code"] == "INVALID_DOCUMENT_NUMBER"
    assert "0INV/1" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_every_bad_field_reported(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller

    payload = await upload_invoice(
        gql,
        actor,
        buyerGstin="27AAPFU0939F1ZX",
        buyerName="",
        invoiceNumber="-1",
        totalAmount="1.001",
        document=upload(png_bytes(), "scan.png"),
    )

    fields = {tuple(error["field"]): error["code"] for error in payload["errors"]}
    assert fields == {
        ("input", "buyerGstin"): "INVALID_GSTIN",
        ("input", "buyerName"): "REQUIRED",
        ("input", "invoiceNumber"): "INVALID_DOCUMENT_NUMBER",
        ("input", "totalAmount"): "INVALID_AMOUNT",
        ("input", "document"): "UNSUPPORTED_FILE_TYPE",
    }
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_kyc_not_verified(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    sme = await create_sme(database, status=SmeStatus.KYC_SUBMITTED)
    actor = await create_user(database, Role.SME, sme=sme)

    payload = await upload_invoice(gql, actor)

    [error] = payload["errors"]
    assert error["field"] is None
    assert error["code"] == "KYC_NOT_VERIFIED"
    assert "KYC_SUBMITTED" in error["message"]
    await assert_nothing_saved(database, settings)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (png_bytes(), "UNSUPPORTED_FILE_TYPE"),
        (EXECUTABLE_BYTES, "UNSUPPORTED_FILE_TYPE"),
        (b"", "EMPTY_FILE"),
    ],
    ids=["png", "executable", "empty"],
)
async def test_upload_invoice_document_not_a_pdf(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
    content: bytes,
    code: str,
) -> None:
    _, actor = seller
    document = upload(content, "invoice.pdf", "application/pdf")

    payload = await upload_invoice(gql, actor, document=document)

    [error] = payload["errors"]
    assert error["field"] == ["input", "document"]
    assert error["code"] == code
    assert "invoice.pdf" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_upload_invoice_document_over_limit(
    database: Database, settings: Settings, seller: tuple[models.Sme, Actor]
) -> None:
    _, actor = seller
    small_limit = settings.model_copy(update={"max_document_bytes": 4096})
    content = pdf_bytes() + b" " * 4096

    data = await GraphQLClient(database, small_limit)(
        actor, UPLOAD, form(document=upload(content, "big.pdf"))
    )

    [error] = data["uploadInvoice"]["errors"]
    assert error["field"] == ["input", "document"]
    assert error["code"] == "FILE_TOO_LARGE"
    await assert_nothing_saved(database, small_limit)


async def test_upload_invoice_duplicate_gst_identity(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller
    first = await upload_invoice(gql, actor)
    assert first["errors"] == []

    payload = await upload_invoice(gql, actor, invoiceNumber="inv/2026/0001")

    [error] = payload["errors"]
    assert error["field"] == ["input", "invoiceNumber"]
    assert error["code"] == "DUPLICATE_INVOICE"
    assert "INV/2026/0001" in error["message"]
    await assert_nothing_saved(database, settings, invoices=1)


async def test_upload_invoice_duplicate_pdf_of_other_sme(
    database: Database,
    gql: GraphQLClient,
    settings: Settings,
    seller: tuple[models.Sme, Actor],
) -> None:
    _, actor = seller
    other = await create_sme(database, legal_name="Rival Castings Pvt Ltd")
    other_actor = await create_user(database, Role.SME, sme=other)
    content = pdf_bytes()
    await upload_invoice(gql, other_actor, document=upload(content, "a.pdf"))

    payload = await upload_invoice(
        gql, actor, invoiceNumber="INV/9", document=upload(content, "b.pdf")
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "document"]
    assert error["code"] == "DUPLICATE_INVOICE"
    assert "Rival" not in error["message"]
    assert await count_rows(database, models.Invoice) == 1


async def test_upload_invoice_duplicate_of_existing_row(
    database: Database, gql: GraphQLClient, seller: tuple[models.Sme, Actor]
) -> None:
    sme, actor = seller
    buyer = await create_buyer(database, gstin=BUYER_GSTIN)
    await create_invoice(
        database,
        sme,
        buyer,
        invoice_number="INV/2026/0001",
        invoice_date=INVOICE_DATE,
    )

    payload = await upload_invoice(gql, actor)

    assert [error["code"] for error in payload["errors"]] == ["DUPLICATE_INVOICE"]


async def test_upload_invoice_same_number_next_year_accepted(
    database: Database, gql: GraphQLClient, seller: tuple[models.Sme, Actor]
) -> None:
    sme, actor = seller
    buyer = await create_buyer(database, gstin=BUYER_GSTIN)
    last_year = date(INVOICE_DATE.year - 1, INVOICE_DATE.month, 1)
    await create_invoice(
        database, sme, buyer, invoice_number="INV/2026/0001", invoice_date=last_year
    )

    payload = await upload_invoice(gql, actor)

    assert payload["errors"] == []


async def test_upload_invoice_as_ops_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.OPS)

    await gql.denied(ops, UPLOAD, "FORBIDDEN", form())
