"""Onboarding a lender partner: ADMIN adds a bank or NBFC to Hundi."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import LenderKind
from hundi.models import LenderPartner
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.users import EMAIL_PATTERN, normalize_email

logger = logging.getLogger(__name__)

LENDER_NAME = UniqueKey("uq_lender_partners_name", "lender_partners.name")
LENDER_REGISTRATION = UniqueKey(
    "uq_lender_partners_registration_number", "lender_partners.registration_number"
)
_PHONE = re.compile(r"\+?[0-9][0-9 -]{7,18}[0-9]")
_LENDER_FIELDS = (
    "name",
    "kind",
    "registration_number",
    "contact_name",
    "contact_email",
    "is_active",
)


@dataclass(frozen=True)
class NewLender:
    name: str
    kind: LenderKind
    registration_number: str
    contact_name: str
    contact_email: str
    contact_phone: str | None = None


async def onboard_lender(
    database: Database, actor: Actor, new: NewLender
) -> LenderPartner:
    """Add a lender partner; its users and products come after."""
    checks = ErrorCollector()
    name = checks.text(new.name, ("name",), "Lender name", max_length=200)
    registration = checks.text(
        new.registration_number,
        ("registrationNumber",),
        "Registration number",
        max_length=40,
    ).upper()
    contact = checks.text(
        new.contact_name, ("contactName",), "Contact name", max_length=120
    )
    email = _checked_email(checks, new.contact_email)
    phone = _checked_phone(checks, new.contact_phone)
    checks.raise_if_any()

    try:
        async with database.transaction() as session:
            await _check_unique(session, name, registration)
            lender = LenderPartner(
                name=name,
                kind=new.kind,
                registration_number=registration,
                contact_name=contact,
                contact_email=email,
                contact_phone=phone,
                is_active=True,
                onboarded_at=datetime.now(UTC),
            )
            session.add(lender)
            await session.flush()
            await record_audit(
                session,
                actor,
                "lender.onboarded",
                "LenderPartner",
                lender.id,
                after=snapshot(lender, *_LENDER_FIELDS),
            )
    except IntegrityError as error:
        if violates(error, LENDER_NAME):
            raise _name_taken(name) from None
        if violates(error, LENDER_REGISTRATION):
            raise _registration_taken(registration) from None
        raise

    logger.info("lender %s onboarded as a %s", lender.id, lender.kind.value)
    return lender


async def _check_unique(session: AsyncSession, name: str, registration: str) -> None:
    checks = ErrorCollector()
    if await session.scalar(select(LenderPartner.id).where(LenderPartner.name == name)):
        checks.extend(_name_taken(name).errors)
    existing_id = await session.scalar(
        select(LenderPartner.id).where(
            LenderPartner.registration_number == registration
        )
    )
    if existing_id:
        checks.extend(_registration_taken(registration).errors)
    checks.raise_if_any()


def _checked_email(checks: ErrorCollector, value: str) -> str:
    email = normalize_email(value)
    if not EMAIL_PATTERN.match(email):
        checks.add(
            ("contactEmail",),
            "INVALID_EMAIL",
            f"{value!r} is not an e-mail address; give one such as "
            "credit@bank.example.",
        )
    return email


def _checked_phone(checks: ErrorCollector, value: str | None) -> str | None:
    phone = (value or "").strip()
    if not phone:
        return None
    if not _PHONE.fullmatch(phone):
        checks.add(
            ("contactPhone",),
            "INVALID_PHONE",
            f"{phone!r} is not a phone number; give digits with an optional "
            "leading +, such as +919876543210.",
        )
    return phone


def _name_taken(name: str) -> FieldErrors:
    return FieldErrors.single(
        ("name",), "NAME_TAKEN", f"A lender named {name!r} is already on Hundi."
    )


def _registration_taken(registration: str) -> FieldErrors:
    return FieldErrors.single(
        ("registrationNumber",),
        "REGISTRATION_NUMBER_TAKEN",
        f"A lender with registration number {registration} is already on Hundi.",
    )
