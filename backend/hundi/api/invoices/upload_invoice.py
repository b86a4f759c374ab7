"""uploadInvoice: an SME adds one invoice through the form, with its PDF."""

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
from hundi.api.scalars import MoneyValue
from hundi.api.uploads import read_upload
from hundi.domain.enums import DocumentType, Role
from hundi.services.documents import DocumentStore
from hundi.services.invoices import InvoiceForm, upload_invoice

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why uploadInvoice failed.")
class UploadInvoiceErrorCode(enum.Enum):
    KYC_NOT_VERIFIED = "KYC_NOT_VERIFIED"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    TOTAL_MISMATCH = "TOTAL_MISMATCH"
    INVOICE_DATE_IN_FUTURE = "INVOICE_DATE_IN_FUTURE"
    DUE_DATE_NOT_AFTER_INVOICE_DATE = "DUE_DATE_NOT_AFTER_INVOICE_DATE"
    INVALID_GSTIN = "INVALID_GSTIN"
    SELLER_GSTIN_NOT_OWN = "SELLER_GSTIN_NOT_OWN"
    BUYER_IS_SELLER = "BUYER_IS_SELLER"
    INVALID_DOCUMENT_NUMBER = "INVALID_DOCUMENT_NUMBER"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"
    DUPLICATE_INVOICE = "DUPLICATE_INVOICE"


@strawberry.type(description="An expected failure of uploadInvoice.")
class UploadInvoiceError(MutationError):
    code: UploadInvoiceErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="An invoice as typed into the form, with its PDF.")
class UploadInvoiceInput:
    buyer_gstin: str = strawberry.field(description="The buyer's GSTIN.")
    buyer_name: str = strawberry.field(description="The buyer's legal name.")
    invoice_number: str = strawberry.field(
        description="Document number: 1-16 characters of A-Z, 0-9, / and -, not "
        "starting with 0, / or -."
    )
    document_type: DocumentType = strawberry.field(
        default=DocumentType.INV, description="GST document type; INV by default."
    )
    invoice_date: date = strawberry.field(
        description="Date of the invoice; not after today in India."
    )
    due_date: date = strawberry.field(
        description="Date the buyer must pay by; after the invoice date."
    )
    taxable_value: MoneyValue = strawberry.field(description="Value before GST.")
    gst_amount: MoneyValue = strawberry.field(description="GST charged; may be 0.")
    total_amount: MoneyValue = strawberry.field(
        description="Total the buyer owes: taxable value plus GST."
    )
    seller_gstin: str | None = strawberry.field(
        default=None,
        description="Your GSTIN on the invoice; your primary GSTIN when left out.",
    )
    document: Upload = strawberry.field(
        description="The invoice as a PDF file, judged by its content."
    )


@strawberry.type(description="The result of uploadInvoice.")
class UploadInvoicePayload:
    invoice: InvoiceType | None = strawberry.field(
        description="The saved invoice; null when the upload failed."
    )
    errors: list[UploadInvoiceError] = strawberry.field(
        description="Why the upload failed; empty when it succeeded."
    )


@strawberry.type
class UploadInvoiceMutation:
    @strawberry.mutation(
        description="Add one invoice with its PDF. Needs verified KYC; an invoice "
        "already on Hundi is rejected as DUPLICATE_INVOICE.",
        extensions=allow(Role.SME),
    )
    async def upload_invoice(
        self, info: Info, input: UploadInvoiceInput
    ) -> UploadInvoicePayload:
        context: Context = info.context
        actor = context.require_actor()
        settings = context.settings
        form = InvoiceForm(
            buyer_gstin=input.buyer_gstin,
            buyer_name=input.buyer_name,
            invoice_number=input.invoice_number,
            document_type=input.document_type,
            invoice_date=input.invoice_date,
            due_date=input.due_date,
            taxable_value=input.taxable_value,
            gst_amount=input.gst_amount,
            total_amount=input.total_amount,
            seller_gstin=input.seller_gstin,
            document=await read_upload(input.document, settings.max_document_bytes),
        )

        invoice, errors = await run_mutation(
            info,
            lambda: upload_invoice(
                context.database,
                actor,
                form,
                store=DocumentStore(settings.documents_dir),
                max_document_bytes=settings.max_document_bytes,
            ),
        )
        return UploadInvoicePayload(
            invoice=invoice,  # type: ignore[arg-type]
            errors=to_error_list(UploadInvoiceError, UploadInvoiceErrorCode, errors),
        )
