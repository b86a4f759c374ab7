"""Buyers and the invoices SMEs raise on them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import DocumentType, InvoiceSource, InvoiceStatus
from hundi.models.base import Base, CreatedAtMixin, IdMixin, utc_now
from hundi.models.types import Money, UtcDateTime, enum_column


class Buyer(IdMixin, CreatedAtMixin, Base):
    """A business that owes an SME money on an invoice, known by its GSTIN."""

    __tablename__ = "buyers"
    # The buyers list is ordered by name.
    __table_args__ = (Index("ix_buyers_legal_name_id", "legal_name", "id"),)

    gstin: Mapped[str] = mapped_column(String(15), unique=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    trade_name: Mapped[str | None] = mapped_column(String(200))
    state_code: Mapped[str] = mapped_column(String(2))
    industry: Mapped[str | None] = mapped_column(String(80))


class Invoice(IdMixin, CreatedAtMixin, Base):
    """A tax invoice an SME raised on a buyer and may offer for financing."""

    __tablename__ = "invoices"
    __table_args__ = (
        # The same invoice under its GST identity may be on Hundi only once.
        UniqueConstraint(
            "seller_gstin",
            "financial_year",
            "document_type",
            "invoice_number",
            name="uq_invoices_gst_identity",
        ),
        CheckConstraint("total_amount > 0", name="total_amount_positive"),
        CheckConstraint("taxable_value > 0", name="taxable_value_positive"),
        CheckConstraint("tax_amount >= 0", name="tax_amount_not_negative"),
        CheckConstraint("due_date > invoice_date", name="due_after_invoice_date"),
        Index("ix_invoices_sme_id_created_at_id", "sme_id", "created_at", "id"),
        Index("ix_invoices_buyer_id_created_at", "buyer_id", "created_at"),
        Index("ix_invoices_created_at_id", "created_at", "id"),
        Index("ix_invoices_status_created_at", "status", "created_at"),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="RESTRICT")
    )
    buyer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("buyers.id", ondelete="RESTRICT")
    )
    seller_gstin: Mapped[str] = mapped_column(String(15))
    buyer_gstin: Mapped[str] = mapped_column(String(15))
    document_type: Mapped[DocumentType] = mapped_column(
        enum_column(DocumentType, length=3), default=DocumentType.INV
    )
    invoice_number: Mapped[str] = mapped_column(String(16))
    invoice_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    # "2024-25": April to March, from the invoice date.
    financial_year: Mapped[str] = mapped_column(String(7))
    taxable_value: Mapped[Decimal] = mapped_column(Money())
    tax_amount: Mapped[Decimal] = mapped_column(Money())
    total_amount: Mapped[Decimal] = mapped_column(Money())
    irn: Mapped[str | None] = mapped_column(String(64), unique=True)
    ack_number: Mapped[str | None] = mapped_column(String(20))
    ack_date: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # None: no portal signature came with the invoice; False: present but not
    # verified (no portal key configured); True: verified.
    signature_verified: Mapped[bool | None] = mapped_column(Boolean)
    source: Mapped[InvoiceSource] = mapped_column(enum_column(InvoiceSource))
    status: Mapped[InvoiceStatus] = mapped_column(
        enum_column(InvoiceStatus), default=InvoiceStatus.VERIFIED
    )
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    uploaded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


class InvoiceDocument(IdMixin, Base):
    """The file an invoice came in; its SHA-256 is unique across the platform."""

    __tablename__ = "invoice_documents"
    __table_args__ = (CheckConstraint("size_bytes > 0", name="size_positive"),)

    invoice_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("invoices.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    storage_key: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
