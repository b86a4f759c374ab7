"""Index application_invoices by invoice, for lenders' row scoping.

Revision ID: e5f7a9b1c3d4
Revises: d4e6f8a0b2c3
Create Date: 2026-12-04 20:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e5f7a9b1c3d4"
down_revision: str | Sequence[str] | None = "d4e6f8a0b2c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_application_invoices_invoice_id", "application_invoices", ["invoice_id"]
    )


def downgrade() -> None:
    op.drop_index(
        "ix_application_invoices_invoice_id", table_name="application_invoices"
    )
