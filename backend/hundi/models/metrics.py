"""What the success metrics are computed from, beyond the lending records."""

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
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.domain.enums import (
    AcquisitionChannel,
    IncidentSeverity,
    ProductEventName,
    TargetDirection,
    TicketCategory,
    TicketStatus,
)
from hundi.models.base import Base, CreatedAtMixin, IdMixin, utc_now
from hundi.models.financing import FinancingApplication
from hundi.models.invoices import Invoice
from hundi.models.kyc import KycSubmission
from hundi.models.parties import Sme
from hundi.models.types import ExactDecimal, Money, UtcDateTime, enum_column


class Visitor(Base):
    """A browser the web app identifies by a random id, and the SME it turned into.

    One row per visitor id, written with its first event, so that counting
    new visitors by month reads one row per visitor instead of grouping
    every event.
    """

    __tablename__ = "visitors"
    __table_args__ = (
        Index("ix_visitors_first_seen_at_sme_id", "first_seen_at", "sme_id"),
    )

    visitor_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # The SME whose signed-in user first sent an event with this visitor id.
    sme_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="SET NULL")
    )
    linked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ProductEvent(IdMixin, Base):
    """A visit or an onboarding step, keyed by an anonymous visitor id."""

    __tablename__ = "product_events"
    __table_args__ = (
        # With sme_id, the drop-off rate reads the starts from the index alone.
        Index(
            "ix_product_events_name_occurred_at_sme_id", "name", "occurred_at", "sme_id"
        ),
        Index("ix_product_events_visitor_id_name", "visitor_id", "name"),
        Index("ix_product_events_sme_id_name", "sme_id", "name"),
    )

    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    name: Mapped[ProductEventName] = mapped_column(enum_column(ProductEventName))
    visitor_id: Mapped[str] = mapped_column(String(64))
    # Set once the visitor has signed in; never any other personal data.
    sme_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="SET NULL")
    )


class AppSession(IdMixin, Base):
    """A signed-in user's time in the web app, from start to last activity."""

    __tablename__ = "app_sessions"
    __table_args__ = (
        CheckConstraint("last_activity_at >= started_at", name="activity_after_start"),
        # Active SMEs and session lengths by month read only this index.
        Index(
            "ix_app_sessions_started_at_sme_id_last_activity_at",
            "started_at",
            "sme_id",
            "last_activity_at",
        ),
        Index("ix_app_sessions_sme_id_started_at", "sme_id", "started_at"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    sme_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE")
    )
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_activity_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MarketingSpend(IdMixin, CreatedAtMixin, Base):
    """Money spent on acquiring SMEs in one calendar month through one channel."""

    __tablename__ = "marketing_spend"
    __table_args__ = (
        UniqueConstraint("month", "channel"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    # The first day of the month.
    month: Mapped[date] = mapped_column(Date)
    channel: Mapped[AcquisitionChannel] = mapped_column(enum_column(AcquisitionChannel))
    amount: Mapped[Decimal] = mapped_column(Money())


class SupportTicket(IdMixin, Base):
    """A question or problem an SME raised with platform operations."""

    __tablename__ = "support_tickets"
    __table_args__ = (
        Index("ix_support_tickets_status_opened_at", "status", "opened_at"),
        Index("ix_support_tickets_sme_id_opened_at", "sme_id", "opened_at"),
        Index("ix_support_tickets_resolved_at", "resolved_at"),
        # The ticket list of OPS: newest first.
        Index("ix_support_tickets_opened_at_id", "opened_at", "id"),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE")
    )
    opened_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    category: Mapped[TicketCategory] = mapped_column(enum_column(TicketCategory))
    subject: Mapped[str] = mapped_column(String(200))
    status: Mapped[TicketStatus] = mapped_column(
        enum_column(TicketStatus), default=TicketStatus.OPEN
    )
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TicketMessage(IdMixin, CreatedAtMixin, Base):
    """One message in a support ticket's conversation."""

    __tablename__ = "ticket_messages"

    ticket_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("support_tickets.id", ondelete="CASCADE"), index=True
    )
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)


class SurveyResponse(IdMixin, Base):
    """An SME's answer to the satisfaction survey, at most one per period."""

    __tablename__ = "survey_responses"
    __table_args__ = (
        UniqueConstraint("sme_id", "period"),
        CheckConstraint(
            "nps_score IS NULL OR (nps_score >= 0 AND nps_score <= 10)",
            name="nps_score_range",
        ),
        CheckConstraint(
            "rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"
        ),
        CheckConstraint(
            "nps_score IS NOT NULL OR rating IS NOT NULL", name="has_an_answer"
        ),
        Index("ix_survey_responses_answered_at", "answered_at"),
    )

    sme_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("smes.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    # The survey period, a calendar quarter such as "2026-Q3".
    period: Mapped[str] = mapped_column(String(7))
    nps_score: Mapped[int | None] = mapped_column(Integer)
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class SecurityIncident(IdMixin, CreatedAtMixin, Base):
    """A security lapse recorded by an administrator."""

    __tablename__ = "security_incidents"
    __table_args__ = (Index("ix_security_incidents_occurred_at", "occurred_at"),)

    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    severity: Mapped[IncidentSeverity] = mapped_column(enum_column(IncidentSeverity))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    personal_data_exposed: Mapped[bool] = mapped_column(Boolean)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    recorded_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


# Indexes on other tables that only the success metrics read. Each lets a
# metric read an index alone instead of the table (docs/benchmarks.md).
Index("ix_invoices_created_at_sme_id", Invoice.created_at, Invoice.sme_id)
Index(
    "ix_financing_applications_submitted_at_sme_id",
    FinancingApplication.submitted_at,
    FinancingApplication.sme_id,
)
Index(
    "ix_financing_applications_sme_id_submitted_at",
    FinancingApplication.sme_id,
    FinancingApplication.submitted_at,
)
Index(
    "ix_kyc_submissions_sme_id_submitted_at",
    KycSubmission.sme_id,
    KycSubmission.submitted_at,
)
Index("ix_smes_kyc_verified_at", Sme.kyc_verified_at)


class KpiTarget(Base):
    """The target of one success metric or milestone, editable by ADMIN."""

    __tablename__ = "kpi_targets"
    __table_args__ = (
        CheckConstraint(
            "(direction = 'AT_LEAST' AND low IS NOT NULL AND high IS NULL)"
            " OR (direction = 'AT_MOST' AND high IS NOT NULL AND low IS NULL)"
            " OR (direction = 'BETWEEN' AND low IS NOT NULL AND high IS NOT NULL"
            " AND low <= high)",
            name="bounds_match_direction",
        ),
    )

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    direction: Mapped[TargetDirection] = mapped_column(enum_column(TargetDirection))
    low: Mapped[Decimal | None] = mapped_column(ExactDecimal(18, 4))
    high: Mapped[Decimal | None] = mapped_column(ExactDecimal(18, 4))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
