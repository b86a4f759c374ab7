"""Imports of invoices from a file (a CSV or an e-invoice JSON), with progress."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import ImportStatus, InvoiceSource
from hundi.models.base import Base, CreatedAtMixin, IdMixin
from hundi.models.types import UtcDateTime, enum_column


class InvoiceImport(IdMixin, CreatedAtMixin, Base):
    """One file of invoices an SME imported, and how far its processing got.

    The file's SHA-256 is kept here, not in `invoice_documents`, because one
    file carries many invoices. A file may be imported successfully only once
    across the platform; failed attempts keep their row but do not block a
    retry.
    """

    __tablename__ = "invoice_imports"
    __table_args__ = (
        Index(
            "uq_invoice_imports_sha256_succeeded",
            "sha256",
            unique=True,
            postgresql_where=text("status = 'SUCCEEDED'"),
            sqlite_where=text("status = 'SUCCEEDED'"),
        ),
        Index("ix_invoice_imports_sme_id_created_at", "sme_id", "created_at"),
        CheckConstraint("size_bytes > 0", name="size_positive"),
        CheckConstraint(
            "processed_rows >= 0 AND processed_rows <= total_rows",
            name="processed_within_total",
        ),
        CheckConstraint("error_count >= 0", name="error_count_not_negative"),
        CheckConstraint(
            "status = 'PROCESSING' OR finished_at IS NOT NULL",
            name="finished_has_time",
        ),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE")
    )
    source: Mapped[InvoiceSource] = mapped_column(enum_column(InvoiceSource))
    status: Mapped[ImportStatus] = mapped_column(
        enum_column(ImportStatus), default=ImportStatus.PROCESSING
    )
    filename: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    # Rows checked so far; the web app shows processed_rows / total_rows.
    processed_rows: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    invoice_count: Mapped[int] = mapped_column(Integer, default=0)
    uploaded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
