"""Database storage of the OAuth provider, as async operations.

Codes and refresh tokens are stored as SHA-256 hashes: the values themselves
exist only in the responses that carry them. Claiming a code or a refresh
token is one conditional UPDATE, so two requests racing with the same value
cannot both succeed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Role

logger = logging.getLogger(__name__)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def secrets_match(secret: str, secret_hash: str) -> bool:
    return hmac.compare_digest(sha256_hex(secret), secret_hash)


@dataclass(frozen=True)
class UserRecord:
    """The fields of a user the provider reads, detached from any session."""

    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    is_active: bool

    def get_user_id(self) -> str:
        return self.id.hex


@dataclass(frozen=True)
class MachineClientRecord:
    client_id: str
    secret_hash: str
    lender_id: uuid.UUID
    scopes: tuple[str, ...]
    is_active: bool


@dataclass(frozen=True)
class CodeRecord:
    user_id: uuid.UUID
    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str
    code_challenge_method: str
    auth_time: datetime


@dataclass(frozen=True)
class RefreshRecord:
    id: uuid.UUID
    family_id: uuid.UUID
    client_id: str
    user_id: uuid.UUID
    scope: str
    auth_time: datetime
    expires_at: datetime


def _user_record(user: models.User) -> UserRecord:
    return UserRecord(user.id, user.email, user.full_name, user.role, user.is_active)


class OAuthStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    async def user_by_id(self, user_id: uuid.UUID) -> UserRecord | None:
        async with self.database.session() as session:
            user = await session.get(models.User, user_id)
            return _user_record(user) if user is not None else None

    async def user_by_email(self, email: str) -> tuple[UserRecord, str | None] | None:
        async with self.database.session() as session:
            user = await session.scalar(
                select(models.User).where(models.User.email == email.strip().lower())
            )
            if user is None:
                return None
            return _user_record(user), user.password_hash

    async def record_sign_in(self, user_id: uuid.UUID) -> None:
        async with self.database.transaction() as session:
            await session.execute(
                update(models.User)
                .where(models.User.id == user_id)
                .values(last_sign_in_at=datetime.now(UTC))
            )

    async def machine_client(self, client_id: str) -> MachineClientRecord | None:
        async with self.database.session() as session:
            row = await session.scalar(
                select(models.OAuthClient).where(
                    models.OAuthClient.client_id == client_id
                )
            )
            if row is None:
                return None
            lender = await session.get(models.LenderPartner, row.lender_id)
            active = row.is_active and lender is not None and lender.is_active
            return MachineClientRecord(
                row.client_id, row.secret_hash, row.lender_id, tuple(row.scopes), active
            )

    async def save_code(self, code: str, record: CodeRecord, lifetime: int) -> None:
        async with self.database.transaction() as session:
            session.add(
                models.AuthorizationCode(
                    code_hash=sha256_hex(code),
                    client_id=record.client_id,
                    user_id=record.user_id,
                    redirect_uri=record.redirect_uri,
                    scope=record.scope,
                    nonce=record.nonce,
                    code_challenge=record.code_challenge,
                    code_challenge_method=record.code_challenge_method,
                    auth_time=record.auth_time,
                    expires_at=datetime.now(UTC) + timedelta(seconds=lifetime),
                )
            )

    async def claim_code(self, code: str, client_id: str) -> CodeRecord | None:
        """Mark the code used and return it; None when unknown, used or expired."""
        now = datetime.now(UTC)
        table = models.AuthorizationCode
        async with self.database.transaction() as session:
            claimed = await session.execute(
                update(table)
                .where(
                    table.code_hash == sha256_hex(code),
                    table.client_id == client_id,
                    table.used_at.is_(None),
                    table.expires_at > now,
                )
                .values(used_at=now)
                .returning(
                    table.user_id,
                    table.client_id,
                    table.redirect_uri,
                    table.scope,
                    table.nonce,
                    table.code_challenge,
                    table.code_challenge_method,
                    table.auth_time,
                )
            )
            row = claimed.first()
        return CodeRecord(**row._asdict()) if row is not None else None

    async def nonce_used(self, client_id: str, nonce: str) -> bool:
        async with self.database.session() as session:
            found = await session.scalar(
                select(models.AuthorizationCode.id).where(
                    models.AuthorizationCode.client_id == client_id,
                    models.AuthorizationCode.nonce == nonce,
                )
            )
            return found is not None

    async def save_refresh_token(
        self,
        token: str,
        *,
        family_id: uuid.UUID,
        client_id: str,
        user_id: uuid.UUID,
        scope: str,
        auth_time: datetime,
        expires_at: datetime,
    ) -> None:
        async with self.database.transaction() as session:
            session.add(
                models.RefreshToken(
                    token_hash=sha256_hex(token),
                    family_id=family_id,
                    client_id=client_id,
                    user_id=user_id,
                    scope=scope,
                    auth_time=auth_time,
                    expires_at=expires_at,
                )
            )

    async def claim_refresh_token(
        self, token: str, client_id: str
    ) -> RefreshRecord | None:
        """Rotate a refresh token: mark it used and return it.

        A token presented after it was rotated means someone has a copy:
        the whole family is revoked, and the caller gets None.
        """
        now = datetime.now(UTC)
        table = models.RefreshToken
        token_hash = sha256_hex(token)
        async with self.database.transaction() as session:
            claimed = await session.execute(
                update(table)
                .where(
                    table.token_hash == token_hash,
                    table.client_id == client_id,
                    table.rotated_at.is_(None),
                    table.revoked_at.is_(None),
                    table.expires_at > now,
                )
                .values(rotated_at=now)
                .returning(
                    table.id,
                    table.family_id,
                    table.client_id,
                    table.user_id,
                    table.scope,
                    table.auth_time,
                    table.expires_at,
                )
            )
            row = claimed.first()
            if row is not None:
                return RefreshRecord(**row._asdict())
            reused = await session.scalar(
                select(table.family_id).where(
                    table.token_hash == token_hash, table.rotated_at.is_not(None)
                )
            )
            if reused is not None:
                await self._revoke_family(session, reused, now)
                logger.warning("refresh token reused; revoked its family %s", reused)
        return None

    async def _revoke_family(
        self, session: object, family_id: uuid.UUID, now: datetime
    ) -> None:
        from sqlalchemy.ext.asyncio import AsyncSession

        assert isinstance(session, AsyncSession)
        await session.execute(
            update(models.RefreshToken)
            .where(
                models.RefreshToken.family_id == family_id,
                models.RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        await session.execute(
            update(models.BrowserSession)
            .where(
                models.BrowserSession.token_family_id == family_id,
                models.BrowserSession.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )

    async def revoke_refresh_token(self, token: str, client_id: str) -> bool:
        """Revoke the family of a refresh token (RFC 7009); False when unknown."""
        async with self.database.transaction() as session:
            family_id = await session.scalar(
                select(models.RefreshToken.family_id).where(
                    models.RefreshToken.token_hash == sha256_hex(token),
                    models.RefreshToken.client_id == client_id,
                )
            )
            if family_id is None:
                return False
            await self._revoke_family(session, family_id, datetime.now(UTC))
            return True

    async def family_active(self, family_id: uuid.UUID) -> bool:
        async with self.database.session() as session:
            live = await session.scalar(
                select(models.RefreshToken.id).where(
                    models.RefreshToken.family_id == family_id,
                    models.RefreshToken.revoked_at.is_(None),
                    models.RefreshToken.expires_at > datetime.now(UTC),
                )
            )
            return live is not None

    async def family_of(self, refresh_token: str) -> uuid.UUID | None:
        async with self.database.session() as session:
            family_id: uuid.UUID | None = await session.scalar(
                select(models.RefreshToken.family_id).where(
                    models.RefreshToken.token_hash == sha256_hex(refresh_token)
                )
            )
            return family_id
