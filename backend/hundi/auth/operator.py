"""Operator commands of sign-in: a token for a user, a user from the shell."""

from __future__ import annotations

import argparse
import uuid

from sqlalchemy import select

from hundi import models
from hundi.api.relay import from_global_id
from hundi.auth.keys import load_signing_keys
from hundi.auth.tokens import USER_SCOPES, WEB_CLIENT_ID, TokenIssuer
from hundi.commands import CommandError
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import SYSTEM
from hundi.services.errors import FieldErrors
from hundi.services.users import NewUser, create_user, normalize_email
from hundi.settings import Settings

MAX_TTL = 3600


async def issue_token_for(settings: Settings, email: str, ttl: int) -> str:
    """Sign an access token for an active user, as the web app would get one."""
    if ttl > MAX_TTL:
        raise CommandError(
            f"--ttl {ttl} is above {MAX_TTL} seconds; tokens from this command "
            "are short-lived"
        )
    database = Database.from_url(settings.database_url)
    try:
        async with database.session() as session:
            user = await session.scalar(
                select(models.User).where(models.User.email == normalize_email(email))
            )
    finally:
        await database.dispose()
    if user is None or not user.is_active:
        raise CommandError(f"no active user has the e-mail address {email}")
    keys = load_signing_keys(settings.var_dir, settings.oauth_signing_keys)
    issuer = TokenIssuer(keys, settings.issuer, settings.oauth_audience)
    issued = issuer.access_token(
        subject=user.id.hex,
        client_id=WEB_CLIENT_ID,
        scope=USER_SCOPES,
        lifetime=ttl,
        extra={"role": user.role.value},
    )
    return issued.token


def _uuid(value: str | None, option: str, type_name: str) -> uuid.UUID | None:
    """Read a UUID, or the API's global id of a `type_name` row."""
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        pass
    decoded = from_global_id(value)
    if decoded is not None and decoded[0] == type_name:
        return decoded[1]
    raise CommandError(
        f"{option} {value!r} is neither a UUID nor the global id of a {type_name}"
    )


async def create_user_from_command_line(
    settings: Settings, args: argparse.Namespace, password: str | None
) -> str:
    new = NewUser(
        email=args.email,
        full_name=args.name,
        role=Role(args.role),
        sme_id=_uuid(args.sme_id, "--sme-id", "Sme"),
        lender_id=_uuid(args.lender_id, "--lender-id", "LenderPartner"),
        is_lender_admin=args.lender_admin,
        password=password,
    )
    database = Database.from_url(settings.database_url)
    try:
        created = await create_user(database, SYSTEM, new)
    except FieldErrors as failure:
        raise CommandError(
            "; ".join(error.message for error in failure.errors)
        ) from None
    finally:
        await database.dispose()
    user = created.user
    summary = f"Created {user.role.value} user {user.email} ({user.id})."
    if created.one_time_password:
        summary += f"\nOne-time password (shown once): {created.one_time_password}"
    return summary
