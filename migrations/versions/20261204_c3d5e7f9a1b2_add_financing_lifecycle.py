"""Add what the financing lifecycle needs beyond the domain tables.

- offer_lines: each invoice of an offer, priced on its own;
- lender_products.concentration_floor: the exposure above which the
  concentration cap binds;
- disbursals: one live (requested or approved) disbursal per offer instead of
  one per offer ever, so a rejected request can be made again; the checker
  who rejected it; indexes of the disbursal lists;
- loans.written_off_on and the portfolio's indexes;
- day_end_runs: the applications and offers a run expired.

Revision ID: c3d5e7f9a1b2
Revises: b2c4d6e8f0a1
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hundi.models.types

revision: str = "c3d5e7f9a1b2"
down_revision: str | Sequence[str] | None = "b2c4d6e8f0a1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE_DISBURSAL = sa.text("status IN ('REQUESTED', 'APPROVED')")


def upgrade() -> None:
    _create_offer_lines()
    _add_concentration_floor()
    _change_disbursals()
    _add_loan_columns()
    _add_day_end_counts()


def downgrade() -> None:
    with op.batch_alter_table("day_end_runs") as batch:
        batch.drop_column("offers_expired")
        batch.drop_column("applications_expired")

    op.drop_index("ix_loans_lender_id_due_date_id", table_name="loans")
    op.drop_index("ix_loans_lender_id_disbursal_date", table_name="loans")
    with op.batch_alter_table("loans") as batch:
        batch.drop_column("written_off_on")

    op.drop_index("ix_disbursals_created_at_id", table_name="disbursals")
    op.drop_index("ix_disbursals_lender_id_created_at_id", table_name="disbursals")
    op.drop_index("uq_disbursals_offer_id_live", table_name="disbursals")
    with op.batch_alter_table("disbursals") as batch:
        batch.drop_constraint(
            op.f("ck_disbursals_rejecter_is_not_maker"), type_="check"
        )
        batch.drop_constraint(
            "fk_disbursals_rejected_by_user_id_users", type_="foreignkey"
        )
        batch.drop_column("rejected_by_user_id")
        batch.create_unique_constraint("uq_disbursals_offer_id", ["offer_id"])

    with op.batch_alter_table("lender_products") as batch:
        batch.drop_constraint(
            op.f("ck_lender_products_concentration_floor_not_negative"), type_="check"
        )
        batch.drop_column("concentration_floor")

    op.drop_table("offer_lines")


def _create_offer_lines() -> None:
    money = hundi.models.types.ExactDecimal(precision=18, scale=2)
    op.create_table(
        "offer_lines",
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("invoice_amount", money, nullable=False),
        sa.Column("advance_amount", money, nullable=False),
        sa.Column("discount_amount", money, nullable=False),
        sa.Column("fee_amount", money, nullable=False),
        sa.Column("net_amount", money, nullable=False),
        sa.Column(
            "annual_percentage_rate",
            hundi.models.types.ExactDecimal(precision=10, scale=6),
            nullable=False,
        ),
        sa.CheckConstraint(
            "advance_amount = discount_amount + fee_amount + net_amount",
            name=op.f("ck_offer_lines_parts_sum_to_advance"),
        ),
        sa.CheckConstraint(
            "net_amount > 0", name=op.f("ck_offer_lines_net_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_offer_lines_invoice_id_invoices"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offers.id"],
            name=op.f("fk_offer_lines_offer_id_offers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "invoice_id", name=op.f("pk_offer_lines")),
    )


def _add_concentration_floor() -> None:
    # Existing products get a floor of 0: the cap binds from the first rupee,
    # as it did before the floor existed.
    op.add_column(
        "lender_products",
        sa.Column(
            "concentration_floor",
            hundi.models.types.ExactDecimal(precision=18, scale=2),
            nullable=False,
            server_default="0",
        ),
    )
    with op.batch_alter_table("lender_products") as batch:
        batch.alter_column("concentration_floor", server_default=None)
        batch.create_check_constraint(
            op.f("ck_lender_products_concentration_floor_not_negative"),
            "concentration_floor >= 0",
        )


def _change_disbursals() -> None:
    with op.batch_alter_table("disbursals") as batch:
        batch.add_column(sa.Column("rejected_by_user_id", sa.Uuid(), nullable=True))
        batch.drop_constraint("uq_disbursals_offer_id", type_="unique")
        batch.create_foreign_key(
            "fk_disbursals_rejected_by_user_id_users",
            "users",
            ["rejected_by_user_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch.create_check_constraint(
            op.f("ck_disbursals_rejecter_is_not_maker"),
            "rejected_by_user_id IS NULL"
            " OR rejected_by_user_id <> requested_by_user_id",
        )

    op.create_index(
        "uq_disbursals_offer_id_live",
        "disbursals",
        ["offer_id"],
        unique=True,
        postgresql_where=LIVE_DISBURSAL,
        sqlite_where=LIVE_DISBURSAL,
    )
    op.create_index(
        "ix_disbursals_lender_id_created_at_id",
        "disbursals",
        ["lender_id", "created_at", "id"],
    )
    op.create_index("ix_disbursals_created_at_id", "disbursals", ["created_at", "id"])


def _add_loan_columns() -> None:
    op.add_column("loans", sa.Column("written_off_on", sa.Date(), nullable=True))
    op.create_index(
        "ix_loans_lender_id_disbursal_date", "loans", ["lender_id", "disbursal_date"]
    )
    op.create_index(
        "ix_loans_lender_id_due_date_id", "loans", ["lender_id", "due_date", "id"]
    )


def _add_day_end_counts() -> None:
    for column in ("applications_expired", "offers_expired"):
        op.add_column(
            "day_end_runs",
            sa.Column(column, sa.Integer(), nullable=False, server_default="0"),
        )
    with op.batch_alter_table("day_end_runs") as batch:
        batch.alter_column("applications_expired", server_default=None)
        batch.alter_column("offers_expired", server_default=None)
