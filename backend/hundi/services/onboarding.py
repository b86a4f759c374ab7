"""Registering a new SME with its first user.

Registration is public, so it is rate-limited per client address. Its
response does not reveal whether an e-mail address already has an account.
A taken address gets the same generic error whatever role its account has,
and the password is hashed before the address is looked up, so the
response time does not reveal it either.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.auth.passwords import MIN_PASSWORD_LENGTH, hash_password
from hundi.db import Database
from hundi.domain.enums import AcquisitionChannel, Constitution, Role, SmeStatus
from hundi.domain.identifiers import CURRENT_STATE_CODES, GSTIN_STATE_CODES
from hundi.models import Sme, User
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import SME_REFERRAL_CODE, USER_EMAIL, violates
from hundi.services.errors import FieldError, FieldErrors
from hundi.services.throttle import Limit, count_attempt, is_throttled

logger = logging.getLogger(__name__)

REGISTRATION_LIMIT = Limit("register_sme", 10, timedelta(hours=1))
# Argon2 hashes any length, but a megabyte of password would cost CPU for nothing.
MAX_PASSWORD_LENGTH = 128

# No 0/O or 1/I, so that a code read aloud or copied by hand stays right.
REFERRAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERRAL_CODE_LENGTH = 8
REFERRAL_CODE_ATTEMPTS = 5

EMAIL_UNAVAILABLE_MESSAGE = (
    "Cannot register this e-mail address; sign in or use another."
)

_EMAIL_LAYOUT = re.compile(r"\A[^@\s]+@[^@\s]+\.[^@\s]+\Z")
_PHONE_LAYOUT = re.compile(r"\A\+?[0-9]{10,15}\Z")
_PHONE_SEPARATORS = re.compile(r"[\s()-]")


@dataclass(frozen=True)
class Registration:
    """The registration form of a new SME and its first user."""

    legal_name: str
    trade_name: str | None
    constitution: Constitution
    state_code: str
    industry: str
    full_name: str
    email: str
    phone: str
    password: str
    acquisition_channel: AcquisitionChannel
    referral_code: str | None = None
    partner_name: str | None = None


@dataclass(frozen=True)
class _CleanRegistration:
    legal_name: str
    trade_name: str | None
    constitution: Constitution
    state_code: str
    industry: str
    full_name: str
    email: str
    phone: str
    acquisition_channel: AcquisitionChannel
    referral_code: str | None
    partner_name: str | None


async def register_sme(
    database: Database, registration: Registration, *, client_address: str
) -> Sme:
    """Create the SME and its first user; raise FieldErrors when the input is bad."""
    await _throttle(database, client_address)

    checks = ErrorCollector()
    clean = _check_registration(registration, checks)
    password_hash = None
    if clean is not None and not checks.errors:
        password_hash = await asyncio.to_thread(hash_password, registration.password)

    for _ in range(REFERRAL_CODE_ATTEMPTS):
        try:
            return await _create(database, clean, password_hash, checks.errors)
        except IntegrityError as error:
            if violates(error, USER_EMAIL):
                raise _email_unavailable() from None
            if not violates(error, SME_REFERRAL_CODE):
                raise
            # Another registration took the same code in the meantime.

    raise RuntimeError(f"no free referral code after {REFERRAL_CODE_ATTEMPTS} attempts")


async def _throttle(database: Database, client_address: str) -> None:
    # Every attempt counts, failed ones too, because probing which e-mail
    # addresses have accounts is what the limit is for.
    async with database.transaction() as session:
        throttled = await is_throttled(session, REGISTRATION_LIMIT, client_address)
        if not throttled:
            await count_attempt(session, REGISTRATION_LIMIT, client_address)

    if throttled:
        raise FieldErrors.single(
            None,
            "TOO_MANY_ATTEMPTS",
            "Too many registrations from this network address; try again in "
            f"{REGISTRATION_LIMIT.minutes} minutes.",
        )


def _check_registration(
    registration: Registration, checks: ErrorCollector
) -> _CleanRegistration | None:
    """Check every field offline; return the cleaned input, or None when one failed."""
    legal_name = checks.text(
        registration.legal_name, ("legalName",), "Legal name", max_length=200
    )
    trade_name = checks.text(
        registration.trade_name,
        ("tradeName",),
        "Trade name",
        max_length=200,
        required=False,
    )
    state_code = _check_state_code(registration.state_code, checks)
    industry = checks.text(
        registration.industry, ("industry",), "Industry", max_length=80
    )
    full_name = checks.text(
        registration.full_name, ("fullName",), "Full name", max_length=120
    )
    email = _check_email(registration.email, checks)
    phone = _check_phone(registration.phone, checks)
    _check_password(registration.password, checks)
    referral_code, partner_name = _check_channel(registration, checks)

    if checks.errors:
        return None

    return _CleanRegistration(
        legal_name=legal_name,
        trade_name=trade_name or None,
        constitution=registration.constitution,
        state_code=state_code,
        industry=industry,
        full_name=full_name,
        email=email,
        phone=phone,
        acquisition_channel=registration.acquisition_channel,
        referral_code=referral_code,
        partner_name=partner_name or None,
    )


def _shown(value: str) -> str:
    """Show a value in a message; an empty one as ''."""
    return value or "''"


def _check_state_code(value: str, checks: ErrorCollector) -> str:
    code = value.strip()
    if code in CURRENT_STATE_CODES:
        return code

    reason = (
        "is not a current state or union territory"
        if code in GSTIN_STATE_CODES
        else "is not a GST state code"
    )
    checks.add(
        ("stateCode",),
        "INVALID_STATE_CODE",
        f"State code {_shown(code)} {reason}; use the code of the state or union "
        "territory of the principal place of business (01-38, except 25 and 28).",
    )
    return ""


def _check_email(value: str, checks: ErrorCollector) -> str:
    email = value.strip().lower()
    if len(email) <= 254 and _EMAIL_LAYOUT.fullmatch(email):
        return email

    checks.add(
        ("email",),
        "INVALID_EMAIL",
        f"E-mail address {_shown(email)} is invalid; write it as name@example.com.",
    )
    return ""


def _check_phone(value: str, checks: ErrorCollector) -> str:
    phone = _PHONE_SEPARATORS.sub("", value)
    if _PHONE_LAYOUT.fullmatch(phone):
        return phone

    checks.add(
        ("phone",),
        "INVALID_PHONE",
        f"Phone number {_shown(value.strip())} is invalid; write 10 to 15 digits, "
        "optionally starting with + and the country code, such as +919876543210.",
    )
    return ""


def _check_password(password: str, checks: ErrorCollector) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        checks.add(
            ("password",),
            "PASSWORD_TOO_SHORT",
            f"The password has {len(password)} characters; choose one of at "
            f"least {MIN_PASSWORD_LENGTH}.",
        )
    elif len(password) > MAX_PASSWORD_LENGTH:
        checks.add(
            ("password",),
            "PASSWORD_TOO_LONG",
            f"The password has {len(password)} characters; choose one of at "
            f"most {MAX_PASSWORD_LENGTH}.",
        )


def _check_channel(
    registration: Registration, checks: ErrorCollector
) -> tuple[str | None, str]:
    """Check the referral code and partner name against the acquisition channel."""
    channel = registration.acquisition_channel
    referral_code = (registration.referral_code or "").strip().upper() or None
    partner_name = checks.text(
        registration.partner_name,
        ("partnerName",),
        "Partner name",
        max_length=80,
        required=channel is AcquisitionChannel.PARTNER,
    )

    if referral_code and channel is not AcquisitionChannel.REFERRAL:
        checks.add(
            ("referralCode",),
            "CHANNEL_MISMATCH",
            f"Referral code {referral_code} is only for the REFERRAL channel; set "
            "acquisitionChannel to REFERRAL or leave the code out.",
        )
    if partner_name and channel is not AcquisitionChannel.PARTNER:
        checks.add(
            ("partnerName",),
            "CHANNEL_MISMATCH",
            f"Partner name {partner_name} is only for the PARTNER channel; set "
            "acquisitionChannel to PARTNER or leave the name out.",
        )

    return referral_code, partner_name


async def _create(
    database: Database,
    clean: _CleanRegistration | None,
    password_hash: str | None,
    offline_errors: list[FieldError],
) -> Sme:
    async with database.transaction() as session:
        errors = list(offline_errors)
        referrer = await _check_against_database(session, clean, errors)
        if errors:
            raise FieldErrors(errors)

        if clean is None or password_hash is None:
            raise AssertionError("a registration without errors was not cleaned")
        sme = await _add_sme(session, clean, referrer)
        user = _add_user(session, clean, sme, password_hash)
        await session.flush()
        await _audit_registration(session, sme, user)

    logger.info("SME %s registered through %s", sme.id, sme.acquisition_channel)
    return sme


async def _check_against_database(
    session: AsyncSession, clean: _CleanRegistration | None, errors: list[FieldError]
) -> Sme | None:
    """Add the errors only the database can tell; return the referring SME."""
    if clean is None:
        return None

    taken = await session.scalar(
        select(User.id).where(func.lower(User.email) == clean.email)
    )
    if taken is not None:
        errors.append(_email_unavailable().errors[0])

    if clean.referral_code is None:
        return None

    referrer: Sme | None = await session.scalar(
        select(Sme).where(Sme.referral_code == clean.referral_code)
    )
    if referrer is None:
        errors.append(
            FieldError(
                ("referralCode",),
                "REFERRAL_CODE_NOT_FOUND",
                f"Referral code {clean.referral_code} does not exist; check it "
                "with the business that referred you, or leave it out.",
            )
        )
    return referrer


def _email_unavailable() -> FieldErrors:
    return FieldErrors.single(
        ("email",), "EMAIL_UNAVAILABLE", EMAIL_UNAVAILABLE_MESSAGE
    )


async def _add_sme(
    session: AsyncSession, clean: _CleanRegistration, referrer: Sme | None
) -> Sme:
    sme = Sme(
        legal_name=clean.legal_name,
        trade_name=clean.trade_name,
        constitution=clean.constitution,
        state_code=clean.state_code,
        industry=clean.industry,
        status=SmeStatus.REGISTERED,
        referral_code=await _free_referral_code(session),
        acquisition_channel=clean.acquisition_channel,
        referred_by_sme_id=referrer.id if referrer else None,
        referral_partner=clean.partner_name,
    )
    session.add(sme)
    await session.flush()
    return sme


async def _free_referral_code(session: AsyncSession) -> str:
    """Return a random referral code that no SME has yet.

    A concurrent registration may still take the same code before this one
    commits; the unique constraint catches that and the caller retries.
    """
    for _ in range(REFERRAL_CODE_ATTEMPTS):
        code = "".join(
            secrets.choice(REFERRAL_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH)
        )
        taken = await session.scalar(select(Sme.id).where(Sme.referral_code == code))
        if taken is None:
            return code

    raise RuntimeError(f"no free referral code after {REFERRAL_CODE_ATTEMPTS} attempts")


def _add_user(
    session: AsyncSession, clean: _CleanRegistration, sme: Sme, password_hash: str
) -> User:
    user = User(
        email=clean.email,
        full_name=clean.full_name,
        phone=clean.phone,
        password_hash=password_hash,
        role=Role.SME,
        sme_id=sme.id,
    )
    session.add(user)
    return user


async def _audit_registration(session: AsyncSession, sme: Sme, user: User) -> None:
    # The new user registered the business, so the record names that user.
    actor = Actor(role=Role.SME, user_id=user.id, sme_id=sme.id)
    await record_audit(
        session,
        actor,
        "sme.registered",
        "Sme",
        sme.id,
        after=snapshot(
            sme,
            "legal_name",
            "constitution",
            "state_code",
            "industry",
            "status",
            "acquisition_channel",
            "referred_by_sme_id",
            "referral_partner",
        ),
    )
    await record_audit(
        session,
        actor,
        "user.created",
        "User",
        user.id,
        after=snapshot(user, "role", "sme_id"),
    )
