"""importEInvoice: an SME adds an invoice from the e-invoice portal's JSON."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from hundi.api.invoices.types import InvoiceType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.uploads import read_upload
from hundi.domain.enums import Role
from hundi.services.einvoice_import import EInvoiceUpload, import_einvoice

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why importEInvoice failed.")
class ImportEInvoiceErrorCode(enum.Enum):
    KYC_NOT_VERIFIED = "KYC_NOT_VERIFIED"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    INVALID_EINVOICE = "INVALID_EINVOICE"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    TOTAL_MISMATCH = "TOTAL_MISMATCH"
    INVALID_GSTIN = "INVALID_GSTIN"
    INVALID_DOCUMENT_NUMBER = "INVALID_DOCUMENT_NUMBER"
    IRN_MISMATCH = "IRN_MISMATCH"
    QR_CODE_MISMATCH = "QR_CODE_MISMATCH"
    SIGNATURE_INVALID = "SIGNATURE_INVALID"
    DUE_DATE_REQUIRED = "DUE_DATE_REQUIRED"
    DUE_DATE_MISMATCH = "DUE_DATE_MISMATCH"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVOICE_DATE_IN_FUTURE = "INVOICE_DATE_IN_FUTURE"
    DUE_DATE_NOT_AFTER_INVOICE_DATE = "DUE_DATE_NOT_AFTER_INVOICE_DATE"
    SELLER_GSTIN_NOT_OWN = "SELLER_GSTIN_NOT_OWN"
    BUYER_IS_SELLER = "BUYER_IS_SELLER"
    DUPLICATE_INVOICE = "DUPLICATE_INVOICE"


@strawberry.type(description="An expected failure of importEInvoice.")
class ImportEInvoiceError(MutationError):
    code: ImportEInvoiceErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="An e-invoice JSON file, as the portal returned it.")
class ImportEInvoiceInput:
    file: Upload = strawberry.field(
        description="The e-invoice (INV-01 version 1.1), bare or in the portal's "
        "response with Irn, AckNo, AckDt, SignedInvoice and SignedQRCode."
    )
    due_date: date | None = strawberry.field(
        default=None,
        description="Date the buyer must pay by. Needed only when the e-invoice "
        "has neither PayDtls.PaymtDue nor PayDtls.CrDay; otherwise leave it out.",
    )


@strawberry.type(description="The result of importEInvoice.")
class ImportEInvoicePayload:
    invoice: InvoiceType | None = strawberry.field(
        description="The saved invoice; null when the import failed."
    )
    warnings: list[str] = strawberry.field(
        description="What the SME should know about a saved invoice, such as a "
        "portal signature that was not verified."
    )
    errors: list[ImportEInvoiceError] = strawberry.field(
        description="Why the import failed; empty when it succeeded."
    )


@strawberry.type
class ImportEInvoiceMutation:
    @strawberry.mutation(
        name="importEInvoice",
        description="Add an invoice from its e-invoice JSON. The IRN is "
        "recomputed and the signed QR code compared field by field; any "
        "disagreement rejects it. Needs verified KYC.",
        extensions=allow(Role.SME),
    )
    async def import_einvoice(
        self, info: Info, input: ImportEInvoiceInput
    ) -> ImportEInvoicePayload:
        context: Context = info.context
        actor = context.require_actor()
        settings = context.settings
        upload = EInvoiceUpload(
            file=await read_upload(input.file, settings.max_document_bytes),
            due_date=input.due_date,
        )

        imported, errors = await run_mutation(
            info,
            lambda: import_einvoice(
                context.database,
                actor,
                upload,
                portal_public_key=settings.einvoice_portal_public_key,
                max_bytes=settings.max_document_bytes,
            ),
        )
        return ImportEInvoicePayload(
            invoice=imported.invoice if imported else None,  # type: ignore[arg-type]
            warnings=imported.warnings if imported else [],
            errors=to_error_list(ImportEInvoiceError, ImportEInvoiceErrorCode, errors),
        )
