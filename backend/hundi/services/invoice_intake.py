"""The checks every new invoice passes, however it reaches Hundi, and its saving.

An invoice arrives from the upload form, an e-invoice JSON or a row of a
CSV file. Each way turns its input into an `InvoiceDraft` and a map from the
draft's fields to the input paths to report errors at, then calls
`check_invoice`, `find_duplicates` and `save_invoice`:

- amounts are rupees with at most 2 decimal places: taxable value and total
  positive, GST zero or more. For the form and CSV the total must equal
  taxable value plus GST. An e-invoice's TotInvVal may also carry other
  charges, a discount and a round-off; the parser checks that sum instead.
- the invoice date is not in the future in India time, and the due date is
  after the invoice date.
- the seller GSTIN is one of the SME's verified GSTINs, and the buyer GSTIN
  is valid and not the SME's own.
- the document number has the e-invoice layout, and the financial year comes
  from the invoice date (April to March).

Double financing: an invoice whose IRN, whose GST identity (seller GSTIN,
financial year, document type, document number) or whose document file is
already on Hundi, under any SME, is rejected as DUPLICATE_INVOICE without
saying whose it is. The unique constraints on those columns are the final
guard for two uploads of one invoice at the same time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.domain.calendar import financial_year
from hundi.domain.einvoice import validate_document_number
from hundi.domain.enums import (
    DocumentType,
    ImportStatus,
    InvoiceSource,
    InvoiceStatus,
    SmeStatus,
)
from hundi.domain.identifiers import validate_gstin
from hundi.models import Invoice, InvoiceDocument, InvoiceImport, Sme, SmeGstin
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.buyers import get_or_create_buyer
from hundi.services.checks import ErrorCollector, FieldPath
from hundi.services.conflicts import DOUBLE_FINANCING_KEYS, violates
from hundi.services.errors import FieldError, FieldErrors

# Names of the draft's fields, mapped by each way in to its own input paths.
SELLER_GSTIN = "seller_gstin"
BUYER_GSTIN = "buyer_gstin"
BUYER_NAME = "buyer_name"
DOCUMENT_TYPE = "document_type"
INVOICE_NUMBER = "invoice_number"
INVOICE_DATE = "invoice_date"
DUE_DATE = "due_date"
TAXABLE_VALUE = "taxable_value"
TAX_AMOUNT = "tax_amount"
TOTAL_AMOUNT = "total_amount"

FieldMap = Mapping[str, FieldPath]

# Chunk size of the IN lists of the duplicate queries, well below the bind
# parameter limits of SQLite (32766) and asyncpg (32767).
_LOOKUP_CHUNK = 500

_INVOICE_AUDIT_FIELDS = (
    "sme_id",
    "buyer_id",
    "seller_gstin",
    "buyer_gstin",
    "document_type",
    "invoice_number",
    "invoice_date",
    "due_date",
    "financial_year",
    "taxable_value",
    "tax_amount",
    "total_amount",
    "irn",
    "source",
    "status",
    "signature_verified",
)


@dataclass(frozen=True)
class Seller:
    """A KYC-verified SME with its verified GSTINs, the primary one first."""

    sme_id: uuid.UUID
    gstins: tuple[str, ...]


@dataclass(frozen=True)
class InvoiceDraft:
    """An invoice as it arrived, before the intake checks."""

    # None means the SME's primary GSTIN.
    seller_gstin: str | None
    buyer_gstin: str
    buyer_name: str
    buyer_trade_name: str | None
    document_type: DocumentType
    invoice_number: str
    invoice_date: date
    due_date: date
    taxable_value: Decimal
    tax_amount: Decimal
    total_amount: Decimal
    total_must_add_up: bool = True
    irn: str | None = None


@dataclass(frozen=True)
class CheckedInvoice:
    """An invoice that passed the intake checks, with its values normalized."""

    seller_gstin: str
    buyer_gstin: str
    buyer_name: str
    buyer_trade_name: str | None
    document_type: DocumentType
    invoice_number: str
    invoice_date: date
    due_date: date
    financial_year: str
    taxable_value: Decimal
    tax_amount: Decimal
    total_amount: Decimal
    irn: str | None = None

    @property
    def gst_identity(self) -> tuple[str, str, str, str]:
        """The key that identifies the document in GST, unique across India."""
        return (
            self.seller_gstin,
            self.financial_year,
            self.document_type.value,
            self.invoice_number,
        )


@dataclass
class Duplicates:
    """The invoices and document hashes of a batch that are on Hundi already."""

    irns: set[str] = field(default_factory=set)
    gst_identities: set[tuple[str, str, str, str]] = field(default_factory=set)
    document_sha256s: set[str] = field(default_factory=set)

    def has_invoice(self, invoice: CheckedInvoice) -> bool:
        return invoice.gst_identity in self.gst_identities or (
            invoice.irn is not None and invoice.irn in self.irns
        )


# Reading the seller ---------------------------------------------------------------


async def load_seller(session: AsyncSession, actor: Actor) -> Seller:
    """Return the actor's SME as a seller; raise KYC_NOT_VERIFIED unless it is one."""
    sme = await session.get(Sme, actor.sme_id) if actor.sme_id else None
    if sme is None:
        raise LookupError(f"SME of {actor.label} does not exist")

    if sme.status is not SmeStatus.KYC_VERIFIED:
        raise FieldErrors.single(
            None,
            "KYC_NOT_VERIFIED",
            f"Your KYC is {sme.status.value}, not verified; invoices can be "
            "added once OPS has approved your KYC.",
        )

    gstins = await session.scalars(
        select(SmeGstin.gstin)
        .where(SmeGstin.sme_id == sme.id)
        .order_by(SmeGstin.is_primary.desc(), SmeGstin.gstin)
    )
    return Seller(sme_id=sme.id, gstins=tuple(gstins))


# Checking -------------------------------------------------------------------------


def check_invoice(
    draft: InvoiceDraft, seller: Seller, fields: FieldMap, *, today: date
) -> tuple[CheckedInvoice | None, list[FieldError]]:
    """Run the intake checks; return the checked invoice, or None and the errors."""
    checks = ErrorCollector()

    amounts = _check_amounts(draft, fields, checks)
    _check_dates(draft, fields, checks, today=today)
    seller_gstin = _check_seller_gstin(draft.seller_gstin, seller, fields, checks)
    buyer_gstin = _check_buyer_gstin(draft.buyer_gstin, seller, fields, checks)
    buyer_name = checks.text(
        draft.buyer_name, fields[BUYER_NAME], "Buyer name", max_length=200
    )
    number = checks.identifier(
        validate_document_number,
        draft.invoice_number.strip().upper(),
        fields[INVOICE_NUMBER],
        "INVALID_DOCUMENT_NUMBER",
    )

    if checks.errors or amounts is None:
        return None, checks.errors

    taxable, tax, total = amounts
    checked = CheckedInvoice(
        seller_gstin=seller_gstin,
        buyer_gstin=buyer_gstin,
        buyer_name=buyer_name,
        buyer_trade_name=(draft.buyer_trade_name or "").strip()[:200] or None,
        document_type=draft.document_type,
        # Upper case, so that inv/1 and INV/1 are one document number.
        invoice_number=number,
        invoice_date=draft.invoice_date,
        due_date=draft.due_date,
        financial_year=financial_year(draft.invoice_date),
        taxable_value=taxable,
        tax_amount=tax,
        total_amount=total,
        irn=draft.irn,
    )
    return checked, []


def _check_amounts(
    draft: InvoiceDraft, fields: FieldMap, checks: ErrorCollector
) -> tuple[Decimal, Decimal, Decimal] | None:
    taxable = checks.amount(draft.taxable_value, fields[TAXABLE_VALUE], "Taxable value")
    tax = checks.amount(
        draft.tax_amount, fields[TAX_AMOUNT], "GST amount", allow_zero=True
    )
    total = checks.amount(draft.total_amount, fields[TOTAL_AMOUNT], "Total")
    if taxable is None or tax is None or total is None:
        return None

    if draft.total_must_add_up and total != taxable + tax:
        checks.add(
            fields[TOTAL_AMOUNT],
            "TOTAL_MISMATCH",
            f"Total {total} is not taxable value {taxable} plus GST {tax} "
            f"({taxable + tax}); correct the amounts.",
        )
        return None

    return taxable, tax, total


def _check_dates(
    draft: InvoiceDraft, fields: FieldMap, checks: ErrorCollector, *, today: date
) -> None:
    if draft.invoice_date > today:
        checks.add(
            fields[INVOICE_DATE],
            "INVOICE_DATE_IN_FUTURE",
            f"Invoice date {draft.invoice_date.isoformat()} is after today "
            f"({today.isoformat()} in India); upload the invoice once it is issued.",
        )

    if draft.due_date <= draft.invoice_date:
        checks.add(
            fields[DUE_DATE],
            "DUE_DATE_NOT_AFTER_INVOICE_DATE",
            f"Due date {draft.due_date.isoformat()} is not after the invoice date "
            f"{draft.invoice_date.isoformat()}; give the date the buyer must pay by.",
        )


def _check_seller_gstin(
    value: str | None, seller: Seller, fields: FieldMap, checks: ErrorCollector
) -> str:
    if value is None or not value.strip():
        if seller.gstins:
            return seller.gstins[0]
        checks.add(
            fields[SELLER_GSTIN],
            "SELLER_GSTIN_NOT_OWN",
            "Your business has no verified GSTIN; ask support to check your KYC.",
        )
        return ""

    gstin = checks.identifier(
        validate_gstin, value, fields[SELLER_GSTIN], "INVALID_GSTIN"
    )
    if gstin and gstin not in seller.gstins:
        own = ", ".join(seller.gstins) or "none"
        checks.add(
            fields[SELLER_GSTIN],
            "SELLER_GSTIN_NOT_OWN",
            f"Seller GSTIN {gstin} is not one of your verified GSTINs ({own}); "
            "upload only invoices your business raised.",
        )
        return ""

    return gstin


def _check_buyer_gstin(
    value: str, seller: Seller, fields: FieldMap, checks: ErrorCollector
) -> str:
    gstin = checks.identifier(
        validate_gstin, value, fields[BUYER_GSTIN], "INVALID_GSTIN"
    )
    own_pans = {own[2:12] for own in seller.gstins}
    if gstin and gstin[2:12] in own_pans:
        checks.add(
            fields[BUYER_GSTIN],
            "BUYER_IS_SELLER",
            f"Buyer GSTIN {gstin} belongs to your own business (same PAN); "
            "only invoices raised on another business can be financed.",
        )
        return ""

    return gstin


# Double financing -----------------------------------------------------------------


async def find_duplicates(
    session: AsyncSession,
    invoices: Sequence[CheckedInvoice],
    document_sha256s: Iterable[str] = (),
) -> Duplicates:
    """Find which of the invoices and document hashes are on Hundi already."""
    found = Duplicates()
    irns = [invoice.irn for invoice in invoices if invoice.irn]
    identities = [invoice.gst_identity for invoice in invoices]
    hashes = list(document_sha256s)

    for chunk in _chunks(irns):
        found.irns.update(
            await session.scalars(select(Invoice.irn).where(Invoice.irn.in_(chunk)))
        )

    identity_columns = tuple_(
        Invoice.seller_gstin,
        Invoice.financial_year,
        Invoice.document_type,
        Invoice.invoice_number,
    )
    for identity_chunk in _chunks(identities):
        rows = await session.execute(
            select(
                Invoice.seller_gstin,
                Invoice.financial_year,
                Invoice.document_type,
                Invoice.invoice_number,
            ).where(identity_columns.in_(identity_chunk))
        )
        found.gst_identities.update(
            (gstin, year, str(kind), number) for gstin, year, kind, number in rows
        )

    for hash_chunk in _chunks(hashes):
        found.document_sha256s.update(
            await session.scalars(
                select(InvoiceDocument.sha256).where(
                    InvoiceDocument.sha256.in_(hash_chunk)
                )
            )
        )
    return found


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _LOOKUP_CHUNK):
        yield values[start : start + _LOOKUP_CHUNK]


async def file_already_imported(session: AsyncSession, sha256: str) -> bool:
    """Tell whether an import of a file with this SHA-256 succeeded before."""
    found = await session.scalar(
        select(InvoiceImport.id).where(
            InvoiceImport.sha256 == sha256,
            InvoiceImport.status == ImportStatus.SUCCEEDED,
        )
    )
    return found is not None


def duplicate_invoice(invoice: CheckedInvoice, field: FieldPath | None) -> FieldError:
    return FieldError(
        field,
        "DUPLICATE_INVOICE",
        f"Invoice {invoice.invoice_number} ({invoice.document_type.value}) of "
        f"GSTIN {invoice.seller_gstin} for financial year {invoice.financial_year} "
        "is already on Hundi; an invoice can be offered for financing only once.",
    )


def duplicate_file(field: FieldPath, what: str) -> FieldError:
    return FieldError(
        field,
        "DUPLICATE_INVOICE",
        f"This {what} is already on Hundi; an invoice can be offered for "
        "financing only once.",
    )


def is_double_financing(error: IntegrityError) -> bool:
    """Tell whether a failed write collided with an invoice, document or file."""
    return violates(error, *DOUBLE_FINANCING_KEYS)


# Saving ---------------------------------------------------------------------------


async def save_invoice(
    session: AsyncSession,
    actor: Actor,
    seller: Seller,
    checked: CheckedInvoice,
    *,
    source: InvoiceSource,
    **portal_fields: Any,
) -> Invoice:
    """Add the invoice, creating its buyer when new, with an audit record.

    `portal_fields` are the e-invoice portal's columns: ack_number, ack_date
    and signature_verified.
    """
    buyer = await get_or_create_buyer(
        session,
        actor,
        gstin=checked.buyer_gstin,
        legal_name=checked.buyer_name,
        trade_name=checked.buyer_trade_name,
    )
    invoice = Invoice(
        sme_id=seller.sme_id,
        buyer_id=buyer.id,
        seller_gstin=checked.seller_gstin,
        buyer_gstin=checked.buyer_gstin,
        document_type=checked.document_type,
        invoice_number=checked.invoice_number,
        invoice_date=checked.invoice_date,
        due_date=checked.due_date,
        financial_year=checked.financial_year,
        taxable_value=checked.taxable_value,
        tax_amount=checked.tax_amount,
        total_amount=checked.total_amount,
        irn=checked.irn,
        source=source,
        # The intake checks are the verification there is so far.
        # TODO: add buyer confirmation before VERIFIED once buyers can sign in.
        status=InvoiceStatus.VERIFIED,
        uploaded_by_user_id=actor.user_id,
        **portal_fields,
    )
    session.add(invoice)
    await session.flush()

    await record_audit(
        session,
        actor,
        "invoice.created",
        "Invoice",
        invoice.id,
        after=snapshot(invoice, *_INVOICE_AUDIT_FIELDS),
    )
    return invoice
