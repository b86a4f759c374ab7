"""The whole path over HTTP: register, KYC, approval, and three ways to add invoices.

Uploads go as GraphQL multipart requests (operations, map, files), as the
web app sends them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.settings import Settings
from support.asgi import ACTOR_HEADER, http_client, post_graphql, post_multipart
from support.factories import create_user
from support.uploads import jpeg_bytes, pdf_bytes
from unit.domain.einvoice_samples import SELLER_GSTIN, portal_response, to_json

REGISTER = """
mutation Register($input: RegisterSmeInput!) {
  registerSme(input: $input) { sme { id status } errors { code message } }
}
"""

SUBMIT_KYC = """
mutation Submit($input: SubmitKycInput!) {
  submitKyc(input: $input) {
    kycSubmission { id status documents { kind downloadPath } }
    errors { field code message }
  }
}
"""

QUEUE = "{ kycQueue { nodes { id sme { legalName } documents { kind } } } }"

REVIEW = """
mutation Review($input: ReviewKycInput!) {
  reviewKyc(input: $input) { kycSubmission { status } errors { code message } }
}
"""

UPLOAD = """
mutation Upload($input: UploadInvoiceInput!) {
  uploadInvoice(input: $input) {
    invoice { invoiceNumber documents { downloadPath } }
    errors { field code message }
  }
}
"""

IMPORT_EINVOICE = """
mutation Import($input: ImportEInvoiceInput!) {
  importEInvoice(input: $input) {
    invoice { irn signatureVerified }
    warnings
    errors { field code message }
  }
}
"""

IMPORT_CSV = """
mutation ImportCsv($input: ImportInvoicesCsvInput!) {
  importInvoicesCsv(input: $input) {
    invoiceImport { status invoiceCount }
    errors { field code message row column }
  }
}
"""

INVOICES = "{ invoices { totalCount nodes { source invoiceNumber } } }"

EMAIL = "owner@chandra-castings.example.in"
PAN = SELLER_GSTIN[2:12]


async def test_sme_onboards_and_adds_invoices_over_http(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    actors: dict[str, Actor] = {"ops": await create_user(database, Role.OPS)}
    async with http_client(settings, database, actors, tmp_path) as client:
        # A new SME registers, with no one signed in.
        registered = await post_graphql(
            client,
            None,
            REGISTER,
            {
                "input": {
                    "legalName": "Chandra Castings Private Limited",
                    "constitution": "PRIVATE_LIMITED",
                    "stateCode": "29",
                    "industry": "Foundry",
                    "fullName": "Ravi Chandra",
                    "email": EMAIL,
                    "phone": "+919845000111",
                    "password": "iron and sand 1968",
                    "acquisitionChannel": "FIELD_SALES",
                }
            },
        )
        assert registered["registerSme"]["errors"] == []
        actors["sme"] = await _sme_actor(database)

        # It submits KYC with two documents in one multipart request.
        opened_form_at = datetime.now(UTC) - timedelta(minutes=20)
        submitted = await post_multipart(
            client,
            "sme",
            SUBMIT_KYC,
            {
                "input": {
                    "pan": PAN,
                    "gstins": [SELLER_GSTIN],
                    "udyamNumber": "UDYAM-KR-03-0012345",
                    "bankAccountNumber": "912010012345678",
                    "ifsc": "UTIB0000123",
                    "signatoryName": "Ravi Chandra",
                    "signatoryDesignation": "Director",
                    "documents": [
                        {"kind": "PAN_CARD", "file": None},
                        {"kind": "GST_CERTIFICATE", "file": None},
                    ],
                    "startedAt": opened_form_at.isoformat(),
                }
            },
            {
                "input.documents.0.file": (
                    "0",
                    ("pan.pdf", pdf_bytes(), "application/pdf"),
                ),
                "input.documents.1.file": (
                    "1",
                    ("gst.jpg", jpeg_bytes(), "image/jpeg"),
                ),
            },
        )
        assert submitted["submitKyc"]["errors"] == []
        submission = submitted["submitKyc"]["kycSubmission"]

        # OPS finds it in the queue, downloads a document and approves it.
        queue = await post_graphql(client, "ops", QUEUE, {})
        assert [node["id"] for node in queue["kycQueue"]["nodes"]] == [submission["id"]]
        download = await client.get(
            submission["documents"][1]["downloadPath"], headers={ACTOR_HEADER: "ops"}
        )
        assert download.headers["content-type"] == "image/jpeg"
        reviewed = await post_graphql(
            client,
            "ops",
            REVIEW,
            {"input": {"submissionId": submission["id"], "decision": "APPROVE"}},
        )
        assert reviewed["reviewKyc"]["kycSubmission"]["status"] == "APPROVED"

        # The verified SME adds one invoice through each way in.
        invoice_date = india_today() - timedelta(days=7)
        uploaded = await post_multipart(
            client,
            "sme",
            UPLOAD,
            {
                "input": {
                    "buyerGstin": "27AAPFU0939F1ZV",
                    "buyerName": "Umang Pumps LLP",
                    "invoiceNumber": "CC/2026/101",
                    "invoiceDate": invoice_date.isoformat(),
                    "dueDate": (invoice_date + timedelta(days=45)).isoformat(),
                    "taxableValue": "250000.00",
                    "gstAmount": "45000.00",
                    "totalAmount": "295000.00",
                    "document": None,
                }
            },
            {"input.document": ("0", ("cc-101.pdf", pdf_bytes(), "application/pdf"))},
        )
        assert uploaded["uploadInvoice"]["errors"] == []

        imported = await post_multipart(
            client,
            "sme",
            IMPORT_EINVOICE,
            {"input": {"file": None}},
            {
                "input.file": (
                    "0",
                    (
                        "einvoice.json",
                        to_json(portal_response()).encode(),
                        "application/json",
                    ),
                )
            },
        )
        assert imported["importEInvoice"]["errors"] == []
        assert imported["importEInvoice"]["invoice"]["signatureVerified"] is False
        assert len(imported["importEInvoice"]["warnings"]) == 1

        csv_content = (
            "invoice_number,invoice_date,due_date,buyer_gstin,buyer_name,"
            "taxable_value,gst_amount,total_amount\r\n"
            f"CC/2026/102,{invoice_date.isoformat()},"
            f"{(invoice_date + timedelta(days=30)).isoformat()},33AAPFD1365C1ZR,"
            'Dhanam Castings,"1,00,000.00",18000.00,118000.00\r\n'
        ).encode()
        from_csv = await post_multipart(
            client,
            "sme",
            IMPORT_CSV,
            {"input": {"file": None}},
            {"input.file": ("0", ("invoices.csv", csv_content, "text/csv"))},
        )
        assert from_csv["importInvoicesCsv"]["errors"] == []
        assert from_csv["importInvoicesCsv"]["invoiceImport"]["invoiceCount"] == 1

        listed = await post_graphql(client, "sme", INVOICES, {})

    assert listed["invoices"]["totalCount"] == 3
    assert {node["source"] for node in listed["invoices"]["nodes"]} == {
        "FORM",
        "E_INVOICE",
        "CSV",
    }
    await _assert_kyc_times(database, opened_form_at)


async def _sme_actor(database: Database) -> Actor:
    async with database.session() as session:
        user = await session.scalar(
            select(models.User).where(models.User.email == EMAIL)
        )
    assert user is not None
    return Actor(role=Role.SME, user_id=user.id, sme_id=user.sme_id, email=EMAIL)


async def _assert_kyc_times(database: Database, opened_form_at: datetime) -> None:
    async with database.session() as session:
        submission = await session.scalar(select(models.KycSubmission))
        sme = await session.scalar(select(models.Sme))
    assert submission is not None
    assert sme is not None
    assert submission.started_at == opened_form_at
    assert submission.started_at < submission.submitted_at
    assert submission.reviewed_at is not None
    assert submission.submitted_at <= submission.reviewed_at
    assert submission.verified_at == submission.reviewed_at
    assert sme.kyc_verified_at == submission.verified_at
