"""GraphQL types of invoices and buyers."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.related import Relation, related
from hundi.api.relay import Node, register_node, to_global_id
from hundi.api.scalars import MoneyValue
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import (
    DocumentType,
    ImportStatus,
    InvoiceSource,
    InvoiceStatus,
)

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.type(name="Buyer", description="A business that owes an SME on invoices.")
class BuyerType(Node):
    gstin: str = strawberry.field(description="The buyer's GSTIN.")
    legal_name: str = strawberry.field(description="Registered legal name.")
    trade_name: str | None = strawberry.field(description="Name it trades under.")
    state_code: str = strawberry.field(description="GST state code.")
    industry: str | None = strawberry.field(description="Industry, when known.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Buyer)


INVOICE_DOCUMENT_PATH = "/documents/invoices/"


@strawberry.type(
    name="InvoiceDocument", description="The file an invoice was uploaded in."
)
class InvoiceDocumentType(Node):
    filename: str = strawberry.field(
        description="The file name the SME's device gave it; for display only."
    )
    content_type: str = strawberry.field(
        description="Content type, from the file's content: application/pdf."
    )
    size_bytes: int = strawberry.field(description="Size in bytes.")
    sha256: str = strawberry.field(
        description="SHA-256 of the file, in hex; unique across Hundi."
    )
    uploaded_at: datetime = strawberry.field(description="When it was uploaded.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.InvoiceDocument)

    @strawberry.field(
        description="Path of the file on this server, for a link in the web app."
    )
    def download_path(self) -> str:
        return INVOICE_DOCUMENT_PATH + to_global_id("InvoiceDocument", self.id)


@strawberry.type(
    name="InvoiceImport",
    description="An import of invoices from one file, and how far it got.",
)
class InvoiceImportType:
    id: uuid.UUID = strawberry.field(
        description="The import's id: the importId the client sent, or one Hundi chose."
    )
    source: InvoiceSource = strawberry.field(description="CSV or E_INVOICE.")
    status: ImportStatus = strawberry.field(description="Progress of the import.")
    filename: str = strawberry.field(description="Name of the uploaded file.")
    size_bytes: int = strawberry.field(description="Size of the file in bytes.")
    sha256: str = strawberry.field(description="SHA-256 of the file, in hex.")
    total_rows: int = strawberry.field(description="Invoice rows in the file.")
    processed_rows: int = strawberry.field(
        description="Rows checked so far; show processedRows / totalRows."
    )
    error_count: int = strawberry.field(description="Rows errors were found in.")
    invoice_count: int = strawberry.field(description="Invoices saved.")
    created_at: datetime = strawberry.field(description="When the import started.")
    finished_at: datetime | None = strawberry.field(
        description="When it succeeded or failed; null while processing."
    )


@strawberry.type(name="Invoice", description="A tax invoice an SME raised on a buyer.")
class InvoiceType(Node):
    invoice_number: str = strawberry.field(description="The document number.")
    document_type: DocumentType = strawberry.field(description="GST document type.")
    invoice_date: date = strawberry.field(description="Date of the invoice.")
    due_date: date = strawberry.field(description="Date the buyer must pay by.")
    financial_year: str = strawberry.field(
        description="Indian financial year of the invoice date, such as 2024-25."
    )
    taxable_value: MoneyValue = strawberry.field(description="Value before GST.")
    tax_amount: MoneyValue = strawberry.field(description="GST charged.")
    total_amount: MoneyValue = strawberry.field(description="Total the buyer owes.")
    seller_gstin: str = strawberry.field(description="The SME's GSTIN on it.")
    buyer_gstin: str = strawberry.field(description="The buyer's GSTIN on it.")
    irn: str | None = strawberry.field(
        description="Invoice reference number from the e-invoice portal."
    )
    source: InvoiceSource = strawberry.field(description="How it reached Hundi.")
    status: InvoiceStatus = strawberry.field(description="Financing state.")
    signature_verified: bool | None = strawberry.field(
        description="Whether the portal's signature was verified: null when none "
        "came with it, false when Hundi could not verify it."
    )
    rejection_reason: str | None = strawberry.field(
        description="Why it was rejected, when it was."
    )
    created_at: datetime = strawberry.field(description="When it was uploaded.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Invoice)

    @strawberry.field(description="The SME that raised it.")
    def sme(self, info: Info) -> SmeRef:
        return related(info.context.loaders.sme_by_id, self.sme_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The buyer it was raised on.")
    def buyer(self, info: Info) -> BuyerType:
        return related(info.context.loaders.buyer_by_id, self.buyer_id)  # type: ignore[attr-defined]

    @strawberry.field(
        description="The files it was uploaded in; empty for CSV and e-invoice imports."
    )
    async def documents(self, info: Info) -> list[InvoiceDocumentType]:
        context: Context = info.context
        return await context.loaders.documents_by_invoice_id.load(self.id)  # type: ignore[return-value]


register_node(models.Buyer, "Buyer")
register_node(models.Invoice, "Invoice")
register_node(models.InvoiceDocument, "InvoiceDocument")


# The relations a list of invoices loads up front when its query selects them.
INVOICE_RELATIONS: dict[str, Relation] = {
    "sme": (lambda loaders: loaders.sme_by_id, "sme_id"),
    "buyer": (lambda loaders: loaders.buyer_by_id, "buyer_id"),
}
