"""importEInvoice: IRN, signed QR code, portal signature, due date, duplicates."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.einvoice import compute_irn
from hundi.domain.enums import ImportStatus, InvoiceSource, Role, SmeStatus
from hundi.services.actor import Actor
from hundi.services.einvoice_import import (
    NO_SIGNATURE_WARNING,
    UNVERIFIED_SIGNATURE_WARNING,
)
from hundi.settings import Settings
from support.factories import create_buyer, create_invoice, create_sme, create_user
from support.graphql import GraphQLClient
from support.rows import all_rows, count_rows
from support.uploads import upload
from unit.domain.einvoice_samples import (
    ACK_NUMBER,
    DOCUMENT_NUMBER,
    IRN,
    SELLER_GSTIN,
    invoice_document,
    nested_portal_response,
    other_key,
    portal_key,
    portal_response,
    public_key_pem,
    qr_fields,
    sign,
    signed_qr_code,
    to_json,
)

IMPORT = """
mutation Import($input: ImportEInvoiceInput!) {
  importEInvoice(input: $input) {
    invoice {
      id irn invoiceNumber invoiceDate dueDate financialYear taxableValue
      taxAmount totalAmount sellerGstin buyerGstin source signatureVerified
      buyer { gstin legalName tradeName }
      documents { sha256 }
    }
    warnings
    errors { field message code }
  }
}
"""

SELLER_PAN = SELLER_GSTIN[2:12]


@pytest.fixture
async def seller(database: Database) -> Actor:
    sme = await create_sme(database, state_code="29", pan=SELLER_PAN)
    return await create_user(database, Role.SME, sme=sme)


def json_file(document: dict[str, Any], filename: str = "einvoice.json") -> Any:
    return upload(to_json(document).encode(), filename, "application/json")


async def import_file(
    gql: GraphQLClient, actor: Actor, document: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    variables = {"input": {"file": json_file(document), **fields}}
    data = await gql(actor, IMPORT, variables)
    payload: dict[str, Any] = data["importEInvoice"]
    return payload


async def assert_nothing_saved(database: Database) -> None:
    assert await count_rows(database, models.Invoice) == 0
    assert await count_rows(database, models.Buyer) == 0
    assert await count_rows(database, models.InvoiceImport) == 0
    assert await count_rows(database, models.AuditRecord) == 0


def only_error(payload: dict[str, Any]) -> dict[str, Any]:
    assert payload["invoice"] is None
    [error] = payload["errors"]
    result: dict[str, Any] = error
    return result


async def test_import_einvoice_saves_unverified_without_key(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_file(gql, seller, portal_response())

    assert payload["errors"] == []
    assert payload["warnings"] == [UNVERIFIED_SIGNATURE_WARNING]
    invoice = payload["invoice"]
    assert invoice["irn"] == IRN
    assert invoice["invoiceNumber"] == DOCUMENT_NUMBER
    assert invoice["invoiceDate"] == "2024-07-15"
    assert invoice["dueDate"] == "2024-09-13"
    assert invoice["financialYear"] == "2024-25"
    assert invoice["taxableValue"] == "100000.00"
    assert invoice["taxAmount"] == "18000.00"
    assert invoice["totalAmount"] == "118000.00"
    assert invoice["source"] == "E_INVOICE"
    assert invoice["signatureVerified"] is False
    assert invoice["buyer"]["tradeName"] == "Deccan Pumps"
    assert invoice["documents"] == []
    [row] = await all_rows(database, models.Invoice)
    assert row.ack_number == str(ACK_NUMBER)
    assert row.ack_date is not None
    assert row.source is InvoiceSource.E_INVOICE
    [record] = await all_rows(database, models.InvoiceImport)
    assert record.status is ImportStatus.SUCCEEDED
    assert record.source is InvoiceSource.E_INVOICE
    assert record.invoice_count == 1
    assert len(record.sha256) == 64


async def test_import_einvoice_nested_response(
    gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_file(gql, seller, nested_portal_response())

    assert payload["errors"] == []
    assert payload["invoice"]["irn"] == IRN


async def test_import_einvoice_signature_verified_with_key(
    database: Database, settings: Settings, seller: Actor
) -> None:
    keyed = settings.model_copy(
        update={"einvoice_portal_public_key": public_key_pem(portal_key())}
    )

    data = await GraphQLClient(database, keyed)(
        seller, IMPORT, {"input": {"file": json_file(portal_response())}}
    )

    payload = data["importEInvoice"]
    assert payload["errors"] == []
    assert payload["warnings"] == []
    assert payload["invoice"]["signatureVerified"] is True


@pytest.mark.parametrize("part", ["SignedQRCode", "SignedInvoice"])
async def test_import_einvoice_bad_signature_rejected(
    database: Database, settings: Settings, seller: Actor, part: str
) -> None:
    keyed = settings.model_copy(
        update={"einvoice_portal_public_key": public_key_pem(portal_key())}
    )
    response = portal_response()
    signed = qr_fields() if part == "SignedQRCode" else invoice_document()
    response[part] = sign({"data": to_json(signed), "iss": "NIC"}, other_key())

    data = await GraphQLClient(database, keyed)(
        seller, IMPORT, {"input": {"file": json_file(response)}}
    )

    error = only_error(data["importEInvoice"])
    assert error["field"] == ["input", "file", part]
    assert error["code"] == "SIGNATURE_INVALID"
    assert part in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_without_signed_parts(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_file(gql, seller, invoice_document())

    assert payload["errors"] == []
    assert payload["warnings"] == [NO_SIGNATURE_WARNING]
    assert payload["invoice"]["signatureVerified"] is None
    assert payload["invoice"]["irn"] is None


QR_CHANGES: dict[str, Any] = {
    "SellerGstin": "33AAPFD1365C1ZR",
    "BuyerGstin": "33AAPFD1365C1ZR",
    "DocNo": "INV/2024/0008",
    "DocTyp": "CRN",
    "DocDt": "16/07/2024",
    "TotInvVal": Decimal("118000.01"),
    "ItemCnt": 3,
    "MainHsnCode": "998898",
    "Irn": "0" * 64,
}


@pytest.mark.parametrize("name", sorted(QR_CHANGES))
async def test_import_einvoice_qr_code_disagrees(
    database: Database, gql: GraphQLClient, seller: Actor, name: str
) -> None:
    response = portal_response()
    fields = qr_fields()
    fields[name] = QR_CHANGES[name]
    response["SignedQRCode"] = signed_qr_code(fields)

    payload = await import_file(gql, seller, response)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "SignedQRCode", name]
    assert error["code"] == "QR_CODE_MISMATCH"
    assert name in error["message"]
    assert str(QR_CHANGES[name]) in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_irn_mismatch(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    response = portal_response()
    wrong = compute_irn(SELLER_GSTIN, "2024-25", "INV", "INV/2024/0999")
    response["Irn"] = wrong

    payload = await import_file(gql, seller, response)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "Irn"]
    assert error["code"] == "IRN_MISMATCH"
    assert wrong in error["message"]
    assert IRN in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_three_decimal_amount(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = Decimal("118000.005")

    payload = await import_file(gql, seller, document)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "ValDtls", "TotInvVal"]
    assert error["code"] == "INVALID_AMOUNT"
    assert "118000.005" in error["message"]
    assert "3 decimal places" in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_total_not_adding_up(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    document = invoice_document()
    document["ValDtls"]["TotInvVal"] = Decimal("500000.00")

    payload = await import_file(gql, seller, document)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "ValDtls", "TotInvVal"]
    assert error["code"] == "TOTAL_MISMATCH"
    assert error["message"].startswith("TotInvVal 500000.00 does not add up")
    await assert_nothing_saved(database)


async def test_import_einvoice_not_json(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    variables = {"input": {"file": upload(b'{"Version": "1.1",', "broken.json")}}

    data = await gql(seller, IMPORT, variables)

    error = only_error(data["importEInvoice"])
    assert error["field"] == ["input", "file"]
    assert error["code"] == "INVALID_EINVOICE"
    assert "broken.json is not valid JSON" in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_due_date_from_credit_days(
    gql: GraphQLClient, seller: Actor
) -> None:
    document = invoice_document()
    document["PayDtls"] = {"CrDay": 45}

    payload = await import_file(gql, seller, document)

    assert payload["invoice"]["dueDate"] == "2024-08-29"


async def test_import_einvoice_due_date_from_input(
    gql: GraphQLClient, seller: Actor
) -> None:
    document = invoice_document()
    del document["PayDtls"]

    payload = await import_file(gql, seller, document, dueDate="2024-10-01")

    assert payload["errors"] == []
    assert payload["invoice"]["dueDate"] == "2024-10-01"


async def test_import_einvoice_due_date_required(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    document = invoice_document()
    del document["PayDtls"]

    payload = await import_file(gql, seller, document)

    error = only_error(payload)
    assert error["field"] == ["input", "dueDate"]
    assert error["code"] == "DUE_DATE_REQUIRED"
    await assert_nothing_saved(database)


async def test_import_einvoice_due_date_contradicts_document(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    payload = await import_file(gql, seller, portal_response(), dueDate="2024-10-01")

    error = only_error(payload)
    assert error["field"] == ["input", "dueDate"]
    assert error["code"] == "DUE_DATE_MISMATCH"
    assert "2024-09-13" in error["message"]
    await assert_nothing_saved(database)


async def test_import_einvoice_seller_not_own(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(database, state_code="29")
    actor = await create_user(database, Role.SME, sme=sme)
    rows_before = await count_rows(database, models.Buyer)

    payload = await import_file(gql, actor, portal_response())

    error = only_error(payload)
    assert error["field"] == ["input", "file", "SellerDtls", "Gstin"]
    assert error["code"] == "SELLER_GSTIN_NOT_OWN"
    assert SELLER_GSTIN in error["message"]
    assert await count_rows(database, models.Invoice) == 0
    assert await count_rows(database, models.Buyer) == rows_before


async def test_import_einvoice_kyc_not_verified(
    database: Database, gql: GraphQLClient
) -> None:
    sme = await create_sme(
        database, state_code="29", pan=SELLER_PAN, status=SmeStatus.KYC_REJECTED
    )
    actor = await create_user(database, Role.SME, sme=sme)

    payload = await import_file(gql, actor, portal_response())

    assert only_error(payload)["code"] == "KYC_NOT_VERIFIED"
    assert await count_rows(database, models.Invoice) == 0


async def test_import_einvoice_duplicate_irn(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    other = await create_sme(database)
    buyer = await create_buyer(database)
    await create_invoice(database, other, buyer, irn=IRN)

    payload = await import_file(gql, seller, portal_response())

    error = only_error(payload)
    assert error["code"] == "DUPLICATE_INVOICE"
    assert other.legal_name not in error["message"]
    assert await count_rows(database, models.Invoice) == 1


async def test_import_einvoice_duplicate_gst_identity(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    first = await import_file(gql, seller, portal_response())
    assert first["errors"] == []
    document = invoice_document()
    document["ValDtls"]["Discount"] = Decimal("0.00")

    payload = await import_file(gql, seller, document)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "DocDtls", "No"]
    assert error["code"] == "DUPLICATE_INVOICE"
    assert await count_rows(database, models.Invoice) == 1
    assert await count_rows(database, models.InvoiceImport) == 1


async def test_import_einvoice_same_file_twice(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    content = to_json(portal_response()).encode()
    await gql(seller, IMPORT, {"input": {"file": upload(content, "a.json")}})

    data = await gql(seller, IMPORT, {"input": {"file": upload(content, "b.json")}})

    error = only_error(data["importEInvoice"])
    assert error["field"] == ["input", "file"]
    assert error["code"] == "DUPLICATE_INVOICE"
    assert await count_rows(database, models.InvoiceImport) == 1


async def test_import_einvoice_invoice_date_in_future(
    database: Database, gql: GraphQLClient, seller: Actor
) -> None:
    future = india_today() + timedelta(days=2)
    document = invoice_document()
    document["DocDtls"]["Dt"] = future.strftime("%d/%m/%Y")
    document["PayDtls"] = {"CrDay": 30}

    payload = await import_file(gql, seller, document)

    error = only_error(payload)
    assert error["field"] == ["input", "file", "DocDtls", "Dt"]
    assert error["code"] == "INVOICE_DATE_IN_FUTURE"
    await assert_nothing_saved(database)
