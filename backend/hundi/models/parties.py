"""SMEs, lender partners and the people who act for them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import (
    AcquisitionChannel,
    Constitution,
    LenderKind,
    Role,
    SmeStatus,
)
from hundi.models.base import Base, CreatedAtMixin, IdMixin
from hundi.models.types import UtcDateTime, enum_column


class Sme(IdMixin, CreatedAtMixin, Base):
    """A small or medium enterprise that finances its invoices on Hundi."""

    __tablename__ = "smes"
    __table_args__ = (
        CheckConstraint(
            "length(state_code) = 2 AND state_code BETWEEN '01' AND '99'",
            name="state_code_two_digits",
        ),
        Index("ix_smes_created_at_id", "created_at", "id"),
        Index("ix_smes_status_created_at", "status", "created_at"),
    )

    legal_name: Mapped[str] = mapped_column(String(200))
    trade_name: Mapped[str | None] = mapped_column(String(200))
    constitution: Mapped[Constitution] = mapped_column(enum_column(Constitution))
    state_code: Mapped[str] = mapped_column(String(2))
    industry: Mapped[str] = mapped_column(String(80))
    status: Mapped[SmeStatus] = mapped_column(
        enum_column(SmeStatus), default=SmeStatus.REGISTERED
    )
    pan: Mapped[str | None] = mapped_column(String(10))
    udyam_number: Mapped[str | None] = mapped_column(String(19))
    bank_account_number: Mapped[str | None] = mapped_column(String(18))
    ifsc: Mapped[str | None] = mapped_column(String(11))
    referral_code: Mapped[str] = mapped_column(String(12), unique=True)
    acquisition_channel: Mapped[AcquisitionChannel] = mapped_column(
        enum_column(AcquisitionChannel)
    )
    referred_by_sme_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="SET NULL")
    )
    referral_partner: Mapped[str | None] = mapped_column(String(80))
    kyc_verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SmeGstin(IdMixin, CreatedAtMixin, Base):
    """A GST registration of an SME; an SME has one per state it trades from."""

    __tablename__ = "sme_gstins"

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE"), index=True
    )
    gstin: Mapped[str] = mapped_column(String(15), unique=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class LenderPartner(IdMixin, CreatedAtMixin, Base):
    """A bank or NBFC that finances invoices on Hundi."""

    __tablename__ = "lender_partners"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[LenderKind] = mapped_column(enum_column(LenderKind))
    registration_number: Mapped[str] = mapped_column(String(40), unique=True)
    contact_name: Mapped[str] = mapped_column(String(120))
    contact_email: Mapped[str] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    onboarded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class User(IdMixin, CreatedAtMixin, Base):
    """A person who signs in, acting for one SME, one lender or the platform."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "(role = 'SME' AND sme_id IS NOT NULL AND lender_id IS NULL)"
            " OR (role = 'LENDER' AND lender_id IS NOT NULL AND sme_id IS NULL)"
            " OR (role IN ('OPS', 'MANAGEMENT', 'ADMIN')"
            " AND sme_id IS NULL AND lender_id IS NULL)",
            name="organisation_matches_role",
        ),
    )

    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    is_lender_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    sme_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="RESTRICT"), index=True
    )
    lender_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT"), index=True
    )
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    deactivated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
