"""Importing many invoices from one CSV file, all or nothing.

The file layout is in docs/invoice-csv.md. The whole file is checked before
anything is saved, and no invoice is saved unless every row is valid. Every
bad row is reported with its row number, column and reason. Rows are
numbered as a spreadsheet numbers them, so the header is row 1.

Progress: the import runs inside the request, and an `invoice_imports` row
records how many rows have been checked. That row is committed before the
checks start and updated every PROGRESS_STEP rows, so the web app can poll
it by the id it sent with the upload while the upload request is still
running. A failed import keeps its row (status FAILED) as a record of the
attempt; the invoices, buyers and the SUCCEEDED status are written in one
transaction at the end.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.einvoice import validate_document_number
from hundi.domain.enums import DocumentType, ImportStatus, InvoiceSource
from hundi.domain.identifiers import validate_gstin
from hundi.domain.money import InvalidAmount, parse_amount
from hundi.models import Invoice, InvoiceImport
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector, FieldPath
from hundi.services.conflicts import IMPORT_ID, violates
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

# Draft field -> CSV column.
COLUMNS = {
    INVOICE_NUMBER: "invoice_number",
    DOCUMENT_TYPE: "document_type",
    INVOICE_DATE: "invoice_date",
    DUE_DATE: "due_date",
    SELLER_GSTIN: "seller_gstin",
    BUYER_GSTIN: "buyer_gstin",
    BUYER_NAME: "buyer_name",
    TAXABLE_VALUE: "taxable_value",
    TAX_AMOUNT: "gst_amount",
    TOTAL_AMOUNT: "total_amount",
}
OPTIONAL_COLUMNS = frozenset({"document_type", "seller_gstin"})
MAX_ROWS = 10_000
# Rows checked between two progress updates.
PROGRESS_STEP = 250
# Errors listed in a payload at most; a last error counts the rest.
MAX_REPORTED_ERRORS = 500

FILE_FIELD = ("file",)

_ISO_DATE = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_INDIAN_DATE = re.compile(r"\A([0-9]{2})/([0-9]{2})/([0-9]{4})\Z")


@dataclass(frozen=True)
class CsvUpload:
    """A CSV file of invoices, and the import id the web app polls progress by."""

    file: UploadedFile
    import_id: uuid.UUID | None = None


@dataclass(frozen=True)
class CsvImportResult:
    """The finished import and the invoices it saved, in file order."""

    invoice_import: InvoiceImport
    invoices: list[Invoice]


@dataclass(frozen=True)
class CsvRow:
    """One data row: its number as a spreadsheet shows it, and its values."""

    # The header is row 1, and empty rows count, as in a spreadsheet.
    number: int
    values: dict[str, str]
    # Why the row could not be split into the header's columns.
    problem: str | None = None


async def import_invoices_csv(
    database: Database, actor: Actor, upload: CsvUpload, *, max_bytes: int
) -> CsvImportResult:
    """Check every row, then save every invoice; raise FieldErrors when any fails."""
    errors = check_text_upload(upload.file, FILE_FIELD, max_bytes=max_bytes)
    if errors:
        raise FieldErrors(errors)
    rows = read_rows(upload.file)

    async with database.session() as session:
        seller = await load_seller(session, actor)
        if await file_already_imported(session, upload.file.sha256):
            raise FieldErrors([duplicate_file(FILE_FIELD, "CSV file")])

    record = await _start(database, actor, seller, upload, len(rows))
    try:
        checked = await _check_rows(database, record, seller, rows)
        result = await _save(database, actor, seller, record, checked)
    except FieldErrors as failure:
        await _finish_failed(database, actor, record, failure.errors)
        raise FieldErrors(_reported(failure.errors)) from None
    except Exception:
        # An unexpected failure must not leave a poller waiting on PROCESSING.
        await _finish_failed(database, actor, record, [])
        raise

    logger.info(
        "CSV import %s of SME %s saved %s invoices",
        record.id,
        seller.sme_id,
        len(result.invoices),
    )
    return result


# Reading the file -----------------------------------------------------------------


# Control characters other than tab, line feed and carriage return never
# appear in UTF-8 CSV text. A NUL or a ZIP signature byte means a workbook,
# another binary file or UTF-16 text, none of which the import reads.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_rows(file: UploadedFile) -> list[CsvRow]:
    """Read the header and data rows; raise FieldErrors for a file that is unusable."""
    name = clean_filename(file.filename)
    if _BINARY_BYTES.search(file.content):
        raise _invalid_csv(
            f"File {name} is not CSV text: it contains control characters, as a "
            "spreadsheet workbook or other binary file does; save it as CSV UTF-8."
        )
    try:
        text = file.content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _invalid_csv(
            f"File {name} is not UTF-8 text; save it as CSV UTF-8."
        ) from None

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _read_header(next(reader, []), name)
        rows = _read_data(reader, header)
    except csv.Error as error:
        raise _invalid_csv(
            f"File {name} is not valid CSV near line {reader.line_num}: {error}."
        ) from None

    if not rows:
        raise _invalid_csv(f"File {name} has a header but no invoice rows.")
    if len(rows) > MAX_ROWS:
        raise FieldErrors.single(
            FILE_FIELD,
            "TOO_MANY_ROWS",
            f"File {name} has {len(rows)} invoice rows; split it into files of "
            f"at most {MAX_ROWS} rows.",
        )
    return rows


def _invalid_csv(message: str) -> FieldErrors:
    return FieldErrors.single(FILE_FIELD, "INVALID_CSV", message)


def _read_header(cells: list[str], name: str) -> list[str]:
    header = [cell.strip().lower() for cell in cells]
    known = set(COLUMNS.values())

    unknown = [column for column in header if column not in known]
    repeated = sorted({column for column in header if header.count(column) > 1})
    missing = [
        column
        for column in COLUMNS.values()
        if column not in header and column not in OPTIONAL_COLUMNS
    ]
    problems = []
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)}")
    if repeated:
        problems.append(f"repeated column(s) {', '.join(repeated)}")
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")

    if problems:
        raise _invalid_csv(
            f"File {name} has {'; '.join(problems)} in its header line; the "
            f"columns are {', '.join(COLUMNS.values())}."
        )
    return header


def _read_data(reader: Iterable[list[str]], header: list[str]) -> list[CsvRow]:
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue

        if len(cells) != len(header):
            problem = (
                f"Row {number} has {len(cells)} values, but the header has "
                f"{len(header)} columns; quote values that contain commas."
            )
            rows.append(CsvRow(number=number, values={}, problem=problem))
            continue

        values = {
            column: cell.strip() for column, cell in zip(header, cells, strict=True)
        }
        rows.append(CsvRow(number=number, values=values))
    return rows


# Checking the rows ----------------------------------------------------------------


async def _check_rows(
    database: Database, record: InvoiceImport, seller: Seller, rows: list[CsvRow]
) -> list[tuple[CsvRow, CheckedInvoice]]:
    """Check every row and the duplicates; record progress on the way."""
    today = india_today()
    checks = ErrorCollector()
    checked: list[tuple[CsvRow, CheckedInvoice]] = []

    for index, row in enumerate(rows, start=1):
        invoice = _check_row(row, seller, checks, today=today)
        if invoice is not None:
            checked.append((row, invoice))
        if index % PROGRESS_STEP == 0 and index < len(rows):
            await _set_progress(database, record, index)

    _check_repeats(checked, checks)
    async with database.session() as session:
        await _check_platform_duplicates(session, checked, checks)
    await _set_progress(database, record, len(rows))

    checks.raise_if_any()
    return checked


def _check_row(
    row: CsvRow, seller: Seller, checks: ErrorCollector, *, today: date
) -> CheckedInvoice | None:
    if row.problem is not None:
        checks.add((*FILE_FIELD, row.number), "INVALID_ROW", row.problem)
        return None

    fields = {name: _cell(row, column) for name, column in COLUMNS.items()}
    row_checks = ErrorCollector()

    draft = _draft(row, fields, row_checks)
    invoice = None
    if draft is not None:
        invoice, errors = check_invoice(draft, seller, fields, today=today)
        row_checks.extend(errors)

    checks.extend(row_checks.errors)
    return invoice


def _cell(row: CsvRow, column: str) -> FieldPath:
    return (*FILE_FIELD, row.number, column)


def _draft(
    row: CsvRow, fields: dict[str, FieldPath], checks: ErrorCollector
) -> InvoiceDraft | None:
    """Parse the row's text into a draft, checking each value's format."""
    value = row.values.get

    number = checks.text(
        value("invoice_number"), fields[INVOICE_NUMBER], "invoice_number", max_length=16
    )
    if number:
        checks.identifier(
            validate_document_number,
            number.upper(),
            fields[INVOICE_NUMBER],
            "INVALID_DOCUMENT_NUMBER",
        )
    document_type = _document_type(value("document_type", ""), fields, checks)
    invoice_date = _date(value("invoice_date", ""), "invoice_date", fields, checks)
    due_date = _date(value("due_date", ""), "due_date", fields, checks)
    seller_gstin = value("seller_gstin", "") or None
    if seller_gstin:
        checks.identifier(
            validate_gstin, seller_gstin, fields[SELLER_GSTIN], "INVALID_GSTIN"
        )
    buyer_gstin = checks.text(
        value("buyer_gstin"), fields[BUYER_GSTIN], "buyer_gstin", max_length=15
    )
    if buyer_gstin:
        checks.identifier(
            validate_gstin, buyer_gstin, fields[BUYER_GSTIN], "INVALID_GSTIN"
        )
    buyer_name = checks.text(
        value("buyer_name"), fields[BUYER_NAME], "buyer_name", max_length=200
    )
    taxable = _amount(value("taxable_value", ""), TAXABLE_VALUE, fields, checks)
    tax = _amount(value("gst_amount", ""), TAX_AMOUNT, fields, checks)
    total = _amount(value("total_amount", ""), TOTAL_AMOUNT, fields, checks)

    parsed = (document_type, invoice_date, due_date, taxable, tax, total)
    if checks.errors or any(part is None for part in parsed):
        return None
    assert document_type is not None
    assert invoice_date is not None
    assert due_date is not None
    assert taxable is not None
    assert tax is not None
    assert total is not None
    return InvoiceDraft(
        seller_gstin=seller_gstin,
        buyer_gstin=buyer_gstin,
        buyer_name=buyer_name,
        buyer_trade_name=None,
        document_type=document_type,
        invoice_number=number,
        invoice_date=invoice_date,
        due_date=due_date,
        taxable_value=taxable,
        tax_amount=tax,
        total_amount=total,
    )


def _document_type(
    text: str, fields: dict[str, FieldPath], checks: ErrorCollector
) -> DocumentType | None:
    if not text:
        return DocumentType.INV

    try:
        return DocumentType(text.upper())
    except ValueError:
        known = ", ".join(kind.value for kind in DocumentType)
        checks.add(
            fields[DOCUMENT_TYPE],
            "INVALID_DOCUMENT_TYPE",
            f"document_type {text} is unknown; use one of {known}, or leave it "
            "empty for INV.",
        )
        return None


def _date(
    text: str, column: str, fields: dict[str, FieldPath], checks: ErrorCollector
) -> date | None:
    field = fields[INVOICE_DATE if column == "invoice_date" else DUE_DATE]
    if not text:
        checks.add(field, "REQUIRED", f"{column} is missing; fill it in.")
        return None

    parsed = _parse_date(text)
    if parsed is None:
        checks.add(
            field,
            "INVALID_DATE",
            f"{column} {text} is not a date; write it as YYYY-MM-DD "
            "(2024-07-15) or DD/MM/YYYY (15/07/2024).",
        )
    return parsed


def _parse_date(text: str) -> date | None:
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        match = _INDIAN_DATE.fullmatch(text)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


def _amount(
    text: str, name: str, fields: dict[str, FieldPath], checks: ErrorCollector
) -> Decimal | None:
    column = COLUMNS[name]
    if not text:
        checks.add(fields[name], "REQUIRED", f"{column} is missing; fill it in.")
        return None

    try:
        return parse_amount(text, allow_zero=name == TAX_AMOUNT)
    except InvalidAmount as error:
        checks.add(fields[name], "INVALID_AMOUNT", f"{column} {error}.")
        return None


def _check_repeats(
    checked: list[tuple[CsvRow, CheckedInvoice]], checks: ErrorCollector
) -> None:
    """Report rows that repeat an invoice of an earlier row of the same file."""
    first_rows: dict[tuple[str, str, str, str], int] = {}
    for row, invoice in checked:
        first = first_rows.setdefault(invoice.gst_identity, row.number)
        if first != row.number:
            checks.add(
                _cell(row, "invoice_number"),
                "DUPLICATE_INVOICE",
                f"Row {row.number} repeats invoice {invoice.invoice_number} of row "
                f"{first}; list each invoice once.",
            )


async def _check_platform_duplicates(
    session: AsyncSession,
    checked: list[tuple[CsvRow, CheckedInvoice]],
    checks: ErrorCollector,
) -> None:
    found = await find_duplicates(session, [invoice for _, invoice in checked])
    for row, invoice in checked:
        if found.has_invoice(invoice):
            checks.extend([duplicate_invoice(invoice, _cell(row, "invoice_number"))])


def _reported(errors: list[FieldError]) -> list[FieldError]:
    if len(errors) <= MAX_REPORTED_ERRORS:
        return errors

    more = len(errors) - MAX_REPORTED_ERRORS
    summary = FieldError(
        FILE_FIELD,
        "TOO_MANY_ERRORS",
        f"{more} more errors are not listed; correct the ones above and import "
        "the file again.",
    )
    return [*errors[:MAX_REPORTED_ERRORS], summary]


# Recording the import -------------------------------------------------------------


async def _start(
    database: Database,
    actor: Actor,
    seller: Seller,
    upload: CsvUpload,
    total_rows: int,
) -> InvoiceImport:
    """Commit the import's row, so that its progress can be polled at once."""
    record = InvoiceImport(
        id=upload.import_id or uuid.uuid4(),
        sme_id=seller.sme_id,
        source=InvoiceSource.CSV,
        status=ImportStatus.PROCESSING,
        filename=clean_filename(upload.file.filename),
        size_bytes=upload.file.size,
        sha256=upload.file.sha256,
        total_rows=total_rows,
        processed_rows=0,
        error_count=0,
        invoice_count=0,
        uploaded_by_user_id=actor.user_id,
    )
    try:
        async with database.transaction() as session:
            session.add(record)
            await session.flush()
            await record_audit(
                session,
                actor,
                "invoice_import.started",
                "InvoiceImport",
                record.id,
                after=snapshot(record, "source", "status", "sha256", "total_rows"),
            )
    except IntegrityError as error:
        if violates(error, IMPORT_ID):
            raise FieldErrors.single(
                ("importId",),
                "IMPORT_ID_TAKEN",
                f"Import id {record.id} is already used; generate a new one.",
            ) from None
        raise
    return record


async def _set_progress(
    database: Database, record: InvoiceImport, processed_rows: int
) -> None:
    # Progress is bookkeeping for the progress bar, not a state change, so it
    # writes no audit record.
    async with database.transaction() as session:
        await session.execute(
            update(InvoiceImport)
            .where(InvoiceImport.id == record.id)
            .values(processed_rows=processed_rows)
        )
    record.processed_rows = processed_rows


async def _finish_failed(
    database: Database, actor: Actor, record: InvoiceImport, errors: list[FieldError]
) -> None:
    async with database.transaction() as session:
        row = await session.get_one(InvoiceImport, record.id)
        row.status = ImportStatus.FAILED
        row.error_count = len(errors)
        row.finished_at = datetime.now(UTC)
        await session.flush()
        await record_audit(
            session,
            actor,
            "invoice_import.failed",
            "InvoiceImport",
            row.id,
            before={"status": ImportStatus.PROCESSING.value},
            after=snapshot(row, "status", "error_count"),
        )


async def _save(
    database: Database,
    actor: Actor,
    seller: Seller,
    record: InvoiceImport,
    checked: list[tuple[CsvRow, CheckedInvoice]],
) -> CsvImportResult:
    """Save every invoice and mark the import SUCCEEDED, in one transaction."""
    try:
        async with database.transaction() as session:
            # Another upload may have saved some of these since they were checked.
            checks = ErrorCollector()
            await _check_platform_duplicates(session, checked, checks)
            if await file_already_imported(session, record.sha256):
                checks.extend([duplicate_file(FILE_FIELD, "CSV file")])
            checks.raise_if_any()

            invoices = [
                await save_invoice(
                    session, actor, seller, invoice, source=InvoiceSource.CSV
                )
                for _, invoice in checked
            ]
            finished = await _finish_succeeded(session, actor, record, len(invoices))
    except IntegrityError as error:
        if is_double_financing(error):
            raise FieldErrors(
                [duplicate_file(FILE_FIELD, "CSV file or one of its invoices")]
            ) from None
        raise

    return CsvImportResult(invoice_import=finished, invoices=invoices)


async def _finish_succeeded(
    session: AsyncSession, actor: Actor, record: InvoiceImport, invoice_count: int
) -> InvoiceImport:
    row = await session.get_one(InvoiceImport, record.id)
    row.status = ImportStatus.SUCCEEDED
    row.processed_rows = row.total_rows
    row.invoice_count = invoice_count
    row.finished_at = datetime.now(UTC)
    await session.flush()

    await record_audit(
        session,
        actor,
        "invoice_import.succeeded",
        "InvoiceImport",
        row.id,
        before={"status": ImportStatus.PROCESSING.value},
        after=snapshot(row, "status", "invoice_count"),
    )
    return row
