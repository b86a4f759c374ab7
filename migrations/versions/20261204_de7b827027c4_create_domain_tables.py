"""Create the tables of the whole domain.

Revision ID: de7b827027c4
Revises:
Create Date: 2026-12-04 17:04:27.267558
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import hundi.models.types

revision: str = "de7b827027c4"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPEND_ONLY = {
    "postgresql": [
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ],
    "sqlite": [
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ],
}


def fraction_check(column: str, name: str) -> sa.CheckConstraint:
    """CHECK 0 < column <= 1 for a rate; SQLite stores rates scaled by 10**6."""
    one = "1000000" if op.get_bind().dialect.name == "sqlite" else "1"
    return sa.CheckConstraint(f"{column} > 0 AND {column} <= {one}", name=op.f(name))


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "occurred_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column("actor_label", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column(
            "before",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=True,
        ),
        sa.Column(
            "after",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=True,
        ),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(
        "ix_audit_log_entity", "audit_log", ["entity_type", "entity_id"], unique=False
    )
    op.create_index(
        "ix_audit_log_occurred_at", "audit_log", ["occurred_at"], unique=False
    )
    op.create_table(
        "buyers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("gstin", sa.String(length=15), nullable=False),
        sa.Column("legal_name", sa.String(length=200), nullable=False),
        sa.Column("trade_name", sa.String(length=200), nullable=True),
        sa.Column("state_code", sa.String(length=2), nullable=False),
        sa.Column("industry", sa.String(length=80), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buyers")),
        sa.UniqueConstraint("gstin", name=op.f("uq_buyers_gstin")),
    )
    op.create_table(
        "lender_partners",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "BANK",
                "NBFC",
                name="lender_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("registration_number", sa.String(length=40), nullable=False),
        sa.Column("contact_name", sa.String(length=120), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "onboarded_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lender_partners")),
        sa.UniqueConstraint("name", name=op.f("uq_lender_partners_name")),
        sa.UniqueConstraint(
            "registration_number", name=op.f("uq_lender_partners_registration_number")
        ),
    )
    op.create_table(
        "marketing_spend",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "ORGANIC",
                "PAID_SEARCH",
                "SOCIAL",
                "FIELD_SALES",
                "EVENT",
                "REFERRAL",
                "PARTNER",
                name="acquisition_channel",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "amount >= 0", name=op.f("ck_marketing_spend_amount_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketing_spend")),
        sa.UniqueConstraint(
            "month", "channel", name=op.f("uq_marketing_spend_month_channel")
        ),
    )
    op.create_table(
        "smes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("legal_name", sa.String(length=200), nullable=False),
        sa.Column("trade_name", sa.String(length=200), nullable=True),
        sa.Column(
            "constitution",
            sa.Enum(
                "PROPRIETORSHIP",
                "PARTNERSHIP",
                "LLP",
                "PRIVATE_LIMITED",
                "PUBLIC_LIMITED",
                "HUF",
                "TRUST",
                "SOCIETY",
                name="constitution",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("state_code", sa.String(length=2), nullable=False),
        sa.Column("industry", sa.String(length=80), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "REGISTERED",
                "KYC_SUBMITTED",
                "KYC_VERIFIED",
                "KYC_REJECTED",
                name="sme_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("pan", sa.String(length=10), nullable=True),
        sa.Column("udyam_number", sa.String(length=19), nullable=True),
        sa.Column("bank_account_number", sa.String(length=18), nullable=True),
        sa.Column("ifsc", sa.String(length=11), nullable=True),
        sa.Column("referral_code", sa.String(length=12), nullable=False),
        sa.Column(
            "acquisition_channel",
            sa.Enum(
                "ORGANIC",
                "PAID_SEARCH",
                "SOCIAL",
                "FIELD_SALES",
                "EVENT",
                "REFERRAL",
                "PARTNER",
                name="acquisition_channel",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("referred_by_sme_id", sa.Uuid(), nullable=True),
        sa.Column("referral_partner", sa.String(length=80), nullable=True),
        sa.Column(
            "kyc_verified_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "length(state_code) = 2 AND state_code BETWEEN '01' AND '99'",
            name=op.f("ck_smes_state_code_two_digits"),
        ),
        sa.ForeignKeyConstraint(
            ["referred_by_sme_id"],
            ["smes.id"],
            name=op.f("fk_smes_referred_by_sme_id_smes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smes")),
        sa.UniqueConstraint("referral_code", name=op.f("uq_smes_referral_code")),
    )
    op.create_index("ix_smes_created_at_id", "smes", ["created_at", "id"], unique=False)
    op.create_index(
        "ix_smes_status_created_at", "smes", ["status", "created_at"], unique=False
    )
    op.create_table(
        "lender_products",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "advance_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "min_annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "max_annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "processing_fee_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "processing_fee_min",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "day_count",
            sa.Enum(
                "ACT_365F",
                "ACT_360",
                "THIRTY_360",
                "ACT_ACT",
                name="day_count_convention",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("min_tenor_days", sa.Integer(), nullable=False),
        sa.Column("max_tenor_days", sa.Integer(), nullable=False),
        sa.Column(
            "min_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "max_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("min_days_to_due", sa.Integer(), nullable=False),
        sa.Column("recourse", sa.Boolean(), nullable=False),
        sa.Column(
            "eligible_industries",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column(
            "eligible_states",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column(
            "limit_per_buyer",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "limit_per_sme",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "concentration_cap",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column("instant_offer", sa.Boolean(), nullable=False),
        sa.Column(
            "instant_annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=True,
        ),
        sa.Column(
            "penal_annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=True,
        ),
        sa.Column("offer_validity_days", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        fraction_check("advance_rate", "ck_lender_products_advance_rate_fraction"),
        fraction_check(
            "concentration_cap", "ck_lender_products_concentration_cap_fraction"
        ),
        sa.CheckConstraint(
            "min_amount > 0 AND min_amount <= max_amount",
            name=op.f("ck_lender_products_amount_range"),
        ),
        sa.CheckConstraint(
            "min_annual_rate > 0 AND min_annual_rate <= max_annual_rate",
            name=op.f("ck_lender_products_annual_rate_range"),
        ),
        sa.CheckConstraint(
            "min_tenor_days > 0 AND min_tenor_days <= max_tenor_days",
            name=op.f("ck_lender_products_tenor_range"),
        ),
        sa.CheckConstraint(
            "processing_fee_rate >= 0 AND processing_fee_min >= 0",
            name=op.f("ck_lender_products_fee_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_lender_products_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lender_products")),
        sa.UniqueConstraint(
            "lender_id", "name", name=op.f("uq_lender_products_lender_id_name")
        ),
    )
    op.create_index(
        op.f("ix_lender_products_lender_id"),
        "lender_products",
        ["lender_id"],
        unique=False,
    )
    op.create_table(
        "product_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "occurred_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "name",
            sa.Enum(
                "VISIT",
                "SIGNUP_STARTED",
                "SIGNUP_COMPLETED",
                "KYC_STARTED",
                "KYC_SUBMITTED",
                "FIRST_INVOICE_UPLOADED",
                "APPLICATION_STARTED",
                "APPLICATION_SUBMITTED",
                name="product_event_name",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("visitor_id", sa.String(length=64), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_product_events_sme_id_smes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_events")),
    )
    op.create_index(
        "ix_product_events_name_occurred_at",
        "product_events",
        ["name", "occurred_at"],
        unique=False,
    )
    op.create_index(
        "ix_product_events_sme_id_name",
        "product_events",
        ["sme_id", "name"],
        unique=False,
    )
    op.create_index(
        "ix_product_events_visitor_id_name",
        "product_events",
        ["visitor_id", "name"],
        unique=False,
    )
    op.create_table(
        "sme_gstins",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column("gstin", sa.String(length=15), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_sme_gstins_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sme_gstins")),
        sa.UniqueConstraint("gstin", name=op.f("uq_sme_gstins_gstin")),
    )
    op.create_index(
        op.f("ix_sme_gstins_sme_id"), "sme_gstins", ["sme_id"], unique=False
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "SME",
                "LENDER",
                "OPS",
                "MANAGEMENT",
                "ADMIN",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("is_lender_admin", sa.Boolean(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=True),
        sa.Column("lender_id", sa.Uuid(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "deactivated_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "last_sign_in_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "(role = 'SME' AND sme_id IS NOT NULL AND lender_id IS NULL) OR (role = 'LENDER' AND lender_id IS NOT NULL AND sme_id IS NULL) OR (role IN ('OPS', 'MANAGEMENT', 'ADMIN') AND sme_id IS NULL AND lender_id IS NULL)",
            name=op.f("ck_users_organisation_matches_role"),
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_users_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_users_sme_id_smes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(op.f("ix_users_lender_id"), "users", ["lender_id"], unique=False)
    op.create_index(op.f("ix_users_sme_id"), "users", ["sme_id"], unique=False)
    op.create_table(
        "app_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=True),
        sa.Column(
            "started_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "last_activity_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "ended_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.CheckConstraint(
            "last_activity_at >= started_at",
            name=op.f("ck_app_sessions_activity_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_app_sessions_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_app_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_sessions")),
    )
    op.create_index(
        "ix_app_sessions_sme_id_started_at",
        "app_sessions",
        ["sme_id", "started_at"],
        unique=False,
    )
    op.create_index(
        "ix_app_sessions_started_at", "app_sessions", ["started_at"], unique=False
    )
    op.create_index(
        op.f("ix_app_sessions_user_id"), "app_sessions", ["user_id"], unique=False
    )
    op.create_table(
        "day_end_runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column(
            "started_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "finished_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("loans_classified", sa.Integer(), nullable=False),
        sa.Column("run_by_user_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_by_user_id"],
            ["users.id"],
            name=op.f("fk_day_end_runs_run_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_end_runs")),
        sa.UniqueConstraint(
            "business_date", name=op.f("uq_day_end_runs_business_date")
        ),
    )
    op.create_table(
        "financing_applications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "SUBMITTED",
                "OFFERED",
                "ACCEPTED",
                "DISBURSED",
                "DECLINED",
                "WITHDRAWN",
                "EXPIRED",
                name="application_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "requested_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "submitted_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "expires_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "decided_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "closed_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("submitted_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "requested_amount > 0",
            name=op.f("ck_financing_applications_requested_amount_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_financing_applications_sme_id_smes"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["users.id"],
            name=op.f("fk_financing_applications_submitted_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_financing_applications")),
    )
    op.create_index(
        "ix_financing_applications_created_at_id",
        "financing_applications",
        ["created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_financing_applications_sme_id_created_at",
        "financing_applications",
        ["sme_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_financing_applications_status_created_at",
        "financing_applications",
        ["status", "created_at"],
        unique=False,
    )
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("actor_user_id", sa.Uuid(), nullable=False),
        sa.Column("operation", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("result_entity_id", sa.String(length=40), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["users.id"],
            name=op.f("fk_idempotency_records_actor_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_records")),
        sa.UniqueConstraint(
            "actor_user_id",
            "operation",
            "key",
            name=op.f("uq_idempotency_records_actor_user_id_operation_key"),
        ),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("seller_gstin", sa.String(length=15), nullable=False),
        sa.Column("buyer_gstin", sa.String(length=15), nullable=False),
        sa.Column(
            "document_type",
            sa.Enum(
                "INV",
                "CRN",
                "DBN",
                name="document_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("invoice_number", sa.String(length=16), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("financial_year", sa.String(length=7), nullable=False),
        sa.Column(
            "taxable_value",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "tax_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "total_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("irn", sa.String(length=64), nullable=True),
        sa.Column("ack_number", sa.String(length=20), nullable=True),
        sa.Column(
            "ack_date", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("signature_verified", sa.Boolean(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "FORM",
                "E_INVOICE",
                "CSV",
                name="invoice_source",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "UPLOADED",
                "VERIFIED",
                "FINANCED",
                "SETTLED",
                "REJECTED",
                name="invoice_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("uploaded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "due_date > invoice_date", name=op.f("ck_invoices_due_after_invoice_date")
        ),
        sa.CheckConstraint(
            "tax_amount >= 0", name=op.f("ck_invoices_tax_amount_not_negative")
        ),
        sa.CheckConstraint(
            "taxable_value > 0", name=op.f("ck_invoices_taxable_value_positive")
        ),
        sa.CheckConstraint(
            "total_amount > 0", name=op.f("ck_invoices_total_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["buyers.id"],
            name=op.f("fk_invoices_buyer_id_buyers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_invoices_sme_id_smes"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_user_id"],
            ["users.id"],
            name=op.f("fk_invoices_uploaded_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("irn", name=op.f("uq_invoices_irn")),
        sa.UniqueConstraint(
            "seller_gstin",
            "financial_year",
            "document_type",
            "invoice_number",
            name="uq_invoices_gst_identity",
        ),
    )
    op.create_index(
        "ix_invoices_buyer_id_created_at",
        "invoices",
        ["buyer_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_invoices_created_at_id", "invoices", ["created_at", "id"], unique=False
    )
    op.create_index(
        "ix_invoices_sme_id_created_at_id",
        "invoices",
        ["sme_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_invoices_status_created_at",
        "invoices",
        ["status", "created_at"],
        unique=False,
    )
    op.create_table(
        "kpi_targets",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column(
            "direction",
            sa.Enum(
                "AT_LEAST",
                "AT_MOST",
                "BETWEEN",
                name="target_direction",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "low", hundi.models.types.ExactDecimal(precision=18, scale=4), nullable=True
        ),
        sa.Column(
            "high",
            hundi.models.types.ExactDecimal(precision=18, scale=4),
            nullable=True,
        ),
        sa.Column(
            "updated_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("updated_by_user_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "(direction = 'AT_LEAST' AND low IS NOT NULL AND high IS NULL) OR (direction = 'AT_MOST' AND high IS NOT NULL AND low IS NULL) OR (direction = 'BETWEEN' AND low IS NOT NULL AND high IS NOT NULL AND low <= high)",
            name=op.f("ck_kpi_targets_bounds_match_direction"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_user_id"],
            ["users.id"],
            name=op.f("fk_kpi_targets_updated_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_kpi_targets")),
    )
    op.create_table(
        "kyc_submissions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "SUBMITTED",
                "APPROVED",
                "REJECTED",
                name="kyc_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("pan", sa.String(length=10), nullable=False),
        sa.Column(
            "gstins",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column("udyam_number", sa.String(length=19), nullable=True),
        sa.Column("bank_account_number", sa.String(length=18), nullable=False),
        sa.Column("ifsc", sa.String(length=11), nullable=False),
        sa.Column("signatory_name", sa.String(length=120), nullable=False),
        sa.Column("signatory_designation", sa.String(length=80), nullable=True),
        sa.Column("submitted_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "started_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "submitted_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "reviewed_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("reviewed_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "verified_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column(
            "checks_run",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status <> 'REJECTED' OR rejection_reason IS NOT NULL",
            name=op.f("ck_kyc_submissions_rejection_has_reason"),
        ),
        sa.CheckConstraint(
            "status = 'SUBMITTED' OR reviewed_at IS NOT NULL",
            name=op.f("ck_kyc_submissions_reviewed_has_time"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_user_id"],
            ["users.id"],
            name=op.f("fk_kyc_submissions_reviewed_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_kyc_submissions_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["users.id"],
            name=op.f("fk_kyc_submissions_submitted_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kyc_submissions")),
    )
    op.create_index(
        op.f("ix_kyc_submissions_sme_id"), "kyc_submissions", ["sme_id"], unique=False
    )
    op.create_index(
        "ix_kyc_submissions_status_submitted_at",
        "kyc_submissions",
        ["status", "submitted_at"],
        unique=False,
    )
    op.create_table(
        "security_incidents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "occurred_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "detected_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "severity",
            sa.Enum(
                "LOW",
                "MEDIUM",
                "HIGH",
                "CRITICAL",
                name="incident_severity",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("personal_data_exposed", sa.Boolean(), nullable=False),
        sa.Column(
            "resolved_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("recorded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["users.id"],
            name=op.f("fk_security_incidents_recorded_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_incidents")),
    )
    op.create_index(
        "ix_security_incidents_occurred_at",
        "security_incidents",
        ["occurred_at"],
        unique=False,
    )
    op.create_table(
        "support_tickets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column("opened_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "ACCOUNT",
                "KYC",
                "INVOICE",
                "FINANCING",
                "REPAYMENT",
                "OTHER",
                name="ticket_category",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "ANSWERED",
                "RESOLVED",
                name="ticket_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "opened_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "first_response_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "resolved_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_user_id"],
            ["users.id"],
            name=op.f("fk_support_tickets_opened_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_support_tickets_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_tickets")),
    )
    op.create_index(
        "ix_support_tickets_resolved_at",
        "support_tickets",
        ["resolved_at"],
        unique=False,
    )
    op.create_index(
        "ix_support_tickets_sme_id_opened_at",
        "support_tickets",
        ["sme_id", "opened_at"],
        unique=False,
    )
    op.create_index(
        "ix_support_tickets_status_opened_at",
        "support_tickets",
        ["status", "opened_at"],
        unique=False,
    )
    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("nps_score", sa.Integer(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column(
            "answered_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "nps_score IS NOT NULL OR rating IS NOT NULL",
            name=op.f("ck_survey_responses_has_an_answer"),
        ),
        sa.CheckConstraint(
            "nps_score IS NULL OR (nps_score >= 0 AND nps_score <= 10)",
            name=op.f("ck_survey_responses_nps_score_range"),
        ),
        sa.CheckConstraint(
            "rating IS NULL OR (rating >= 1 AND rating <= 5)",
            name=op.f("ck_survey_responses_rating_range"),
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_survey_responses_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_survey_responses_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
        sa.UniqueConstraint(
            "sme_id", "period", name=op.f("uq_survey_responses_sme_id_period")
        ),
    )
    op.create_index(
        "ix_survey_responses_answered_at",
        "survey_responses",
        ["answered_at"],
        unique=False,
    )
    op.create_table(
        "application_invoices",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["financing_applications.id"],
            name=op.f("fk_application_invoices_application_id_financing_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_application_invoices_invoice_id_invoices"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "application_id", "invoice_id", name=op.f("pk_application_invoices")
        ),
    )
    op.create_table(
        "application_lender_matches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column(
            "declined_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("decline_reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["financing_applications.id"],
            name=op.f(
                "fk_application_lender_matches_application_id_financing_applications"
            ),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_application_lender_matches_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["lender_products.id"],
            name=op.f("fk_application_lender_matches_product_id_lender_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_lender_matches")),
        sa.UniqueConstraint(
            "application_id",
            "lender_id",
            name=op.f("uq_application_lender_matches_application_id_lender_id"),
        ),
    )
    op.create_index(
        "ix_application_lender_matches_lender_id_matched",
        "application_lender_matches",
        ["lender_id", "matched", "created_at"],
        unique=False,
    )
    op.create_table(
        "invoice_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=60), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column(
            "uploaded_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "size_bytes > 0", name=op.f("ck_invoice_documents_size_positive")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_invoice_documents_invoice_id_invoices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_invoice_documents_sha256")),
    )
    op.create_index(
        op.f("ix_invoice_documents_invoice_id"),
        "invoice_documents",
        ["invoice_id"],
        unique=False,
    )
    op.create_table(
        "kyc_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "PAN_CARD",
                "GST_CERTIFICATE",
                "UDYAM_CERTIFICATE",
                "CANCELLED_CHEQUE",
                "BANK_STATEMENT",
                "OTHER",
                name="kyc_document_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=60), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column(
            "uploaded_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "size_bytes > 0", name=op.f("ck_kyc_documents_size_positive")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["kyc_submissions.id"],
            name=op.f("fk_kyc_documents_submission_id_kyc_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kyc_documents")),
    )
    op.create_index(
        op.f("ix_kyc_documents_submission_id"),
        "kyc_documents",
        ["submission_id"],
        unique=False,
    )
    op.create_table(
        "offers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "ACCEPTED",
                "DECLINED",
                "WITHDRAWN",
                "EXPIRED",
                name="offer_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("is_instant", sa.Boolean(), nullable=False),
        sa.Column(
            "advance_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "processing_fee_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "processing_fee_min",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "day_count",
            sa.Enum(
                "ACT_365F",
                "ACT_360",
                "THIRTY_360",
                "ACT_ACT",
                name="day_count_convention",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("quote_disbursal_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column(
            "invoice_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "advance_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "discount_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "fee_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "net_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "annual_percentage_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "valid_until", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "decided_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name=op.f("ck_offers_parts_sum_to_advance"),
        ),
        fraction_check("advance_rate", "ck_offers_advance_rate_fraction"),
        sa.CheckConstraint(
            "annual_rate > 0", name=op.f("ck_offers_annual_rate_positive")
        ),
        sa.CheckConstraint(
            "net_amount > 0", name=op.f("ck_offers_net_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["financing_applications.id"],
            name=op.f("fk_offers_application_id_financing_applications"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_offers_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_offers_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["lender_products.id"],
            name=op.f("fk_offers_product_id_lender_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    op.create_index(
        "ix_offers_application_id_status",
        "offers",
        ["application_id", "status"],
        unique=False,
    )
    op.create_index(
        "ix_offers_lender_id_created_at",
        "offers",
        ["lender_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "ticket_messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("author_user_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["users.id"],
            name=op.f("fk_ticket_messages_author_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["support_tickets.id"],
            name=op.f("fk_ticket_messages_ticket_id_support_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_messages")),
    )
    op.create_index(
        op.f("ix_ticket_messages_ticket_id"),
        "ticket_messages",
        ["ticket_id"],
        unique=False,
    )
    op.create_table(
        "disbursals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "REQUESTED",
                "APPROVED",
                "REJECTED",
                name="disbursal_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("utr", sa.String(length=22), nullable=False),
        sa.Column("value_date", sa.Date(), nullable=False),
        sa.Column(
            "amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("requested_by_user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "requested_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column("approved_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "decided_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_disbursals_amount_positive")),
        sa.CheckConstraint(
            "approved_by_user_id IS NULL OR approved_by_user_id <> requested_by_user_id",
            name=op.f("ck_disbursals_checker_is_not_maker"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["users.id"],
            name=op.f("fk_disbursals_approved_by_user_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_disbursals_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_disbursals_offer_id_offers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_user_id"],
            ["users.id"],
            name=op.f("fk_disbursals_requested_by_user_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disbursals")),
        sa.UniqueConstraint("offer_id", name=op.f("uq_disbursals_offer_id")),
        sa.UniqueConstraint("utr", name=op.f("uq_disbursals_utr")),
    )
    op.create_index(
        op.f("ix_disbursals_lender_id"), "disbursals", ["lender_id"], unique=False
    )
    op.create_table(
        "loans",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("disbursal_id", sa.Uuid(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "PENDING_DISBURSAL",
                "ACTIVE",
                "REPAID",
                "WRITTEN_OFF",
                "CANCELLED",
                name="loan_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "asset_class",
            sa.Enum(
                "STANDARD",
                "SMA_0",
                "SMA_1",
                "SMA_2",
                "NPA",
                name="asset_class",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("days_past_due", sa.Integer(), nullable=False),
        sa.Column(
            "day_count",
            sa.Enum(
                "ACT_365F",
                "ACT_360",
                "THIRTY_360",
                "ACT_ACT",
                name="day_count_convention",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "advance_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "processing_fee_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column(
            "penal_annual_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=True,
        ),
        sa.Column("recourse", sa.Boolean(), nullable=False),
        sa.Column(
            "invoice_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "advance_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "discount_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "fee_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "net_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "annual_percentage_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("disbursal_date", sa.Date(), nullable=True),
        sa.Column(
            "disbursed_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "principal_outstanding",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "penal_outstanding",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "refund_due",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "repaid_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "written_off_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "written_off_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=True,
        ),
        sa.Column("write_off_reason", sa.Text(), nullable=True),
        sa.Column(
            "recovered_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("npa_since", sa.Date(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name=op.f("ck_loans_parts_sum_to_advance"),
        ),
        sa.CheckConstraint(
            "advance_amount > 0", name=op.f("ck_loans_advance_amount_positive")
        ),
        sa.CheckConstraint(
            "days_past_due >= 0", name=op.f("ck_loans_days_past_due_not_negative")
        ),
        sa.CheckConstraint(
            "principal_outstanding >= 0 AND penal_outstanding >= 0",
            name=op.f("ck_loans_outstanding_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["financing_applications.id"],
            name=op.f("fk_loans_application_id_financing_applications"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["buyers.id"],
            name=op.f("fk_loans_buyer_id_buyers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["disbursal_id"],
            ["disbursals.id"],
            name=op.f("fk_loans_disbursal_id_disbursals"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_loans_invoice_id_invoices"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_loans_lender_id_lender_partners"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_loans_offer_id_offers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["lender_products.id"],
            name=op.f("fk_loans_product_id_lender_products"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_loans_sme_id_smes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
    )
    op.create_index(
        "ix_loans_buyer_id_status", "loans", ["buyer_id", "status"], unique=False
    )
    op.create_index(
        "ix_loans_created_at_id", "loans", ["created_at", "id"], unique=False
    )
    op.create_index(
        op.f("ix_loans_disbursal_id"), "loans", ["disbursal_id"], unique=False
    )
    op.create_index("ix_loans_disbursed_at", "loans", ["disbursed_at"], unique=False)
    op.create_index(op.f("ix_loans_invoice_id"), "loans", ["invoice_id"], unique=False)
    op.create_index(
        "ix_loans_lender_id_created_at_id",
        "loans",
        ["lender_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loans_lender_id_status", "loans", ["lender_id", "status"], unique=False
    )
    op.create_index(op.f("ix_loans_offer_id"), "loans", ["offer_id"], unique=False)
    op.create_index(
        "ix_loans_sme_id_created_at_id",
        "loans",
        ["sme_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_classifications",
        sa.Column("loan_id", sa.Uuid(), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("days_past_due", sa.Integer(), nullable=False),
        sa.Column(
            "asset_class",
            sa.Enum(
                "STANDARD",
                "SMA_0",
                "SMA_1",
                "SMA_2",
                "NPA",
                name="asset_class",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "principal_outstanding",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "penal_accrued",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.CheckConstraint(
            "days_past_due >= 0",
            name=op.f("ck_loan_classifications_days_past_due_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_loan_classifications_loan_id_loans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "loan_id", "business_date", name=op.f("pk_loan_classifications")
        ),
    )
    op.create_index(
        "ix_loan_classifications_business_date",
        "loan_classifications",
        ["business_date"],
        unique=False,
    )
    op.create_table(
        "recoveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("loan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("bank_reference", sa.String(length=40), nullable=False),
        sa.Column("recorded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_recoveries_amount_positive")),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_recoveries_loan_id_loans"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["users.id"],
            name=op.f("fk_recoveries_recorded_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recoveries")),
        sa.UniqueConstraint(
            "bank_reference", name=op.f("uq_recoveries_bank_reference")
        ),
    )
    op.create_index(
        op.f("ix_recoveries_loan_id"), "recoveries", ["loan_id"], unique=False
    )
    op.create_table(
        "repayments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("loan_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "POSTED",
                "REVERSED",
                name="repayment_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("bank_reference", sa.String(length=40), nullable=False),
        sa.Column(
            "allocated_penal",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "allocated_principal",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column(
            "excess_amount",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
        ),
        sa.Column("recorded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "reversed_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("reversal_reason", sa.Text(), nullable=True),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "amount = allocated_penal + allocated_principal + excess_amount",
            name=op.f("ck_repayments_allocation_sums_to_amount"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_repayments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["loan_id"],
            ["loans.id"],
            name=op.f("fk_repayments_loan_id_loans"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_user_id"],
            ["users.id"],
            name=op.f("fk_repayments_recorded_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repayments")),
        sa.UniqueConstraint(
            "bank_reference", name=op.f("uq_repayments_bank_reference")
        ),
    )
    op.create_index(
        "ix_repayments_loan_id_received_on",
        "repayments",
        ["loan_id", "received_on"],
        unique=False,
    )
    for statement in APPEND_ONLY[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    op.drop_index("ix_repayments_loan_id_received_on", table_name="repayments")
    op.drop_table("repayments")
    op.drop_index(op.f("ix_recoveries_loan_id"), table_name="recoveries")
    op.drop_table("recoveries")
    op.drop_index(
        "ix_loan_classifications_business_date", table_name="loan_classifications"
    )
    op.drop_table("loan_classifications")
    op.drop_index("ix_loans_sme_id_created_at_id", table_name="loans")
    op.drop_index(op.f("ix_loans_offer_id"), table_name="loans")
    op.drop_index("ix_loans_lender_id_status", table_name="loans")
    op.drop_index("ix_loans_lender_id_created_at_id", table_name="loans")
    op.drop_index(op.f("ix_loans_invoice_id"), table_name="loans")
    op.drop_index("ix_loans_disbursed_at", table_name="loans")
    op.drop_index(op.f("ix_loans_disbursal_id"), table_name="loans")
    op.drop_index("ix_loans_created_at_id", table_name="loans")
    op.drop_index("ix_loans_buyer_id_status", table_name="loans")
    op.drop_table("loans")
    op.drop_index(op.f("ix_disbursals_lender_id"), table_name="disbursals")
    op.drop_table("disbursals")
    op.drop_index(op.f("ix_ticket_messages_ticket_id"), table_name="ticket_messages")
    op.drop_table("ticket_messages")
    op.drop_index("ix_offers_lender_id_created_at", table_name="offers")
    op.drop_index("ix_offers_application_id_status", table_name="offers")
    op.drop_table("offers")
    op.drop_index(op.f("ix_kyc_documents_submission_id"), table_name="kyc_documents")
    op.drop_table("kyc_documents")
    op.drop_index(
        op.f("ix_invoice_documents_invoice_id"), table_name="invoice_documents"
    )
    op.drop_table("invoice_documents")
    op.drop_index(
        "ix_application_lender_matches_lender_id_matched",
        table_name="application_lender_matches",
    )
    op.drop_table("application_lender_matches")
    op.drop_table("application_invoices")
    op.drop_index("ix_survey_responses_answered_at", table_name="survey_responses")
    op.drop_table("survey_responses")
    op.drop_index("ix_support_tickets_status_opened_at", table_name="support_tickets")
    op.drop_index("ix_support_tickets_sme_id_opened_at", table_name="support_tickets")
    op.drop_index("ix_support_tickets_resolved_at", table_name="support_tickets")
    op.drop_table("support_tickets")
    op.drop_index("ix_security_incidents_occurred_at", table_name="security_incidents")
    op.drop_table("security_incidents")
    op.drop_index(
        "ix_kyc_submissions_status_submitted_at", table_name="kyc_submissions"
    )
    op.drop_index(op.f("ix_kyc_submissions_sme_id"), table_name="kyc_submissions")
    op.drop_table("kyc_submissions")
    op.drop_table("kpi_targets")
    op.drop_index("ix_invoices_status_created_at", table_name="invoices")
    op.drop_index("ix_invoices_sme_id_created_at_id", table_name="invoices")
    op.drop_index("ix_invoices_created_at_id", table_name="invoices")
    op.drop_index("ix_invoices_buyer_id_created_at", table_name="invoices")
    op.drop_table("invoices")
    op.drop_table("idempotency_records")
    op.drop_index(
        "ix_financing_applications_status_created_at",
        table_name="financing_applications",
    )
    op.drop_index(
        "ix_financing_applications_sme_id_created_at",
        table_name="financing_applications",
    )
    op.drop_index(
        "ix_financing_applications_created_at_id", table_name="financing_applications"
    )
    op.drop_table("financing_applications")
    op.drop_table("day_end_runs")
    op.drop_index(op.f("ix_app_sessions_user_id"), table_name="app_sessions")
    op.drop_index("ix_app_sessions_started_at", table_name="app_sessions")
    op.drop_index("ix_app_sessions_sme_id_started_at", table_name="app_sessions")
    op.drop_table("app_sessions")
    op.drop_index(op.f("ix_users_sme_id"), table_name="users")
    op.drop_index(op.f("ix_users_lender_id"), table_name="users")
    op.drop_table("users")
    op.drop_index(op.f("ix_sme_gstins_sme_id"), table_name="sme_gstins")
    op.drop_table("sme_gstins")
    op.drop_index("ix_product_events_visitor_id_name", table_name="product_events")
    op.drop_index("ix_product_events_sme_id_name", table_name="product_events")
    op.drop_index("ix_product_events_name_occurred_at", table_name="product_events")
    op.drop_table("product_events")
    op.drop_index(op.f("ix_lender_products_lender_id"), table_name="lender_products")
    op.drop_table("lender_products")
    op.drop_index("ix_smes_status_created_at", table_name="smes")
    op.drop_index("ix_smes_created_at_id", table_name="smes")
    op.drop_table("smes")
    op.drop_table("marketing_spend")
    op.drop_table("lender_partners")
    op.drop_table("buyers")
    op.drop_index("ix_audit_log_occurred_at", table_name="audit_log")
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_table("audit_log")
