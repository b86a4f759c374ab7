"""Turn a validated token into the actor of a request.

Role and organisation always come from Hundi's own records, read on every
request, so a deactivated user or a changed role takes effect at once rather
than when the token expires.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi import models
from hundi.auth.validation import InvalidToken, VerifiedToken
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from hundi.settings import Settings


def user_actor(user: models.User, scopes: frozenset[str] = frozenset()) -> Actor:
    return Actor(
        role=user.role,
        user_id=user.id,
        sme_id=user.sme_id,
        lender_id=user.lender_id,
        email=user.email,
        is_lender_admin=user.is_lender_admin,
        scopes=scopes,
    )


async def actor_for_token(
    session: AsyncSession, verified: VerifiedToken, settings: Settings
) -> Actor:
    claims = verified.claims
    scopes = frozenset(str(claims.get("scope", "")).split())
    if verified.external:
        return await _external_actor(session, claims, settings, scopes)
    subject = str(claims["sub"])
    if claims.get("client_id") == subject:
        return await _machine_actor(session, subject, scopes)
    try:
        user_id = uuid.UUID(hex=subject)
    except ValueError:
        raise InvalidToken("the access token names no Hundi user") from None
    user = await session.get(models.User, user_id)
    if user is None or not user.is_active:
        raise InvalidToken("the access token's user is deactivated or unknown")
    return user_actor(user, scopes)


async def _machine_actor(
    session: AsyncSession, client_id: str, scopes: frozenset[str]
) -> Actor:
    row = await session.execute(
        select(models.OAuthClient, models.LenderPartner.is_active)
        .join(
            models.LenderPartner,
            models.LenderPartner.id == models.OAuthClient.lender_id,
        )
        .where(models.OAuthClient.client_id == client_id)
    )
    found = row.first()
    if found is None or not found[0].is_active or not found[1]:
        raise InvalidToken("the access token's client is deactivated or unknown")
    client: models.OAuthClient = found[0]
    return Actor(
        role=Role.LENDER,
        lender_id=client.lender_id,
        client_id=client.client_id,
        scopes=scopes,
    )


def _claim(claims: dict[str, Any], path: str) -> Any:
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def mapped_roles(claims: dict[str, Any], settings: Settings) -> set[Role]:
    raw = _claim(claims, settings.oidc_role_claim)
    names = [raw] if isinstance(raw, str) else list(raw or [])
    roles = set()
    for name in names:
        mapped = settings.oidc_role_map.get(str(name))
        if mapped is not None and mapped in Role.__members__:
            roles.add(Role(mapped))
    return roles


async def _external_actor(
    session: AsyncSession,
    claims: dict[str, Any],
    settings: Settings,
    scopes: frozenset[str],
) -> Actor:
    """Find the Hundi user of an external identity, by verified e-mail address.

    The external provider decides the role through the role-claim mapping;
    Hundi's user record supplies the organisation, and the two must agree.
    """
    email = claims.get("email")
    if not isinstance(email, str) or claims.get("email_verified") is False:
        raise InvalidToken("the external token carries no verified e-mail address")
    user = await session.scalar(
        select(models.User).where(models.User.email == email.strip().lower())
    )
    if user is None or not user.is_active:
        raise InvalidToken("no active Hundi account matches the external identity")
    if user.role not in mapped_roles(claims, settings):
        raise InvalidToken(
            "the external identity's roles do not include the account's role"
        )
    return user_actor(user, scopes)
