"""Add what the success metrics need beyond the domain tables.

The visitors table (one row per anonymous visitor id, linked to the SME it
became), the indexes the metric queries and the support ticket list read,
and the target sheet's KPI targets as rows that ADMIN can change.

Revision ID: d4e6f8a0b2c3
Revises: c3d5e7f9a1b2
Create Date: 2026-12-04 19:00:01
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

import hundi.models.types

revision: str = "d4e6f8a0b2c3"
down_revision: str | Sequence[str] | None = "c3d5e7f9a1b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The targets as the target sheet sets them, in each metric's unit. Written
# out here rather than read from hundi.domain.kpis, because a migration must
# insert the same rows however that module changes later.
TARGETS = [
    ("SMES_ONBOARDED", "AT_LEAST", "5000", None),
    ("DISBURSED_VOLUME", "AT_LEAST", "100000000", None),
    ("APPROVAL_RATE", "AT_LEAST", "50", None),
    ("REPEAT_USAGE_RATE", "AT_LEAST", "40", None),
    ("FINANCING_TIME", "AT_MOST", None, "72"),
    ("MONTHLY_ACTIVE_SMES", "AT_LEAST", "2000", None),
    ("COST_PER_ACQUISITION", "BETWEEN", "300", "500"),
    ("CONVERSION_RATE", "AT_LEAST", "15", None),
    ("REFERRAL_RATE", "AT_LEAST", "20", None),
    ("INVOICES_PER_SME", "AT_LEAST", "3", None),
    ("SESSION_DURATION", "AT_LEAST", "5", None),
    ("DROP_OFF_RATE", "AT_MOST", None, "10"),
    ("SUPPORT_RESOLUTION_TIME", "AT_MOST", None, "24"),
    ("NET_PROMOTER_SCORE", "AT_LEAST", "70", None),
    ("CHURN_RATE", "AT_MOST", None, "5"),
    ("FEEDBACK_RATING", "AT_LEAST", "4.5", None),
    ("DEFAULT_RATE", "AT_MOST", None, "3"),
    ("KYC_VERIFICATION_TIME", "AT_MOST", None, "15"),
    ("DATA_BREACHES", "AT_MOST", None, "0"),
    ("LAUNCH_MONTH_REGISTERED_SMES", "AT_LEAST", "500", None),
    ("MONTH_2_LENDER_PARTNERS", "AT_LEAST", "2", None),
    ("MONTH_3_TOTAL_DISBURSED", "AT_LEAST", "20000000", None),
]

kpi_targets = sa.table(
    "kpi_targets",
    sa.column("key", sa.String(60)),
    sa.column("direction", sa.String(24)),
    sa.column("low", hundi.models.types.ExactDecimal(18, 4)),
    sa.column("high", hundi.models.types.ExactDecimal(18, 4)),
    sa.column("updated_at", hundi.models.types.UtcDateTime(timezone=True)),
)


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# Indexes that let the metric statements read an index instead of a table:
# (name, table, columns). The first two replace narrower ones.
METRIC_INDEXES = [
    (
        "ix_product_events_name_occurred_at_sme_id",
        "product_events",
        ["name", "occurred_at", "sme_id"],
    ),
    (
        "ix_app_sessions_started_at_sme_id_last_activity_at",
        "app_sessions",
        ["started_at", "sme_id", "last_activity_at"],
    ),
    ("ix_invoices_created_at_sme_id", "invoices", ["created_at", "sme_id"]),
    (
        "ix_financing_applications_submitted_at_sme_id",
        "financing_applications",
        ["submitted_at", "sme_id"],
    ),
    (
        "ix_financing_applications_sme_id_submitted_at",
        "financing_applications",
        ["sme_id", "submitted_at"],
    ),
    (
        "ix_kyc_submissions_sme_id_submitted_at",
        "kyc_submissions",
        ["sme_id", "submitted_at"],
    ),
    ("ix_smes_kyc_verified_at", "smes", ["kyc_verified_at"]),
]
REPLACED_INDEXES = [
    ("ix_product_events_name_occurred_at", "product_events", ["name", "occurred_at"]),
    ("ix_app_sessions_started_at", "app_sessions", ["started_at"]),
]


def _replace_metric_indexes() -> None:
    for name, table, _ in REPLACED_INDEXES:
        op.drop_index(name, table_name=table)
    for name, table, columns in METRIC_INDEXES:
        op.create_index(name, table, columns, unique=False)


def _restore_metric_indexes() -> None:
    for name, table, _ in METRIC_INDEXES:
        op.drop_index(name, table_name=table)
    for name, table, columns in REPLACED_INDEXES:
        op.create_index(name, table, columns, unique=False)


def upgrade() -> None:
    op.create_table(
        "visitors",
        sa.Column("visitor_id", sa.String(length=64), nullable=False),
        sa.Column(
            "first_seen_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("sme_id", sa.Uuid(), nullable=True),
        sa.Column(
            "linked_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_visitors_sme_id_smes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("visitor_id", name=op.f("pk_visitors")),
    )
    op.create_index(
        "ix_visitors_first_seen_at_sme_id",
        "visitors",
        ["first_seen_at", "sme_id"],
        unique=False,
    )
    op.create_index(
        "ix_support_tickets_opened_at_id",
        "support_tickets",
        ["opened_at", "id"],
        unique=False,
    )
    _replace_metric_indexes()

    now = datetime.now(UTC)
    op.bulk_insert(
        kpi_targets,
        [
            {
                "key": key,
                "direction": direction,
                "low": _decimal(low),
                "high": _decimal(high),
                "updated_at": now,
            }
            for key, direction, low, high in TARGETS
        ],
    )


def downgrade() -> None:
    op.execute(
        kpi_targets.delete().where(kpi_targets.c.key.in_([row[0] for row in TARGETS]))
    )
    _restore_metric_indexes()
    op.drop_index("ix_support_tickets_opened_at_id", table_name="support_tickets")
    op.drop_index("ix_visitors_first_seen_at_sme_id", table_name="visitors")
    op.drop_table("visitors")
