"""Administration of users and machine clients.

ADMIN creates users and assigns their roles, deactivates users (which ends
their sessions and refresh tokens at once), and creates lenders' machine
clients, whose secret is shown once and stored only as a hash.
"""

from __future__ import annotations

import logging
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi import models
from hundi.auth.passwords import MIN_PASSWORD_LENGTH, hash_password
from hundi.auth.store import sha256_hex
from hundi.auth.tokens import MACHINE_SCOPE
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.errors import FieldError, FieldErrors

logger = logging.getLogger(__name__)

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}$")
USER_FIELDS = ("email", "role", "sme_id", "lender_id", "is_lender_admin", "is_active")


@dataclass(frozen=True)
class NewUser:
    email: str
    full_name: str
    role: Role
    phone: str | None = None
    sme_id: uuid.UUID | None = None
    lender_id: uuid.UUID | None = None
    is_lender_admin: bool = False
    password: str | None = None


@dataclass(frozen=True)
class CreatedUser:
    user: models.User
    # Set when no password was given: shown once, never stored.
    one_time_password: str | None


def normalize_email(email: str) -> str:
    return email.strip().lower()


async def _check_organisation(
    session: AsyncSession,
    role: Role,
    sme_id: uuid.UUID | None,
    lender_id: uuid.UUID | None,
    is_lender_admin: bool,
) -> list[FieldError]:
    errors = []
    if role is Role.SME:
        if sme_id is None or await session.get(models.Sme, sme_id) is None:
            errors.append(
                FieldError(
                    ("smeId",),
                    "SME_NOT_FOUND",
                    "An SME user needs the id of an existing SME.",
                )
            )
    elif sme_id is not None:
        errors.append(
            FieldError(
                ("smeId",),
                "ORGANISATION_MISMATCH",
                f"A {role.value} user belongs to no SME.",
            )
        )
    if role is Role.LENDER:
        if (
            lender_id is None
            or await session.get(models.LenderPartner, lender_id) is None
        ):
            errors.append(
                FieldError(
                    ("lenderId",),
                    "LENDER_NOT_FOUND",
                    "A LENDER user needs the id of an existing lender partner.",
                )
            )
    elif lender_id is not None:
        errors.append(
            FieldError(
                ("lenderId",),
                "ORGANISATION_MISMATCH",
                f"A {role.value} user belongs to no lender.",
            )
        )
    if is_lender_admin and role is not Role.LENDER:
        errors.append(
            FieldError(
                ("isLenderAdmin",),
                "ORGANISATION_MISMATCH",
                "Only a LENDER user can be a lender admin.",
            )
        )
    return errors


async def create_user(database: Database, actor: Actor, new: NewUser) -> CreatedUser:
    email = normalize_email(new.email)
    errors = []
    if not EMAIL_PATTERN.match(email):
        errors.append(
            FieldError(
                ("email",), "INVALID_EMAIL", f"{new.email!r} is not an e-mail address."
            )
        )
    if not new.full_name.strip():
        errors.append(
            FieldError(("fullName",), "REQUIRED", "Give the user's full name.")
        )
    if new.password is not None and len(new.password) < MIN_PASSWORD_LENGTH:
        errors.append(
            FieldError(
                ("password",),
                "WEAK_PASSWORD",
                f"The password has {len(new.password)} characters; "
                f"use at least {MIN_PASSWORD_LENGTH}.",
            )
        )
    one_time = None if new.password is not None else secrets.token_urlsafe(12)

    try:
        async with database.transaction() as session:
            errors += await _check_organisation(
                session, new.role, new.sme_id, new.lender_id, new.is_lender_admin
            )
            if await session.scalar(
                select(models.User.id).where(models.User.email == email)
            ):
                errors.append(
                    FieldError(
                        ("email",),
                        "EMAIL_TAKEN",
                        f"A user with e-mail {email} already exists.",
                    )
                )
            if errors:
                raise FieldErrors(errors)
            user = models.User(
                email=email,
                full_name=new.full_name.strip(),
                phone=new.phone,
                password_hash=hash_password(new.password or one_time or ""),
                role=new.role,
                sme_id=new.sme_id,
                lender_id=new.lender_id,
                is_lender_admin=new.is_lender_admin,
                is_active=True,
            )
            session.add(user)
            await session.flush()
            await record_audit(
                session,
                actor,
                "user.created",
                "User",
                user.id,
                after=snapshot(user, *USER_FIELDS),
            )
    except IntegrityError:
        raise FieldErrors.single(
            ("email",), "EMAIL_TAKEN", f"A user with e-mail {email} already exists."
        ) from None
    logger.info("user %s created with role %s", user.id, user.role.value)
    return CreatedUser(user, one_time)


async def _revoke_credentials(
    session: AsyncSession, user_id: uuid.UUID, now: datetime
) -> None:
    await session.execute(
        update(models.RefreshToken)
        .where(
            models.RefreshToken.user_id == user_id,
            models.RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    await session.execute(
        update(models.BrowserSession)
        .where(
            models.BrowserSession.user_id == user_id,
            models.BrowserSession.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )


async def deactivate_user(
    database: Database, actor: Actor, user_id: uuid.UUID
) -> models.User:
    if user_id == actor.user_id:
        raise FieldErrors.single(
            ("userId",),
            "CANNOT_DEACTIVATE_SELF",
            "You cannot deactivate your own account.",
        )
    now = datetime.now(UTC)
    async with database.transaction() as session:
        user = await session.get(models.User, user_id, with_for_update=True)
        if user is None:
            raise FieldErrors.single(("userId",), "NOT_FOUND", "No user has this id.")
        before = snapshot(user, *USER_FIELDS)
        if user.is_active:
            user.is_active = False
            user.deactivated_at = now
        await _revoke_credentials(session, user.id, now)
        await record_audit(
            session,
            actor,
            "user.deactivated",
            "User",
            user.id,
            before=before,
            after=snapshot(user, *USER_FIELDS),
        )
    logger.info("user %s deactivated; sessions and refresh tokens revoked", user_id)
    return user


async def change_user_role(
    database: Database,
    actor: Actor,
    user_id: uuid.UUID,
    role: Role,
    sme_id: uuid.UUID | None,
    lender_id: uuid.UUID | None,
    is_lender_admin: bool,
) -> models.User:
    if user_id == actor.user_id and role is not Role.ADMIN:
        raise FieldErrors.single(
            ("role",), "CANNOT_DEMOTE_SELF", "You cannot take away your own ADMIN role."
        )
    async with database.transaction() as session:
        user = await session.get(models.User, user_id, with_for_update=True)
        if user is None:
            raise FieldErrors.single(("userId",), "NOT_FOUND", "No user has this id.")
        errors = await _check_organisation(
            session, role, sme_id, lender_id, is_lender_admin
        )
        if errors:
            raise FieldErrors(errors)
        before = snapshot(user, *USER_FIELDS)
        user.role, user.sme_id, user.lender_id = role, sme_id, lender_id
        user.is_lender_admin = is_lender_admin
        await record_audit(
            session,
            actor,
            "user.role_changed",
            "User",
            user.id,
            before=before,
            after=snapshot(user, *USER_FIELDS),
        )
    logger.info("user %s now has role %s", user_id, role.value)
    return user


@dataclass(frozen=True)
class CreatedClient:
    client: models.OAuthClient
    secret: str


def _client_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "client"
    return f"{slug}-{secrets.token_hex(4)}"


async def create_machine_client(
    database: Database,
    actor: Actor,
    lender_id: uuid.UUID,
    name: str,
    client_id: str | None = None,
    secret: str | None = None,
) -> CreatedClient:
    """Create a lender's machine client; the secret is returned once."""
    if not name.strip():
        raise FieldErrors.single(
            ("name",),
            "REQUIRED",
            "Give the client a name, such as the lender system's name.",
        )
    secret = secret or secrets.token_urlsafe(32)
    async with database.transaction() as session:
        if await session.get(models.LenderPartner, lender_id) is None:
            raise FieldErrors.single(
                ("lenderId",), "LENDER_NOT_FOUND", "No lender partner has this id."
            )
        client = models.OAuthClient(
            client_id=client_id or _client_id(name),
            secret_hash=sha256_hex(secret),
            name=name.strip(),
            lender_id=lender_id,
            scopes=[MACHINE_SCOPE],
            is_active=True,
            created_by_user_id=actor.user_id,
        )
        session.add(client)
        await session.flush()
        await record_audit(
            session,
            actor,
            "machine_client.created",
            "OAuthClient",
            client.id,
            after=snapshot(client, "client_id", "name", "lender_id", "scopes"),
        )
    logger.info("machine client %s created for lender %s", client.client_id, lender_id)
    return CreatedClient(client, secret)


async def deactivate_machine_client(
    database: Database, actor: Actor, client_row_id: uuid.UUID
) -> models.OAuthClient:
    async with database.transaction() as session:
        client = await session.get(
            models.OAuthClient, client_row_id, with_for_update=True
        )
        if client is None:
            raise FieldErrors.single(
                ("clientId",), "NOT_FOUND", "No machine client has this id."
            )
        client.is_active = False
        client.deactivated_at = datetime.now(UTC)
        await record_audit(
            session,
            actor,
            "machine_client.deactivated",
            "OAuthClient",
            client.id,
            after={"is_active": False},
        )
    return client
