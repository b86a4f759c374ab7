"""importInvoicesCsv: all rows or none, every bad row reported, progress, duplicates."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import ImportStatus, InvoiceSource, Role, SmeStatus
from hundi.services import csv_import
from hundi.services.actor import Actor
from support.factories import create_buyer, create_invoice, create_sme, create_user
from support.graphql import GraphQLClient
from support.rows import all_rows, count_rows
from support.uploads import upload

IMPORT = """
mutation Import($input: ImportInvoicesCsvInput!) {
  importInvoicesCsv(input: $input) {
    invoiceImport {
      id source status filename totalRows processedRows errorCount invoiceCount
      finishedAt
    }
    invoices { invoiceNumber documentType invoiceDate totalAmount source buyer { gstin } }
    errors { field message code row column }
  }
}
"""

INVOICE_IMPORT = """
query Progress($id: UUID!) {
  invoiceImport(id: $id) { id status totalRows processedRows errorCount }
}
"""

COLUMNS = [
    "invoice_number",
    "document_type",
    "invoice_date",
    "due_date",
    "seller_gstin",
    "buyer_gstin",
    "buyer_name",
    "taxable_value",
    "gst_amount",
    "total_amount",
]
INVOICE_DATE = india_today() - timedelta(days=20)
DUE_DATE = INVOICE_DATE + timedelta(days=45)
PUMPS = "27AAPFU0939F1ZV"
CASTINGS = "33AAPFD1365C1ZR"


def row(number: str, **overrides: str) -> dict[str, str]:
    values = {
        "invoice_number": number,
        "document_type": "INV",
        "invoice_date": INVOICE_DATE.isoformat(),
        "due_date": DUE_DATE.isoformat(),
        "seller_gstin": "",
        "buyer_gstin": PUMPS,
        "buyer_name": "Umang Pumps LLP",
        "taxable_value": "50000.00",
        "gst_amount": "9000.00",
        "total_amount": "59000.00",
    }
    values.update(overrides)
    return values


def csv_bytes(rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> bytes:
    lines = [",".join(columns)]
    lines += [
        ",".join(_quoted(values[column]) for column in columns) for values in rows
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def _quoted(value: str) -> str:
    return f'"{value}"' if "," in value else value


@pytest.fixture
async def seller(database: Database) -> Actor:
    sme = await create_sme(database, state_code="29")
    return await create_user(database, Role.SME, sme=sme)


async def import_csv(
    gql: GraphQLClient, actor: Actor, content: bytes, **fields: Any
) -> dict[str, Any]:
    variables = {
        "input": {"file": upload(content, "invoices.csv", "text/csv"), **fields}
    }
    data = await gql(actor, IMPORT, variables)
    payload: dict[str, Any] = data["importInvoicesCsv"]
    return payload


async def assert_no_invoices(database: Database) -> None:
    assert await count_rows(database, models.Invoice) == 0
    assert await count_rows(database, models.Buyer) == 0


async def test_import_invoices_csv_saves_every_row(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes(
        [
            row("INV/001"),
            row("INV/002", buyer_gstin=CASTINGS, buyer_name="Dhanam Castings"),
            row("CN/001", document_type="CRN", total_amount="59000"),
        ]
    )

    payload = await import_csv(gql, seller, content)

    assert payload["errors"] == []
    record = payload["invoiceImport"]
    assert record["status"] == "SUCCEEDED"
    assert record["source"] == "CSV"
    assert record["filename"] == "invoices.csv"
    assert record["totalRows"] == record["processedRows"] == 3
    assert record["invoiceCount"] == 3
    assert record["finishedAt"] is not None
    assert [invoice["invoiceNumber"] for invoice in payload["invoices"]] == [
        "INV/001",
        "INV/002",
        "CN/001",
    ]
    assert payload["invoices"][2]["documentType"] == "CRN"
    assert await count_rows(database, models.Invoice) == 3
    assert await count_rows(database, models.Buyer) == 2
    assert await count_rows(database, models.InvoiceDocument) == 0
    for invoice in await all_rows(database, models.Invoice):
        assert invoice.source is InvoiceSource.CSV


async def test_import_invoices_csv_indian_formats(
    gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes(
        [
            row(
                "INV/001",
                invoice_date=INVOICE_DATE.strftime("%d/%m/%Y"),
                taxable_value="1,00,000.00",
                gst_amount="18,000",
                total_amount="1,18,000.00",
            )
        ]
    )

    payload = await import_csv(gql, seller, content)

    assert payload["errors"] == []
    invoice = payload["invoices"][0]
    assert invoice["invoiceDate"] == INVOICE_DATE.isoformat()
    assert invoice["totalAmount"] == "118000.00"


async def test_import_invoices_csv_optional_columns_left_out(
    gql: GraphQLClient, seller: Actor
) -> None:
    columns = [c for c in COLUMNS if c not in ("document_type", "seller_gstin")]

    payload = await import_csv(gql, seller, csv_bytes([row("INV/001")], columns))

    assert payload["errors"] == []
    assert payload["invoices"][0]["documentType"] == "INV"


async def test_import_invoices_csv_bad_rows_save_nothing(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes(
        [
            row("INV/001"),
            row("INV/002", buyer_gstin="27AAPFU0939F1ZX", total_amount="59000.001"),
            row("INV/003"),
            row("INV/004", invoice_date="31/02/2024"),
            row("INV/005", due_date=INVOICE_DATE.isoformat()),
        ]
    )

    payload = await import_csv(gql, seller, content)

    assert payload["invoiceImport"] is None
    assert payload["invoices"] == []
    found = {(e["row"], e["column"]): e for e in payload["errors"]}
    assert found[(3, "buyer_gstin")]["code"] == "INVALID_GSTIN"
    assert "27AAPFU0939F1ZX" in found[(3, "buyer_gstin")]["message"]
    assert found[(3, "buyer_gstin")]["field"] == ["input", "file", "3", "buyer_gstin"]
    assert found[(3, "total_amount")]["code"] == "INVALID_AMOUNT"
    assert "59000.001" in found[(3, "total_amount")]["message"]
    assert found[(5, "invoice_date")]["code"] == "INVALID_DATE"
    assert "31/02/2024" in found[(5, "invoice_date")]["message"]
    assert found[(6, "due_date")]["code"] == "DUE_DATE_NOT_AFTER_INVOICE_DATE"
    assert len(payload["errors"]) == 4
    await assert_no_invoices(database)
    [record] = await all_rows(database, models.InvoiceImport)
    assert record.status is ImportStatus.FAILED
    assert record.error_count == 4
    assert record.processed_rows == 5


async def test_import_invoices_csv_total_mismatch(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([row("INV/001", total_amount="59000.01")])

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert (error["row"], error["column"]) == (2, "total_amount")
    assert error["code"] == "TOTAL_MISMATCH"
    await assert_no_invoices(database)


async def test_import_invoices_csv_repeated_invoice_in_file(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([row("INV/001"), row("INV/002"), row("inv/001")])

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert (error["row"], error["column"]) == (4, "invoice_number")
    assert error["code"] == "DUPLICATE_INVOICE"
    assert "row 2" in error["message"]
    await assert_no_invoices(database)


async def test_import_invoices_csv_invoice_already_on_platform(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database, state_code="29")
    actor = await create_user(database, Role.SME, sme=sme)
    buyer = await create_buyer(database, gstin=PUMPS)
    await create_invoice(
        database, sme, buyer, invoice_number="INV/002", invoice_date=INVOICE_DATE
    )

    payload = await import_csv(gql, actor, csv_bytes([row("INV/001"), row("INV/002")]))

    [error] = payload["errors"]
    assert (error["row"], error["column"]) == (3, "invoice_number")
    assert error["code"] == "DUPLICATE_INVOICE"
    assert await count_rows(database, models.Invoice) == 1


async def test_import_invoices_csv_same_file_twice(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([row("INV/001")])
    first = await import_csv(gql, seller, content)
    assert first["errors"] == []

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert error["field"] == ["input", "file"]
    assert error["row"] is None
    assert error["code"] == "DUPLICATE_INVOICE"
    assert await count_rows(database, models.Invoice) == 1
    assert await count_rows(database, models.InvoiceImport) == 1


async def test_import_invoices_csv_retry_after_failure(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([row("INV/001"), row("INV/002", buyer_gstin="bad")])
    failed = await import_csv(gql, seller, content)
    assert failed["errors"]

    fixed = await import_csv(gql, seller, csv_bytes([row("INV/001"), row("INV/002")]))

    assert fixed["errors"] == []
    assert await count_rows(database, models.Invoice) == 2


async def test_import_invoices_csv_missing_column(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    columns = [column for column in COLUMNS if column != "buyer_name"]

    payload = await import_csv(gql, seller, csv_bytes([row("INV/001")], columns))

    [error] = payload["errors"]
    assert error["field"] == ["input", "file"]
    assert error["code"] == "INVALID_CSV"
    assert "missing column(s) buyer_name" in error["message"]
    assert await count_rows(database, models.InvoiceImport) == 0


async def test_import_invoices_csv_unknown_column(
    gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([{**row("INV/001"), "irn": "x"}], [*COLUMNS, "irn"])

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert error["code"] == "INVALID_CSV"
    assert "unknown column(s) irn" in error["message"]


async def test_import_invoices_csv_workbook_rejected(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    # The first bytes of an .xlsx file: a ZIP local file header, then
    # compressed bytes that are not UTF-8.
    content = b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml\xa3\xff\x9c"

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert error["code"] == "INVALID_CSV"
    assert error["message"] == (
        "File invoices.csv is not CSV text: it contains control characters, as a "
        "spreadsheet workbook or other binary file does; save it as CSV UTF-8."
    )
    assert await count_rows(database, models.InvoiceImport) == 0


async def test_import_invoices_csv_row_with_extra_value(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = csv_bytes([row("INV/001")]) + b"INV/002,INV,2024-07-01,x,y,z\r\n"

    payload = await import_csv(gql, seller, content)

    [error] = payload["errors"]
    assert error["row"] == 3
    assert error["column"] is None
    assert error["code"] == "INVALID_ROW"
    await assert_no_invoices(database)


async def test_import_invoices_csv_not_utf8(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_csv(gql, seller, b"invoice_number\n\xff\xfe\x00")

    [error] = payload["errors"]
    assert error["code"] == "INVALID_CSV"
    assert "UTF-8" in error["message"]


async def test_import_invoices_csv_header_only(
    gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_csv(gql, seller, csv_bytes([]))

    [error] = payload["errors"]
    assert error["code"] == "INVALID_CSV"
    assert "no invoice rows" in error["message"]


async def test_import_invoices_csv_too_many_rows(
    database: Database,
    gql: GraphQLClient,
    seller: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csv_import, "MAX_ROWS", 2)

    payload = await import_csv(
        gql, seller, csv_bytes([row("A/1"), row("A/2"), row("A/3")])
    )

    [error] = payload["errors"]
    assert error["code"] == "TOO_MANY_ROWS"
    assert "3 invoice rows" in error["message"]
    assert await count_rows(database, models.InvoiceImport) == 0


async def test_import_invoices_csv_error_list_capped(
    database: Database,
    gql: GraphQLClient,
    seller: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csv_import, "MAX_REPORTED_ERRORS", 2)
    bad = [row(f"A/{n}", buyer_gstin="bad") for n in range(1, 5)]

    payload = await import_csv(gql, seller, csv_bytes(bad))

    codes = [error["code"] for error in payload["errors"]]
    assert codes == ["INVALID_GSTIN", "INVALID_GSTIN", "TOO_MANY_ERRORS"]
    assert "2 more errors" in payload["errors"][-1]["message"]
    [record] = await all_rows(database, models.InvoiceImport)
    assert record.error_count == 4


async def test_import_invoices_csv_kyc_not_verified(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database, status=SmeStatus.REGISTERED)
    actor = await create_user(database, Role.SME, sme=sme)

    payload = await import_csv(gql, actor, csv_bytes([row("INV/001")]))

    [error] = payload["errors"]
    assert error["code"] == "KYC_NOT_VERIFIED"
    assert await count_rows(database, models.InvoiceImport) == 0


async def test_import_invoices_csv_progress_polled_while_running(
    database: Database,
    gql: GraphQLClient,
    seller: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_id = str(uuid.uuid4())
    polled: list[dict[str, Any]] = []
    record_progress = csv_import._set_progress

    async def record_and_poll(*args: Any) -> None:
        await record_progress(*args)
        data = await gql(seller, INVOICE_IMPORT, {"id": import_id})
        polled.append(data["invoiceImport"])

    monkeypatch.setattr(csv_import, "PROGRESS_STEP", 2)
    monkeypatch.setattr(csv_import, "_set_progress", record_and_poll)
    rows = [row(f"INV/{n:03d}") for n in range(1, 6)]

    payload = await import_csv(gql, seller, csv_bytes(rows), importId=import_id)

    assert [(p["status"], p["processedRows"]) for p in polled] == [
        ("PROCESSING", 2),
        ("PROCESSING", 4),
        ("PROCESSING", 5),
    ]
    assert all(p["totalRows"] == 5 for p in polled)
    assert payload["invoiceImport"]["id"] == import_id
    done = await gql(seller, INVOICE_IMPORT, {"id": import_id})
    assert done["invoiceImport"]["status"] == "SUCCEEDED"


async def test_import_invoices_csv_import_id_reused(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    import_id = str(uuid.uuid4())
    await import_csv(gql, seller, csv_bytes([row("INV/001")]), importId=import_id)

    payload = await import_csv(
        gql, seller, csv_bytes([row("INV/002")]), importId=import_id
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "importId"]
    assert error["code"] == "IMPORT_ID_TAKEN"
    assert await count_rows(database, models.Invoice) == 1


async def test_invoice_import_of_other_sme_not_found(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    import_id = str(uuid.uuid4())
    await import_csv(gql, seller, csv_bytes([row("INV/001")]), importId=import_id)
    other = await create_sme(database)
    intruder = await create_user(database, Role.SME, sme=other)

    data = await gql(intruder, INVOICE_IMPORT, {"id": import_id})

    assert data["invoiceImport"] is None
