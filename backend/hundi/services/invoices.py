"""Uploading one invoice through the form, with its PDF."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DocumentType, InvoiceSource
from hundi.models import Invoice, InvoiceDocument
from hundi.services.actor import Actor
from hundi.services.documents import (
    PDF,
    DocumentStore,
    UploadedFile,
    check_upload,
    clean_filename,
    forget_files,
)
from hundi.services.errors import FieldError, FieldErrors
from hundi.services.invoice_intake import (
    BUYER_GSTIN,
    BUYER_NAME,
    DOCUMENT_TYPE,
    DUE_DATE,
    INVOICE_DATE,
    INVOICE_NUMBER,
    SELLER_GSTIN,
    TAX_AMOUNT,
    TAXABLE_VALUE,
    TOTAL_AMOUNT,
    CheckedInvoice,
    InvoiceDraft,
    Seller,
    check_invoice,
    duplicate_file,
    duplicate_invoice,
    find_duplicates,
    is_double_financing,
    load_seller,
    save_invoice,
)

logger = logging.getLogger(__name__)

FORM_FIELDS = {
    SELLER_GSTIN: ("sellerGstin",),
    BUYER_GSTIN: ("buyerGstin",),
    BUYER_NAME: ("buyerName",),
    DOCUMENT_TYPE: ("documentType",),
    INVOICE_NUMBER: ("invoiceNumber",),
    INVOICE_DATE: ("invoiceDate",),
    DUE_DATE: ("dueDate",),
    TAXABLE_VALUE: ("taxableValue",),
    TAX_AMOUNT: ("gstAmount",),
    TOTAL_AMOUNT: ("totalAmount",),
}
DOCUMENT_FIELD = ("document",)


@dataclass(frozen=True)
class InvoiceForm:
    """An invoice typed into the upload form, with its PDF."""

    buyer_gstin: str
    buyer_name: str
    invoice_number: str
    invoice_date: date
    due_date: date
    taxable_value: Decimal
    gst_amount: Decimal
    total_amount: Decimal
    document: UploadedFile
    document_type: DocumentType = DocumentType.INV
    # None means the SME's primary GSTIN.
    seller_gstin: str | None = None


async def upload_invoice(
    database: Database,
    actor: Actor,
    form: InvoiceForm,
    *,
    store: DocumentStore,
    max_document_bytes: int,
) -> Invoice:
    """Check and save the invoice and its PDF; raise FieldErrors when it fails."""
    document_errors = check_upload(
        form.document, DOCUMENT_FIELD, allowed=(PDF,), max_bytes=max_document_bytes
    )
    checked: CheckedInvoice | None = None
    stored: list[str] = []

    try:
        async with database.transaction() as session:
            seller = await load_seller(session, actor)
            checked = await _check(session, seller, form, document_errors)
            key = await store.put("invoices", form.document.content)
            stored.append(key)
            invoice = await save_invoice(
                session, actor, seller, checked, source=InvoiceSource.FORM
            )
            await _add_document(session, invoice, form.document, key)
    except IntegrityError as error:
        await forget_files(store, stored)
        if checked is not None and is_double_financing(error):
            raise FieldErrors([duplicate_invoice(checked, None)]) from None
        raise
    except BaseException:
        await forget_files(store, stored)
        raise

    logger.info("invoice %s uploaded by SME %s", invoice.id, invoice.sme_id)
    return invoice


async def _check(
    session: AsyncSession,
    seller: Seller,
    form: InvoiceForm,
    document_errors: list[FieldError],
) -> CheckedInvoice:
    checked, errors = check_invoice(
        _draft(form), seller, FORM_FIELDS, today=india_today()
    )
    errors.extend(document_errors)
    if checked is not None and not document_errors:
        errors.extend(await _duplicates(session, checked, form.document))

    if errors or checked is None:
        raise FieldErrors(errors)
    return checked


def _draft(form: InvoiceForm) -> InvoiceDraft:
    return InvoiceDraft(
        seller_gstin=form.seller_gstin,
        buyer_gstin=form.buyer_gstin,
        buyer_name=form.buyer_name,
        buyer_trade_name=None,
        document_type=form.document_type,
        invoice_number=form.invoice_number,
        invoice_date=form.invoice_date,
        due_date=form.due_date,
        taxable_value=form.taxable_value,
        tax_amount=form.gst_amount,
        total_amount=form.total_amount,
    )


async def _duplicates(
    session: AsyncSession, checked: CheckedInvoice, document: UploadedFile
) -> list[FieldError]:
    found = await find_duplicates(session, [checked], [document.sha256])
    errors = []
    if found.has_invoice(checked):
        errors.append(duplicate_invoice(checked, FORM_FIELDS[INVOICE_NUMBER]))
    if found.document_sha256s:
        errors.append(duplicate_file(DOCUMENT_FIELD, "PDF"))
    return errors


async def _add_document(
    session: AsyncSession, invoice: Invoice, document: UploadedFile, key: str
) -> None:
    session.add(
        InvoiceDocument(
            invoice_id=invoice.id,
            filename=clean_filename(document.filename),
            content_type=PDF,
            size_bytes=document.size,
            sha256=document.sha256,
            storage_key=key,
        )
    )
    await session.flush()
