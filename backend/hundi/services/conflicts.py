"""Recognising which unique key a failed insert collided with, on both databases.

A unique constraint is the last guard against two concurrent writers that
both checked first and found nothing. PostgreSQL names the constraint in the
error; SQLite names the table and columns ("UNIQUE constraint failed:
users.email"). A `UniqueKey` contains both forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

_UNIQUE_VIOLATION = "23505"
_SQLITE_PREFIX = "UNIQUE constraint failed: "


@dataclass(frozen=True)
class UniqueKey:
    """A unique constraint or index, as each database reports it."""

    constraint: str
    columns: str


USER_EMAIL = UniqueKey("uq_users_email", "users.email")
SME_REFERRAL_CODE = UniqueKey("uq_smes_referral_code", "smes.referral_code")
SME_GSTIN = UniqueKey("uq_sme_gstins_gstin", "sme_gstins.gstin")
BUYER_GSTIN = UniqueKey("uq_buyers_gstin", "buyers.gstin")
INVOICE_IRN = UniqueKey("uq_invoices_irn", "invoices.irn")
INVOICE_GST_IDENTITY = UniqueKey(
    "uq_invoices_gst_identity",
    "invoices.seller_gstin, invoices.financial_year, invoices.document_type, "
    "invoices.invoice_number",
)
INVOICE_DOCUMENT_SHA256 = UniqueKey(
    "uq_invoice_documents_sha256", "invoice_documents.sha256"
)
IMPORT_SHA256 = UniqueKey(
    "uq_invoice_imports_sha256_succeeded", "invoice_imports.sha256"
)
IMPORT_ID = UniqueKey("pk_invoice_imports", "invoice_imports.id")

# Any of these means the invoice, its document or its file is on Hundi already.
DOUBLE_FINANCING_KEYS = (
    INVOICE_IRN,
    INVOICE_GST_IDENTITY,
    INVOICE_DOCUMENT_SHA256,
    IMPORT_SHA256,
)


def violated_key(error: IntegrityError) -> str | None:
    """Name the key a unique violation hit, or return None for another error.

    The name is the constraint's on PostgreSQL and "table.column, ..." on
    SQLite.
    """
    cause = error.orig.__cause__ if error.orig is not None else None
    if getattr(cause, "sqlstate", None) == _UNIQUE_VIOLATION:
        return getattr(cause, "constraint_name", None)

    message = str(error.orig)
    if message.startswith(_SQLITE_PREFIX):
        return message.removeprefix(_SQLITE_PREFIX)

    return None


def violates(error: IntegrityError, *keys: UniqueKey) -> bool:
    """Tell whether the error is a unique violation of one of `keys`."""
    hit = violated_key(error)
    return any(hit in (key.constraint, key.columns) for key in keys)
