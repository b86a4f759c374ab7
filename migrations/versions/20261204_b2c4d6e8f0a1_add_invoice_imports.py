"""Add invoice_imports, the progress and file hash of invoice imports.

Revision ID: b2c4d6e8f0a1
Revises: a1f3c2d4e5b6
Create Date: 2026-12-04 17:25:31.571017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import hundi.models.types

revision: str = "b2c4d6e8f0a1"
down_revision: str | Sequence[str] | None = "a1f3c2d4e5b6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invoice_imports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sme_id", sa.Uuid(), nullable=False),
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
                "PROCESSING",
                "SUCCEEDED",
                "FAILED",
                name="import_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("invoice_count", sa.Integer(), nullable=False),
        sa.Column("uploaded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "finished_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.CheckConstraint(
            "status = 'PROCESSING' OR finished_at IS NOT NULL",
            name=op.f("ck_invoice_imports_finished_has_time"),
        ),
        sa.CheckConstraint(
            "error_count >= 0", name=op.f("ck_invoice_imports_error_count_not_negative")
        ),
        sa.CheckConstraint(
            "processed_rows >= 0 AND processed_rows <= total_rows",
            name=op.f("ck_invoice_imports_processed_within_total"),
        ),
        sa.CheckConstraint(
            "size_bytes > 0", name=op.f("ck_invoice_imports_size_positive")
        ),
        sa.ForeignKeyConstraint(
            ["sme_id"],
            ["smes.id"],
            name=op.f("fk_invoice_imports_sme_id_smes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_user_id"],
            ["users.id"],
            name=op.f("fk_invoice_imports_uploaded_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_imports")),
    )
    op.create_index(
        "ix_invoice_imports_sme_id_created_at",
        "invoice_imports",
        ["sme_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "uq_invoice_imports_sha256_succeeded",
        "invoice_imports",
        ["sha256"],
        unique=True,
        postgresql_where=sa.text("status = 'SUCCEEDED'"),
        sqlite_where=sa.text("status = 'SUCCEEDED'"),
    )
    op.create_index(
        "ix_buyers_legal_name_id", "buyers", ["legal_name", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_buyers_legal_name_id", table_name="buyers")
    op.drop_index(
        "uq_invoice_imports_sha256_succeeded",
        table_name="invoice_imports",
        postgresql_where=sa.text("status = 'SUCCEEDED'"),
        sqlite_where=sa.text("status = 'SUCCEEDED'"),
    )
    op.drop_index("ix_invoice_imports_sme_id_created_at", table_name="invoice_imports")
    op.drop_table("invoice_imports")
