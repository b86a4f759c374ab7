"""KYC submissions of SMEs and the documents that back them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import KycDocumentKind, KycStatus
from hundi.models.base import Base, IdMixin, JsonDocument, utc_now
from hundi.models.types import UtcDateTime, enum_column


class KycSubmission(IdMixin, Base):
    """One attempt of an SME to prove who it is; OPS approves or rejects it."""

    __tablename__ = "kyc_submissions"
    __table_args__ = (
        Index("ix_kyc_submissions_status_submitted_at", "status", "submitted_at"),
        CheckConstraint(
            "status = 'SUBMITTED' OR reviewed_at IS NOT NULL",
            name="reviewed_has_time",
        ),
        CheckConstraint(
            "status <> 'REJECTED' OR rejection_reason IS NOT NULL",
            name="rejection_has_reason",
        ),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[KycStatus] = mapped_column(
        enum_column(KycStatus), default=KycStatus.SUBMITTED
    )
    pan: Mapped[str] = mapped_column(String(10))
    gstins: Mapped[list[str]] = mapped_column(JsonDocument)
    udyam_number: Mapped[str | None] = mapped_column(String(19))
    bank_account_number: Mapped[str] = mapped_column(String(18))
    ifsc: Mapped[str] = mapped_column(String(11))
    signatory_name: Mapped[str] = mapped_column(String(120))
    signatory_designation: Mapped[str | None] = mapped_column(String(80))
    submitted_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reviewed_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    # Names of the online checks that a verification provider actually ran.
    checks_run: Mapped[list[str]] = mapped_column(JsonDocument, default=list)


class KycDocument(IdMixin, Base):
    """A file attached to a KYC submission, kept with its SHA-256."""

    __tablename__ = "kyc_documents"
    __table_args__ = (CheckConstraint("size_bytes > 0", name="size_positive"),)

    submission_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("kyc_submissions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[KycDocumentKind] = mapped_column(enum_column(KycDocumentKind))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
