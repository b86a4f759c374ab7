"""Importing one GST e-invoice from the JSON the Invoice Registration Portal returns.

The file is INV-01 version 1.1, bare or inside the portal's response (with
Irn, AckNo, AckDt, SignedInvoice and SignedQRCode). It is rejected when:

- the IRN in it differs from the one computed from the seller GSTIN,
  financial year, document type and document number;
- the signed QR code disagrees with the invoice on any field it carries;
- a portal public key is configured and a signature does not verify.

Without a configured key the invoice is saved with signature_verified false
and a warning; without any signed part it is saved with signature_verified
null. The due date is PayDtls.PaymtDue, else the invoice date plus
PayDtls.CrDay, else the `due_date` of the request. A request due date that
contradicts the document's is an error.

The JSON file is not stored as the invoice's document: its SHA-256 goes on
an `invoice_imports` row, and a file imported successfully once, by any SME,
is rejected as a duplicate.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.einvoice import (
    EInvoice,
    EInvoiceError,
    EInvoiceProblem,
    compare_with_qr_code,
    decode_signed_qr_code,
    parse_einvoice,
    verify_portal_signature,
)
from hundi.domain.enums import ImportStatus, InvoiceSource
from hundi.models import Invoice, InvoiceImport
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import FieldPath
from hundi.services.documents import UploadedFile, check_text_upload, clean_filename
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
    file_already_imported,
    find_duplicates,
    is_double_financing,
    load_seller,
    save_invoice,
)

logger = logging.getLogger(__name__)

FILE_FIELD = ("file",)
DUE_DATE_FIELD = ("dueDate",)

UNVERIFIED_SIGNATURE_WARNING = (
    "The e-invoice portal's signature was not verified, because Hundi has no "
    "portal public key configured; lenders see the invoice as not "
    "signature-verified."
)
NO_SIGNATURE_WARNING = (
    "The e-invoice carries no SignedInvoice or SignedQRCode, so it could not be "
    "checked against the portal's signature."
)

_AMOUNT_KEYS = frozenset(
    ["AssVal", "CgstVal", "SgstVal", "IgstVal", "CesVal", "TotInvVal", "TotItemVal"]
)
_IRN_LAYOUT = re.compile(r"\A[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class EInvoiceUpload:
    """An e-invoice JSON file, and the due date to use when it carries none."""

    file: UploadedFile
    due_date: date | None = None


@dataclass(frozen=True)
class ImportedEInvoice:
    """The saved invoice, and what the SME should know about it."""

    invoice: Invoice
    warnings: list[str]


@dataclass(frozen=True)
class _Verified:
    einvoice: EInvoice
    body: FieldPath
    due_date: date
    signature_verified: bool | None
    warnings: list[str]


async def import_einvoice(
    database: Database,
    actor: Actor,
    upload: EInvoiceUpload,
    *,
    portal_public_key: str | None,
    max_bytes: int,
) -> ImportedEInvoice:
    """Check the e-invoice and save it; raise FieldErrors when it fails."""
    verified = _verify_file(upload, portal_public_key, max_bytes)
    checked: CheckedInvoice | None = None

    try:
        async with database.transaction() as session:
            seller = await load_seller(session, actor)
            checked = await _check(session, seller, verified, upload.file)
            invoice = await _save(session, actor, seller, checked, verified, upload)
    except IntegrityError as error:
        if checked is not None and is_double_financing(error):
            raise FieldErrors([duplicate_invoice(checked, None)]) from None
        raise

    logger.info("e-invoice %s imported by SME %s", invoice.id, invoice.sme_id)
    return ImportedEInvoice(invoice=invoice, warnings=verified.warnings)


# Reading the file -----------------------------------------------------------------


def _verify_file(
    upload: EInvoiceUpload, portal_public_key: str | None, max_bytes: int
) -> _Verified:
    """Parse the file and check its IRN, QR code, signatures and due date."""
    errors = check_text_upload(upload.file, FILE_FIELD, max_bytes=max_bytes)
    if errors:
        raise FieldErrors(errors)

    document = _load_json(upload.file)
    body: FieldPath = ("data",) if isinstance(document.get("data"), dict) else ()
    einvoice = _parse(document)

    errors = _qr_code_errors(einvoice)
    signature_verified, signature_errors = _check_signatures(
        einvoice, portal_public_key
    )
    errors.extend(signature_errors)
    due_date = _due_date(einvoice, upload.due_date, body, errors)
    if errors or due_date is None:
        raise FieldErrors(errors)

    return _Verified(
        einvoice=einvoice,
        body=body,
        due_date=due_date,
        signature_verified=signature_verified,
        warnings=_warnings(signature_verified),
    )


def _load_json(file: UploadedFile) -> dict[str, Any]:
    name = clean_filename(file.filename)
    try:
        text = file.content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _invalid(
            f"File {name} is not UTF-8 text; upload the JSON the "
            "e-invoice portal returned."
        ) from None

    try:
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise _invalid(
            f"File {name} is not valid JSON: {error.msg} at line {error.lineno} "
            f"column {error.colno}."
        ) from None

    if not isinstance(document, dict):
        raise _invalid(
            f"File {name} contains a JSON {type(document).__name__}, not "
            "the e-invoice object."
        )
    return document


def _invalid(message: str) -> FieldErrors:
    return FieldErrors.single(FILE_FIELD, "INVALID_EINVOICE", message)


def _parse(document: dict[str, Any]) -> EInvoice:
    try:
        return parse_einvoice(document)
    except EInvoiceError as error:
        raise FieldErrors(
            [_problem_error(document, problem) for problem in error.problems]
        ) from None


def _problem_error(document: dict[str, Any], problem: EInvoiceProblem) -> FieldError:
    """Turn a problem the parser found into a field error under `file`."""
    path = (*FILE_FIELD, *problem.field)
    name = problem.field[-1] if problem.field else ""

    if problem.code is not None:
        return FieldError(path, problem.code, problem.message)

    if name in _AMOUNT_KEYS:
        return FieldError(path, "INVALID_AMOUNT", problem.message)

    if name == "Gstin":
        return FieldError(path, "INVALID_GSTIN", problem.message)

    if problem.field[-2:] == ("DocDtls", "No"):
        return FieldError(path, "INVALID_DOCUMENT_NUMBER", problem.message)

    # The parser checks a well-formed Irn only against the IRN it computes,
    # so a problem with one is a mismatch.
    if name == "Irn" and _IRN_LAYOUT.fullmatch(str(_value_at(document, problem.field))):
        return FieldError(path, "IRN_MISMATCH", problem.message)

    return FieldError(path, "INVALID_EINVOICE", problem.message)


def _value_at(document: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = document
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _qr_code_errors(einvoice: EInvoice) -> list[FieldError]:
    if einvoice.signed_qr_code is None:
        return []

    try:
        qr_fields = decode_signed_qr_code(einvoice.signed_qr_code)
    except EInvoiceError as error:
        return [
            FieldError(
                (*FILE_FIELD, "SignedQRCode"), "INVALID_EINVOICE", problem.message
            )
            for problem in error.problems
        ]

    return [
        FieldError((*FILE_FIELD, *problem.field), "QR_CODE_MISMATCH", problem.message)
        for problem in compare_with_qr_code(einvoice, qr_fields)
    ]


def _check_signatures(
    einvoice: EInvoice, portal_public_key: str | None
) -> tuple[bool | None, list[FieldError]]:
    """Verify the signed parts; return signature_verified and the errors."""
    tokens = {
        "SignedQRCode": einvoice.signed_qr_code,
        "SignedInvoice": einvoice.signed_invoice,
    }
    signed = {name: token for name, token in tokens.items() if token}
    if not signed:
        return None, []

    if portal_public_key is None:
        return False, []

    errors = []
    for name, token in signed.items():
        field = (*FILE_FIELD, name)
        try:
            valid = verify_portal_signature(token, portal_public_key)
        except EInvoiceError as error:
            if error.problems and not error.problems[0].field:
                # A problem without a field is the key's, so the setting is wrong.
                raise RuntimeError(
                    "EINVOICE_PORTAL_PUBLIC_KEY is not an RSA public key in PEM "
                    "format; set it to the portal's published public key"
                ) from error
            errors.append(FieldError(field, "INVALID_EINVOICE", str(error)))
            continue

        if not valid:
            errors.append(
                FieldError(
                    field,
                    "SIGNATURE_INVALID",
                    f"The signature of {name} does not match the e-invoice portal's "
                    "key; upload the JSON exactly as the portal returned it.",
                )
            )
    return not errors, errors


def _due_date(
    einvoice: EInvoice,
    requested: date | None,
    body: FieldPath,
    errors: list[FieldError],
) -> date | None:
    """Return the due date from the document, else from the request."""
    from_document = einvoice.payment_due_date
    if from_document is None and einvoice.credit_days is not None:
        from_document = einvoice.document_date + timedelta(days=einvoice.credit_days)

    if from_document is None and requested is None:
        errors.append(
            FieldError(
                DUE_DATE_FIELD,
                "DUE_DATE_REQUIRED",
                "The e-invoice has no PayDtls.PaymtDue or PayDtls.CrDay; give "
                "dueDate, the date the buyer must pay by.",
            )
        )
        return None

    if from_document is not None and requested not in (None, from_document):
        assert requested is not None
        errors.append(
            FieldError(
                DUE_DATE_FIELD,
                "DUE_DATE_MISMATCH",
                f"dueDate {requested.isoformat()} differs from the due date "
                f"{from_document.isoformat()} in the e-invoice's PayDtls; leave "
                "dueDate out.",
            )
        )
        return None

    return from_document or requested


def _warnings(signature_verified: bool | None) -> list[str]:
    if signature_verified is None:
        return [NO_SIGNATURE_WARNING]
    if signature_verified is False:
        return [UNVERIFIED_SIGNATURE_WARNING]
    return []


# Checking and saving --------------------------------------------------------------


def _fields(verified: _Verified) -> dict[str, FieldPath]:
    """Map the draft's fields to where they sit in the uploaded JSON."""
    body = (*FILE_FIELD, *verified.body)
    payment_due = (*body, "PayDtls", "PaymtDue")
    return {
        SELLER_GSTIN: (*body, "SellerDtls", "Gstin"),
        BUYER_GSTIN: (*body, "BuyerDtls", "Gstin"),
        BUYER_NAME: (*body, "BuyerDtls", "LglNm"),
        DOCUMENT_TYPE: (*body, "DocDtls", "Typ"),
        INVOICE_NUMBER: (*body, "DocDtls", "No"),
        INVOICE_DATE: (*body, "DocDtls", "Dt"),
        DUE_DATE: payment_due if verified.einvoice.payment_due_date else DUE_DATE_FIELD,
        TAXABLE_VALUE: (*body, "ValDtls", "AssVal"),
        # GST is CgstVal + SgstVal + IgstVal + CesVal, so no single key contains it.
        TAX_AMOUNT: (*body, "ValDtls"),
        TOTAL_AMOUNT: (*body, "ValDtls", "TotInvVal"),
    }


def _draft(verified: _Verified) -> InvoiceDraft:
    einvoice = verified.einvoice
    return InvoiceDraft(
        seller_gstin=einvoice.seller_gstin,
        buyer_gstin=einvoice.buyer_gstin,
        buyer_name=einvoice.buyer_legal_name,
        buyer_trade_name=einvoice.buyer_trade_name,
        document_type=einvoice.document_type,
        invoice_number=einvoice.document_number,
        invoice_date=einvoice.document_date,
        due_date=verified.due_date,
        taxable_value=einvoice.assessable_value,
        tax_amount=einvoice.tax_amount,
        total_amount=einvoice.total_invoice_value,
        # TotInvVal adds other charges and round-off and takes off discounts.
        total_must_add_up=False,
        irn=einvoice.irn,
    )


async def _check(
    session: AsyncSession, seller: Seller, verified: _Verified, file: UploadedFile
) -> CheckedInvoice:
    fields = _fields(verified)
    checked, errors = check_invoice(
        _draft(verified), seller, fields, today=india_today()
    )
    if checked is not None:
        if await file_already_imported(session, file.sha256):
            errors.append(duplicate_file(FILE_FIELD, "e-invoice file"))
        elif (await find_duplicates(session, [checked])).has_invoice(checked):
            errors.append(duplicate_invoice(checked, fields[INVOICE_NUMBER]))

    if errors or checked is None:
        raise FieldErrors(errors)
    return checked


async def _save(
    session: AsyncSession,
    actor: Actor,
    seller: Seller,
    checked: CheckedInvoice,
    verified: _Verified,
    upload: EInvoiceUpload,
) -> Invoice:
    einvoice = verified.einvoice
    invoice = await save_invoice(
        session,
        actor,
        seller,
        checked,
        source=InvoiceSource.E_INVOICE,
        ack_number=einvoice.ack_number,
        ack_date=einvoice.ack_date,
        signature_verified=verified.signature_verified,
    )

    now = datetime.now(UTC)
    record = InvoiceImport(
        sme_id=seller.sme_id,
        source=InvoiceSource.E_INVOICE,
        status=ImportStatus.SUCCEEDED,
        filename=clean_filename(upload.file.filename),
        size_bytes=upload.file.size,
        sha256=upload.file.sha256,
        total_rows=1,
        processed_rows=1,
        invoice_count=1,
        uploaded_by_user_id=actor.user_id,
        finished_at=now,
    )
    session.add(record)
    await session.flush()
    await record_audit(
        session,
        actor,
        "invoice_import.succeeded",
        "InvoiceImport",
        record.id,
        after=snapshot(record, "source", "status", "sha256", "invoice_count"),
    )
    return invoice
