"""OAuth clients, codes, refresh tokens, browser sessions and throttling."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from hundi.models.base import Base, CreatedAtMixin, IdMixin, JsonDocument, utc_now
from hundi.models.types import UtcDateTime


class OAuthClient(IdMixin, CreatedAtMixin, Base):
    """A lender's machine client: client credentials, read-only scopes."""

    __tablename__ = "oauth_clients"

    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    # SHA-256 of the secret: the secret is 256 random bits, so a slow hash
    # adds nothing, and the secret itself is shown once and never stored.
    secret_hash: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(120))
    lender_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("lender_partners.id", ondelete="CASCADE"), index=True
    )
    scopes: Mapped[list[str]] = mapped_column(JsonDocument, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    deactivated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuthorizationCode(IdMixin, Base):
    """A one-time code of the authorization code flow, bound to a PKCE challenge."""

    __tablename__ = "oauth_authorization_codes"

    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    client_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE")
    )
    redirect_uri: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(Text)
    nonce: Mapped[str | None] = mapped_column(String(255))
    code_challenge: Mapped[str] = mapped_column(String(128))
    code_challenge_method: Mapped[str] = mapped_column(String(10))
    auth_time: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RefreshToken(IdMixin, CreatedAtMixin, Base):
    """A refresh token; each use rotates it, and reuse revokes its whole family."""

    __tablename__ = "oauth_refresh_tokens"
    __table_args__ = (
        Index("ix_oauth_refresh_tokens_user_id_revoked", "user_id", "revoked_at"),
    )

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Every token rotated from the same sign-in shares the family id.
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    client_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE")
    )
    scope: Mapped[str] = mapped_column(Text)
    auth_time: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    rotated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class BrowserSession(IdMixin, CreatedAtMixin, Base):
    """The web app's signed-in session, held by the backend behind a cookie."""

    __tablename__ = "browser_sessions"

    # SHA-256 of the cookie value; the cookie alone can open the session.
    session_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    # The refresh-token family of the sign-in that opened it; a revoked
    # family ends the session.
    token_family_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    issuer: Mapped[str] = mapped_column(String(255))
    csrf_token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ThrottleEvent(IdMixin, Base):
    """One counted attempt (a failed sign-in, a registration) for rate limits."""

    __tablename__ = "throttle_events"
    __table_args__ = (
        Index(
            "ix_throttle_events_bucket_key_occurred_at", "bucket", "key", "occurred_at"
        ),
    )

    bucket: Mapped[str] = mapped_column(String(40))
    # A hash of the e-mail address or client address, never the value itself.
    key: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    weight: Mapped[int] = mapped_column(Integer, default=1)
