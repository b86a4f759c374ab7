"""registerSme: a new SME and its first user, referral codes, throttling."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from hundi import models
from hundi.auth.passwords import verify_password
from hundi.db import Database
from hundi.domain.enums import Role, SmeStatus
from hundi.services.onboarding import (
    EMAIL_UNAVAILABLE_MESSAGE,
    REFERRAL_ALPHABET,
    REGISTRATION_LIMIT,
)
from support.factories import create_sme, create_user, platform_actor
from support.graphql import GraphQLClient
from support.rows import all_rows, audit_actions, count_rows

REGISTER = """
mutation Register($input: RegisterSmeInput!) {
  registerSme(input: $input) {
    sme { id legalName tradeName status acquisitionChannel }
    errors { field message code }
  }
}
"""


def registration(**overrides: Any) -> dict[str, Any]:
    values = {
        "legalName": "Kaveri Looms Private Limited",
        "tradeName": "Kaveri Looms",
        "constitution": "PRIVATE_LIMITED",
        "stateCode": "29",
        "industry": "Textiles",
        "fullName": "Anitha Rao",
        "email": "anitha@kaveri-looms.example.in",
        "phone": "+91 98450 12345",
        "password": "correct horse battery",
        "acquisitionChannel": "ORGANIC",
    }
    values.update(overrides)
    return {"input": values}


async def register(gql: GraphQLClient, **overrides: Any) -> dict[str, Any]:
    data = await gql(None, REGISTER, registration(**overrides))
    payload: dict[str, Any] = data["registerSme"]
    return payload


async def assert_nothing_registered(database: Database) -> None:
    assert await count_rows(database, models.Sme) == 0
    assert await count_rows(database, models.User) == 0
    assert await count_rows(database, models.AuditRecord) == 0


async def test_register_sme_creates_sme_and_user(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(gql)

    assert payload["errors"] == []
    assert payload["sme"]["legalName"] == "Kaveri Looms Private Limited"
    assert payload["sme"]["status"] == "REGISTERED"
    [sme] = await all_rows(database, models.Sme)
    [user] = await all_rows(database, models.User)
    assert sme.status is SmeStatus.REGISTERED
    assert sme.state_code == "29"
    assert user.role is Role.SME
    assert user.sme_id == sme.id
    assert user.email == "anitha@kaveri-looms.example.in"
    assert user.phone == "+919845012345"
    assert verify_password(user.password_hash, "correct horse battery")
    assert await audit_actions(database) == ["sme.registered", "user.created"]


async def test_register_sme_gives_unique_referral_codes(
    database: Database, gql: GraphQLClient
) -> None:
    await register(gql)
    await register(gql, email="second@kaveri-looms.example.in")

    codes = [sme.referral_code for sme in await all_rows(database, models.Sme)]
    assert len(set(codes)) == 2
    for code in codes:
        assert len(code) == 8
        assert set(code) <= set(REFERRAL_ALPHABET)


async def test_register_sme_referral_links_referrer(
    database: Database, gql: GraphQLClient
) -> None:
    referrer = await create_sme(database, referral_code="KAVERI22")

    payload = await register(
        gql, acquisitionChannel="REFERRAL", referralCode=" kaveri22 "
    )

    assert payload["errors"] == []
    async with database.session() as session:
        new = await session.scalar(
            select(models.Sme).where(models.Sme.id != referrer.id)
        )
    assert new is not None
    assert new.referred_by_sme_id == referrer.id


async def test_register_sme_unknown_referral_code(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(
        gql, acquisitionChannel="REFERRAL", referralCode="NOPE2345"
    )

    assert payload["sme"] is None
    [error] = payload["errors"]
    assert error["field"] == ["input", "referralCode"]
    assert error["code"] == "REFERRAL_CODE_NOT_FOUND"
    assert "NOPE2345" in error["message"]
    await assert_nothing_registered(database)


async def test_register_sme_partner_recorded(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(
        gql, acquisitionChannel="PARTNER", partnerName="Udyam Mitra Network"
    )

    assert payload["errors"] == []
    [sme] = await all_rows(database, models.Sme)
    assert sme.referral_partner == "Udyam Mitra Network"


async def test_register_sme_partner_channel_needs_name(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(gql, acquisitionChannel="PARTNER")

    [error] = payload["errors"]
    assert error["field"] == ["input", "partnerName"]
    assert error["code"] == "REQUIRED"
    await assert_nothing_registered(database)


async def test_register_sme_referral_code_on_other_channel(
    database: Database, gql: GraphQLClient
) -> None:
    await create_sme(database, referral_code="KAVERI22")

    payload = await register(gql, acquisitionChannel="SOCIAL", referralCode="KAVERI22")

    [error] = payload["errors"]
    assert error["field"] == ["input", "referralCode"]
    assert error["code"] == "CHANNEL_MISMATCH"
    assert "KAVERI22" in error["message"]
    assert await count_rows(database, models.User) == 0


@pytest.mark.parametrize("role", [Role.SME, Role.OPS, Role.ADMIN])
async def test_register_sme_taken_email_generic_error(
    database: Database, gql: GraphQLClient, role: Role
) -> None:
    sme = await create_sme(database) if role is Role.SME else None
    existing = await create_user(database, role, sme=sme)
    smes_before = await count_rows(database, models.Sme)

    payload = await register(gql, email=existing.email.upper())

    assert payload["sme"] is None
    [error] = payload["errors"]
    assert error["field"] == ["input", "email"]
    assert error["code"] == "EMAIL_UNAVAILABLE"
    assert error["message"] == EMAIL_UNAVAILABLE_MESSAGE
    assert await count_rows(database, models.Sme) == smes_before
    assert await count_rows(database, models.User) == 1


async def test_register_sme_every_bad_field_reported(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(
        gql,
        legalName="  ",
        stateCode="39",
        email="not-an-address",
        phone="12345",
        password="short",
    )

    errors = {tuple(error["field"]): error for error in payload["errors"]}
    assert errors[("input", "legalName")]["code"] == "REQUIRED"
    assert errors[("input", "stateCode")]["code"] == "INVALID_STATE_CODE"
    assert "39" in errors[("input", "stateCode")]["message"]
    assert errors[("input", "email")]["code"] == "INVALID_EMAIL"
    assert "not-an-address" in errors[("input", "email")]["message"]
    assert errors[("input", "phone")]["code"] == "INVALID_PHONE"
    assert errors[("input", "password")]["code"] == "PASSWORD_TOO_SHORT"
    assert len(errors) == 5
    await assert_nothing_registered(database)


@pytest.mark.parametrize("code", ["25", "28", "97", "99"])
async def test_register_sme_outside_current_states_rejected(
    database: Database, gql: GraphQLClient, code: str
) -> None:
    payload = await register(gql, stateCode=code)

    [error] = payload["errors"]
    assert error["code"] == "INVALID_STATE_CODE"
    assert error["message"].startswith(
        f"State code {code} is not a current state or union territory;"
    )
    await assert_nothing_registered(database)


async def test_register_sme_password_too_long(
    database: Database, gql: GraphQLClient
) -> None:
    payload = await register(gql, password="x" * 129)

    [error] = payload["errors"]
    assert error["code"] == "PASSWORD_TOO_LONG"
    await assert_nothing_registered(database)


async def test_register_sme_throttled_per_address(
    database: Database, gql: GraphQLClient
) -> None:
    for _ in range(REGISTRATION_LIMIT.limit):
        attempt = await register(gql, stateCode="00")
        assert attempt["errors"][0]["code"] == "INVALID_STATE_CODE"

    payload = await register(gql)

    [error] = payload["errors"]
    assert error["field"] is None
    assert error["code"] == "TOO_MANY_ATTEMPTS"
    assert await count_rows(database, models.Sme) == 0


async def test_register_sme_open_to_signed_in_callers(gql: GraphQLClient) -> None:
    data = await gql(platform_actor(Role.OPS), REGISTER, registration())

    assert data["registerSme"]["errors"] == []
