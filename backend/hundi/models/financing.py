"""Lender products, applications, offers, loans and the money that moves."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import (
    ApplicationStatus,
    AssetClass,
    DayCountConvention,
    DisbursalStatus,
    LoanStatus,
    OfferStatus,
    RepaymentStatus,
)
from hundi.models.base import Base, CreatedAtMixin, IdMixin, JsonDocument, utc_now
from hundi.models.types import Money, Rate, UtcDateTime, enum_column, fraction_check


class LenderProduct(IdMixin, CreatedAtMixin, Base):
    """A lender's credit appetite and pricing for invoice financing."""

    __tablename__ = "lender_products"
    __table_args__ = (
        *fraction_check("advance_rate", "advance_rate_fraction"),
        CheckConstraint(
            "min_annual_rate > 0 AND min_annual_rate <= max_annual_rate",
            name="annual_rate_range",
        ),
        CheckConstraint(
            "processing_fee_rate >= 0 AND processing_fee_min >= 0",
            name="fee_not_negative",
        ),
        CheckConstraint(
            "min_tenor_days > 0 AND min_tenor_days <= max_tenor_days",
            name="tenor_range",
        ),
        CheckConstraint(
            "min_amount > 0 AND min_amount <= max_amount", name="amount_range"
        ),
        *fraction_check("concentration_cap", "concentration_cap_fraction"),
        CheckConstraint(
            "concentration_floor >= 0", name="concentration_floor_not_negative"
        ),
        UniqueConstraint("lender_id", "name"),
    )

    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    advance_rate: Mapped[Decimal] = mapped_column(Rate())
    min_annual_rate: Mapped[Decimal] = mapped_column(Rate())
    max_annual_rate: Mapped[Decimal] = mapped_column(Rate())
    processing_fee_rate: Mapped[Decimal] = mapped_column(Rate())
    processing_fee_min: Mapped[Decimal] = mapped_column(Money())
    day_count: Mapped[DayCountConvention] = mapped_column(
        enum_column(DayCountConvention)
    )
    min_tenor_days: Mapped[int] = mapped_column(Integer)
    max_tenor_days: Mapped[int] = mapped_column(Integer)
    min_amount: Mapped[Decimal] = mapped_column(Money())
    max_amount: Mapped[Decimal] = mapped_column(Money())
    min_days_to_due: Mapped[int] = mapped_column(Integer, default=15)
    recourse: Mapped[bool] = mapped_column(Boolean, default=True)
    # Empty lists mean every industry or every state code.
    eligible_industries: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    eligible_states: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    limit_per_buyer: Mapped[Decimal] = mapped_column(Money())
    limit_per_sme: Mapped[Decimal] = mapped_column(Money())
    # Largest share of the lender's outstanding allowed on one buyer.
    concentration_cap: Mapped[Decimal] = mapped_column(Rate())
    # The cap binds only once the lender's exposure after a new loan exceeds
    # this amount: a first loan would otherwise be 100% concentrated.
    concentration_floor: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    instant_offer: Mapped[bool] = mapped_column(Boolean, default=False)
    instant_annual_rate: Mapped[Decimal | None] = mapped_column(Rate())
    penal_annual_rate: Mapped[Decimal | None] = mapped_column(Rate())
    offer_validity_days: Mapped[int] = mapped_column(Integer, default=7)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class FinancingApplication(IdMixin, CreatedAtMixin, Base):
    """An SME's request to finance one or more of its verified invoices."""

    __tablename__ = "financing_applications"
    __table_args__ = (
        CheckConstraint("requested_amount > 0", name="requested_amount_positive"),
        Index("ix_financing_applications_sme_id_created_at", "sme_id", "created_at"),
        Index("ix_financing_applications_status_created_at", "status", "created_at"),
        Index("ix_financing_applications_created_at_id", "created_at", "id"),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="RESTRICT")
    )
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus), default=ApplicationStatus.SUBMITTED
    )
    requested_amount: Mapped[Decimal] = mapped_column(Money())
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    submitted_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


class ApplicationInvoice(Base):
    """An invoice included in an application."""

    __tablename__ = "application_invoices"
    # Lender scoping asks, per invoice, which applications hold it.
    __table_args__ = (Index("ix_application_invoices_invoice_id", "invoice_id"),)

    application_id: Mapped[uuid.UUID] = mapped_column(
        Uuid,
        ForeignKey("financing_applications.id", ondelete="CASCADE"),
        primary_key=True,
    )
    invoice_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("invoices.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationLenderMatch(IdMixin, CreatedAtMixin, Base):
    """Whether an application fits a lender's products, and why or why not."""

    __tablename__ = "application_lender_matches"
    __table_args__ = (
        UniqueConstraint("application_id", "lender_id"),
        Index(
            "ix_application_lender_matches_lender_id_matched",
            "lender_id",
            "matched",
            "created_at",
        ),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("financing_applications.id", ondelete="CASCADE")
    )
    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT")
    )
    product_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("lender_products.id", ondelete="RESTRICT")
    )
    matched: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    declined_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decline_reason: Mapped[str | None] = mapped_column(Text)


class Offer(IdMixin, CreatedAtMixin, Base):
    """A lender's priced offer on an application, with its key fact statement."""

    __tablename__ = "offers"
    __table_args__ = (
        *fraction_check("advance_rate", "advance_rate_fraction"),
        CheckConstraint("annual_rate > 0", name="annual_rate_positive"),
        CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name="parts_sum_to_advance",
        ),
        CheckConstraint("net_amount > 0", name="net_amount_positive"),
        Index("ix_offers_application_id_status", "application_id", "status"),
        Index("ix_offers_lender_id_created_at", "lender_id", "created_at"),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("financing_applications.id", ondelete="RESTRICT")
    )
    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT")
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_products.id", ondelete="RESTRICT")
    )
    status: Mapped[OfferStatus] = mapped_column(
        enum_column(OfferStatus), default=OfferStatus.OPEN
    )
    is_instant: Mapped[bool] = mapped_column(Boolean, default=False)
    advance_rate: Mapped[Decimal] = mapped_column(Rate())
    annual_rate: Mapped[Decimal] = mapped_column(Rate())
    processing_fee_rate: Mapped[Decimal] = mapped_column(Rate())
    processing_fee_min: Mapped[Decimal] = mapped_column(Money())
    day_count: Mapped[DayCountConvention] = mapped_column(
        enum_column(DayCountConvention)
    )
    # The quote, priced as if disbursed on `quote_disbursal_date`; the booked
    # loan is priced again by the same function on the actual disbursal date.
    quote_disbursal_date: Mapped[date] = mapped_column(Date)
    # The last due date of the invoices the offer finances.
    due_date: Mapped[date] = mapped_column(Date)
    invoice_amount: Mapped[Decimal] = mapped_column(Money())
    advance_amount: Mapped[Decimal] = mapped_column(Money())
    discount_amount: Mapped[Decimal] = mapped_column(Money())
    fee_amount: Mapped[Decimal] = mapped_column(Money())
    net_amount: Mapped[Decimal] = mapped_column(Money())
    annual_percentage_rate: Mapped[Decimal] = mapped_column(Rate())
    valid_until: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Disbursal(IdMixin, CreatedAtMixin, Base):
    """One bank transfer paying out an accepted offer, under maker-checker."""

    __tablename__ = "disbursals"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "approved_by_user_id IS NULL"
            " OR approved_by_user_id <> requested_by_user_id",
            name="checker_is_not_maker",
        ),
        CheckConstraint(
            "rejected_by_user_id IS NULL"
            " OR rejected_by_user_id <> requested_by_user_id",
            name="rejecter_is_not_maker",
        ),
        # One live disbursal per offer; a rejected one may be requested again.
        Index(
            "uq_disbursals_offer_id_live",
            "offer_id",
            unique=True,
            postgresql_where=text("status IN ('REQUESTED', 'APPROVED')"),
            sqlite_where=text("status IN ('REQUESTED', 'APPROVED')"),
        ),
        Index("ix_disbursals_lender_id_created_at_id", "lender_id", "created_at", "id"),
        Index("ix_disbursals_created_at_id", "created_at", "id"),
    )

    offer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("offers.id", ondelete="RESTRICT")
    )
    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[DisbursalStatus] = mapped_column(
        enum_column(DisbursalStatus), default=DisbursalStatus.REQUESTED
    )
    utr: Mapped[str] = mapped_column(String(22), unique=True)
    value_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money())
    requested_by_user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="RESTRICT")
    )
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    approved_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    rejected_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="RESTRICT")
    )


class Loan(IdMixin, CreatedAtMixin, Base):
    """The financing of one invoice: what was paid out, and what is owed back."""

    __tablename__ = "loans"
    __table_args__ = (
        CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name="parts_sum_to_advance",
        ),
        CheckConstraint("advance_amount > 0", name="advance_amount_positive"),
        CheckConstraint(
            "principal_outstanding >= 0 AND penal_outstanding >= 0",
            name="outstanding_not_negative",
        ),
        CheckConstraint("days_past_due >= 0", name="days_past_due_not_negative"),
        Index("ix_loans_lender_id_created_at_id", "lender_id", "created_at", "id"),
        Index("ix_loans_sme_id_created_at_id", "sme_id", "created_at", "id"),
        Index("ix_loans_created_at_id", "created_at", "id"),
        Index("ix_loans_lender_id_status", "lender_id", "status"),
        Index("ix_loans_buyer_id_status", "buyer_id", "status"),
        Index("ix_loans_disbursed_at", "disbursed_at"),
        # The portfolio's loans by due date, and its disbursals in a period.
        Index("ix_loans_lender_id_due_date_id", "lender_id", "due_date", "id"),
        Index("ix_loans_lender_id_disbursal_date", "lender_id", "disbursal_date"),
    )

    offer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("offers.id", ondelete="RESTRICT"), index=True
    )
    application_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("financing_applications.id", ondelete="RESTRICT")
    )
    invoice_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("invoices.id", ondelete="RESTRICT"), index=True
    )
    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="RESTRICT")
    )
    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="RESTRICT")
    )
    buyer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("buyers.id", ondelete="RESTRICT")
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_products.id", ondelete="RESTRICT")
    )
    disbursal_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("disbursals.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[LoanStatus] = mapped_column(
        enum_column(LoanStatus, length=20), default=LoanStatus.PENDING_DISBURSAL
    )
    asset_class: Mapped[AssetClass] = mapped_column(
        enum_column(AssetClass), default=AssetClass.STANDARD
    )
    days_past_due: Mapped[int] = mapped_column(Integer, default=0)
    # Terms copied from the product and the offer when the loan was booked.
    day_count: Mapped[DayCountConvention] = mapped_column(
        enum_column(DayCountConvention)
    )
    advance_rate: Mapped[Decimal] = mapped_column(Rate())
    annual_rate: Mapped[Decimal] = mapped_column(Rate())
    processing_fee_rate: Mapped[Decimal] = mapped_column(Rate())
    penal_annual_rate: Mapped[Decimal | None] = mapped_column(Rate())
    recourse: Mapped[bool] = mapped_column(Boolean)
    invoice_amount: Mapped[Decimal] = mapped_column(Money())
    advance_amount: Mapped[Decimal] = mapped_column(Money())
    discount_amount: Mapped[Decimal] = mapped_column(Money())
    fee_amount: Mapped[Decimal] = mapped_column(Money())
    net_amount: Mapped[Decimal] = mapped_column(Money())
    annual_percentage_rate: Mapped[Decimal] = mapped_column(Rate())
    due_date: Mapped[date] = mapped_column(Date)
    disbursal_date: Mapped[date | None] = mapped_column(Date)
    disbursed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # What the lender is owed back: the advance (the discount was taken up
    # front), then penal interest accrued by day-end on overdue amounts.
    principal_outstanding: Mapped[Decimal] = mapped_column(Money())
    penal_outstanding: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    refund_due: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    repaid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    written_off_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The business date (India) of the write-off, for the books as of a date.
    written_off_on: Mapped[date | None] = mapped_column(Date)
    written_off_amount: Mapped[Decimal | None] = mapped_column(Money())
    write_off_reason: Mapped[str | None] = mapped_column(Text)
    recovered_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    npa_since: Mapped[date | None] = mapped_column(Date)


class Repayment(IdMixin, CreatedAtMixin, Base):
    """Money received against a loan, allocated to what was owed."""

    __tablename__ = "repayments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "amount = allocated_penal + allocated_principal + excess_amount",
            name="allocation_sums_to_amount",
        ),
        Index("ix_repayments_loan_id_received_on", "loan_id", "received_on"),
    )

    loan_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("loans.id", ondelete="RESTRICT")
    )
    status: Mapped[RepaymentStatus] = mapped_column(
        enum_column(RepaymentStatus), default=RepaymentStatus.POSTED
    )
    amount: Mapped[Decimal] = mapped_column(Money())
    received_on: Mapped[date] = mapped_column(Date)
    bank_reference: Mapped[str] = mapped_column(String(40), unique=True)
    allocated_penal: Mapped[Decimal] = mapped_column(Money())
    allocated_principal: Mapped[Decimal] = mapped_column(Money())
    excess_amount: Mapped[Decimal] = mapped_column(Money())
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    reversed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reversal_reason: Mapped[str | None] = mapped_column(Text)


class Recovery(IdMixin, CreatedAtMixin, Base):
    """Money recovered on a written-off loan."""

    __tablename__ = "recoveries"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    loan_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("loans.id", ondelete="RESTRICT"), index=True
    )
    amount: Mapped[Decimal] = mapped_column(Money())
    received_on: Mapped[date] = mapped_column(Date)
    bank_reference: Mapped[str] = mapped_column(String(40), unique=True)
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


class DayEndRun(IdMixin, Base):
    """One day-end run for a business date; at most one per date."""

    __tablename__ = "day_end_runs"

    business_date: Mapped[date] = mapped_column(Date, unique=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    loans_classified: Mapped[int] = mapped_column(Integer, default=0)
    applications_expired: Mapped[int] = mapped_column(Integer, default=0)
    offers_expired: Mapped[int] = mapped_column(Integer, default=0)
    run_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


class LoanClassification(Base):
    """A loan's days past due and RBI class as of one day-end."""

    __tablename__ = "loan_classifications"
    __table_args__ = (
        CheckConstraint("days_past_due >= 0", name="days_past_due_not_negative"),
        Index("ix_loan_classifications_business_date", "business_date"),
    )

    loan_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("loans.id", ondelete="CASCADE"), primary_key=True
    )
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    days_past_due: Mapped[int] = mapped_column(Integer)
    asset_class: Mapped[AssetClass] = mapped_column(enum_column(AssetClass))
    principal_outstanding: Mapped[Decimal] = mapped_column(Money())
    penal_accrued: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))


class OfferLine(Base):
    """One invoice of an offer, priced on its own; the offer's totals are their sums."""

    __tablename__ = "offer_lines"
    __table_args__ = (
        CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name="parts_sum_to_advance",
        ),
        CheckConstraint("net_amount > 0", name="net_amount_positive"),
    )

    offer_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True
    )
    invoice_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("invoices.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    invoice_amount: Mapped[Decimal] = mapped_column(Money())
    advance_amount: Mapped[Decimal] = mapped_column(Money())
    discount_amount: Mapped[Decimal] = mapped_column(Money())
    fee_amount: Mapped[Decimal] = mapped_column(Money())
    net_amount: Mapped[Decimal] = mapped_column(Money())
    annual_percentage_rate: Mapped[Decimal] = mapped_column(Rate())
