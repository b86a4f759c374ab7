"""importInvoicesCsv: an SME adds many invoices from one CSV file, all or none."""

from __future__ import annotations

import enum
import uuid
from typing import TYPE_CHECKING

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from hundi.api.invoices.types import InvoiceImportType, InvoiceType
from hundi.api.mutations import MutationError, error_path, run_mutation
from hundi.api.permissions import allow
from hundi.api.uploads import read_upload
from hundi.domain.enums import Role
from hundi.services.csv_import import CsvUpload, import_invoices_csv
from hundi.services.errors import FieldError

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why importInvoicesCsv failed.")
class ImportInvoicesCsvErrorCode(enum.Enum):
    KYC_NOT_VERIFIED = "KYC_NOT_VERIFIED"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    INVALID_CSV = "INVALID_CSV"
    TOO_MANY_ROWS = "TOO_MANY_ROWS"
    INVALID_ROW = "INVALID_ROW"
    IMPORT_ID_TAKEN = "IMPORT_ID_TAKEN"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_DATE = "INVALID_DATE"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_DOCUMENT_TYPE = "INVALID_DOCUMENT_TYPE"
    INVALID_DOCUMENT_NUMBER = "INVALID_DOCUMENT_NUMBER"
    INVALID_GSTIN = "INVALID_GSTIN"
    TOTAL_MISMATCH = "TOTAL_MISMATCH"
    INVOICE_DATE_IN_FUTURE = "INVOICE_DATE_IN_FUTURE"
    DUE_DATE_NOT_AFTER_INVOICE_DATE = "DUE_DATE_NOT_AFTER_INVOICE_DATE"
    SELLER_GSTIN_NOT_OWN = "SELLER_GSTIN_NOT_OWN"
    BUYER_IS_SELLER = "BUYER_IS_SELLER"
    DUPLICATE_INVOICE = "DUPLICATE_INVOICE"
    TOO_MANY_ERRORS = "TOO_MANY_ERRORS"


@strawberry.type(
    description="An expected failure of importInvoicesCsv. A row's error has the "
    'field ["input", "file", "<row>", "<column>"].'
)
class ImportInvoicesCsvError(MutationError):
    code: ImportInvoicesCsvErrorCode = strawberry.field(description="What failed.")
    row: int | None = strawberry.field(
        description="Number of the bad row as a spreadsheet shows it, the header "
        "being row 1; null when the error is about the whole file."
    )
    column: str | None = strawberry.field(
        description="CSV column of the bad value; null when the error is about a "
        "whole row or the file."
    )


@strawberry.input(description="A CSV file of invoices; see docs/invoice-csv.md.")
class ImportInvoicesCsvInput:
    file: Upload = strawberry.field(
        description="The CSV file, UTF-8, with a header line naming the columns."
    )
    import_id: uuid.UUID | None = strawberry.field(
        default=None,
        description="A new random UUID the client chose, to poll "
        "invoiceImport(id) for progress while this request runs.",
    )


@strawberry.type(description="The result of importInvoicesCsv.")
class ImportInvoicesCsvPayload:
    invoice_import: InvoiceImportType | None = strawberry.field(
        description="The finished import; null when it failed."
    )
    invoices: list[InvoiceType] = strawberry.field(
        description="The saved invoices in file order; empty when it failed."
    )
    errors: list[ImportInvoicesCsvError] = strawberry.field(
        description="Every bad row and value; empty when the import succeeded."
    )


@strawberry.type
class ImportInvoicesCsvMutation:
    @strawberry.mutation(
        description="Add every invoice of a CSV file, or none: the whole file is "
        "checked first, and any bad row saves nothing. Needs verified KYC.",
        extensions=allow(Role.SME),
    )
    async def import_invoices_csv(
        self, info: Info, input: ImportInvoicesCsvInput
    ) -> ImportInvoicesCsvPayload:
        context: Context = info.context
        actor = context.require_actor()
        settings = context.settings
        upload = CsvUpload(
            file=await read_upload(input.file, settings.max_document_bytes),
            import_id=input.import_id,
        )

        result, errors = await run_mutation(
            info,
            lambda: import_invoices_csv(
                context.database,
                actor,
                upload,
                max_bytes=settings.max_document_bytes,
            ),
        )
        return ImportInvoicesCsvPayload(
            invoice_import=result.invoice_import if result else None,  # type: ignore[arg-type]
            invoices=result.invoices if result else [],  # type: ignore[arg-type]
            errors=[_error(error) for error in errors],
        )


def _error(error: FieldError) -> ImportInvoicesCsvError:
    """Build the payload's error, with the row and column of a row's error."""
    path = error.field or ()
    in_row = len(path) >= 2 and path[0] == "file" and isinstance(path[1], int)
    return ImportInvoicesCsvError(
        field=error_path(error.field),
        message=error.message,
        code=ImportInvoicesCsvErrorCode(error.code),
        row=path[1] if in_row else None,  # type: ignore[arg-type]
        column=str(path[2]) if in_row and len(path) > 2 else None,
    )
