"""Add the tables of sign-in: OAuth clients, codes, tokens, sessions, throttling.

Revision ID: a1f3c2d4e5b6
Revises: de7b827027c4
Create Date: 2026-12-04 17:12:33.694709
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import hundi.models.types

revision: str = "a1f3c2d4e5b6"
down_revision: str | Sequence[str] | None = "de7b827027c4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "throttle_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("bucket", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column(
            "occurred_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_throttle_events")),
    )
    op.create_index(
        "ix_throttle_events_bucket_key_occurred_at",
        "throttle_events",
        ["bucket", "key", "occurred_at"],
        unique=False,
    )
    op.create_table(
        "browser_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("token_family_id", sa.Uuid(), nullable=True),
        sa.Column("issuer", sa.String(length=255), nullable=False),
        sa.Column("csrf_token_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "expires_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "last_seen_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "revoked_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_browser_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_browser_sessions")),
        sa.UniqueConstraint(
            "session_hash", name=op.f("uq_browser_sessions_session_hash")
        ),
    )
    op.create_index(
        op.f("ix_browser_sessions_user_id"),
        "browser_sessions",
        ["user_id"],
        unique=False,
    )
    op.create_table(
        "oauth_authorization_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("redirect_uri", sa.Text(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("nonce", sa.String(length=255), nullable=True),
        sa.Column("code_challenge", sa.String(length=128), nullable=False),
        sa.Column("code_challenge_method", sa.String(length=10), nullable=False),
        sa.Column(
            "auth_time", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "used_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_oauth_authorization_codes_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_authorization_codes")),
        sa.UniqueConstraint(
            "code_hash", name=op.f("uq_oauth_authorization_codes_code_hash")
        ),
    )
    op.create_table(
        "oauth_clients",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("lender_id", sa.Uuid(), nullable=False),
        sa.Column(
            "scopes",
            sa.JSON().with_variant(
                postgresql.JSONB(astext_type=sa.Text()), "postgresql"
            ),
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "deactivated_at",
            hundi.models.types.UtcDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_oauth_clients_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lender_id"],
            ["lender_partners.id"],
            name=op.f("fk_oauth_clients_lender_id_lender_partners"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_clients")),
        sa.UniqueConstraint("client_id", name=op.f("uq_oauth_clients_client_id")),
    )
    op.create_index(
        op.f("ix_oauth_clients_lender_id"), "oauth_clients", ["lender_id"], unique=False
    )
    op.create_table(
        "oauth_refresh_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column(
            "auth_time", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "rotated_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "revoked_at", hundi.models.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", hundi.models.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_oauth_refresh_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oauth_refresh_tokens")),
        sa.UniqueConstraint(
            "token_hash", name=op.f("uq_oauth_refresh_tokens_token_hash")
        ),
    )
    op.create_index(
        op.f("ix_oauth_refresh_tokens_family_id"),
        "oauth_refresh_tokens",
        ["family_id"],
        unique=False,
    )
    op.create_index(
        "ix_oauth_refresh_tokens_user_id_revoked",
        "oauth_refresh_tokens",
        ["user_id", "revoked_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        "ix_oauth_refresh_tokens_user_id_revoked", table_name="oauth_refresh_tokens"
    )
    op.drop_index(
        op.f("ix_oauth_refresh_tokens_family_id"), table_name="oauth_refresh_tokens"
    )
    op.drop_table("oauth_refresh_tokens")
    op.drop_index(op.f("ix_oauth_clients_lender_id"), table_name="oauth_clients")
    op.drop_table("oauth_clients")
    op.drop_table("oauth_authorization_codes")
    op.drop_index(op.f("ix_browser_sessions_user_id"), table_name="browser_sessions")
    op.drop_table("browser_sessions")
    op.drop_index(
        "ix_throttle_events_bucket_key_occurred_at", table_name="throttle_events"
    )
    op.drop_table("throttle_events")
