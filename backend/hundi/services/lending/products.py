"""Lender products: a lender admin sets the lender's credit appetite and pricing.

A product's terms are copied into each offer and loan made from it, so
changing or deactivating a product never changes a loan already made. A
deactivated product takes no new applications and no new offers.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import DayCountConvention
from hundi.domain.identifiers import GSTIN_STATE_CODES
from hundi.models import LenderProduct
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.conflicts import UniqueKey, violates
from hundi.services.errors import FieldErrors
from hundi.services.lending.checks import check_rate, check_whole_number
from hundi.services.lending.rows import not_found, visible_row
from hundi.services.scoping import lender_product_scope

logger = logging.getLogger(__name__)

PRODUCT_NAME = UniqueKey(
    "uq_lender_products_lender_id_name",
    "lender_products.lender_id, lender_products.name",
)
MAX_TENOR_DAYS = 365
MAX_OFFER_VALIDITY_DAYS = 30
MAX_INDUSTRY_LENGTH = 80


@dataclass(frozen=True)
class ProductTerms:
    """Every term of a product that a lender admin sets."""

    name: str
    advance_rate: Decimal
    min_annual_rate: Decimal
    max_annual_rate: Decimal
    processing_fee_rate: Decimal
    processing_fee_min: Decimal
    day_count: DayCountConvention
    min_tenor_days: int
    max_tenor_days: int
    min_amount: Decimal
    max_amount: Decimal
    min_days_to_due: int
    recourse: bool
    eligible_industries: list[str]
    eligible_states: list[str]
    limit_per_buyer: Decimal
    limit_per_sme: Decimal
    concentration_cap: Decimal
    concentration_floor: Decimal
    instant_offer: bool
    instant_annual_rate: Decimal | None
    penal_annual_rate: Decimal | None
    offer_validity_days: int
    is_active: bool = True


TERM_FIELDS = tuple(field.name for field in dataclasses.fields(ProductTerms))


async def create_product(
    database: Database, actor: Actor, terms: ProductTerms
) -> LenderProduct:
    """Add a product to the actor's lender."""
    lender_id = _admin_lender(actor)
    clean = check_terms(terms)

    try:
        async with database.transaction() as session:
            await _check_name_free(session, lender_id, clean.name, None)
            product = LenderProduct(lender_id=lender_id, **_columns(clean))
            session.add(product)
            await session.flush()
            await record_audit(
                session,
                actor,
                "lender_product.created",
                "LenderProduct",
                product.id,
                after=snapshot(product, *TERM_FIELDS),
            )
    except IntegrityError as error:
        if violates(error, PRODUCT_NAME):
            raise _name_taken(clean.name) from None
        raise

    logger.info("product %s created for lender %s", product.id, lender_id)
    return product


async def update_product(
    database: Database,
    actor: Actor,
    product_id: uuid.UUID | None,
    changes: dict[str, Any],
) -> LenderProduct:
    """Change some terms of one of the actor's lender's products.

    `changes` maps ProductTerms field names to new values; the product as a
    whole must still pass every check.
    """
    lender_id = _admin_lender(actor)
    unknown = set(changes) - set(TERM_FIELDS)
    if unknown:
        raise ValueError(f"unknown product fields {sorted(unknown)}")

    try:
        async with database.transaction() as session:
            product = await visible_row(
                session,
                LenderProduct,
                product_id,
                lender_product_scope(actor),
                lock=True,
            )
            if product is None:
                raise not_found(("productId",), "product")

            clean = check_terms(dataclasses.replace(_terms_of(product), **changes))
            await _check_name_free(session, lender_id, clean.name, product.id)

            before = snapshot(product, *TERM_FIELDS)
            for column, value in _columns(clean).items():
                setattr(product, column, value)
            await record_audit(
                session,
                actor,
                "lender_product.updated",
                "LenderProduct",
                product.id,
                before=before,
                after=snapshot(product, *TERM_FIELDS),
            )
    except IntegrityError as error:
        if violates(error, PRODUCT_NAME):
            raise _name_taken(str(changes.get("name"))) from None
        raise

    logger.info("product %s of lender %s updated", product.id, lender_id)
    return product


def check_terms(terms: ProductTerms) -> ProductTerms:
    """Return the terms cleaned, or raise FieldErrors listing every fault."""
    checks = ErrorCollector()
    name = checks.text(terms.name, ("name",), "Product name", max_length=120)

    rates = _check_rates(checks, terms)
    amounts = _check_amounts(checks, terms)
    days = _check_days(checks, terms)
    industries = _check_industries(checks, terms.eligible_industries)
    states = _check_states(checks, terms.eligible_states)
    checks.raise_if_any()

    return dataclasses.replace(
        terms,
        name=name,
        eligible_industries=industries,
        eligible_states=states,
        **rates,
        **amounts,
        **days,
    )


def _check_rates(checks: ErrorCollector, terms: ProductTerms) -> dict[str, Any]:
    rates = {
        "advance_rate": check_rate(
            checks, terms.advance_rate, ("advanceRate",), "Advance rate"
        ),
        "min_annual_rate": check_rate(
            checks, terms.min_annual_rate, ("minAnnualRate",), "Lowest annual rate"
        ),
        "max_annual_rate": check_rate(
            checks, terms.max_annual_rate, ("maxAnnualRate",), "Highest annual rate"
        ),
        "processing_fee_rate": check_rate(
            checks,
            terms.processing_fee_rate,
            ("processingFeeRate",),
            "Processing fee rate",
            allow_zero=True,
            allow_one=False,
        ),
        "concentration_cap": check_rate(
            checks, terms.concentration_cap, ("concentrationCap",), "Concentration cap"
        ),
    }
    low, high = rates["min_annual_rate"], rates["max_annual_rate"]
    if low is not None and high is not None and low > high:
        checks.add(
            ("minAnnualRate",),
            "INVALID_RANGE",
            f"Lowest annual rate {low} is above the highest {high}; swap them.",
        )

    rates["instant_annual_rate"] = _check_instant_rate(checks, terms, low, high)
    rates["penal_annual_rate"] = _optional_rate(
        checks, terms.penal_annual_rate, ("penalAnnualRate",), "Penal annual rate"
    )
    return rates


def _check_instant_rate(
    checks: ErrorCollector,
    terms: ProductTerms,
    low: Decimal | None,
    high: Decimal | None,
) -> Decimal | None:
    field = ("instantAnnualRate",)
    rate = _optional_rate(checks, terms.instant_annual_rate, field, "Instant rate")
    if terms.instant_offer and terms.instant_annual_rate is None:
        checks.add(
            field,
            "REQUIRED",
            "Instant offers need an instant annual rate; give one or turn "
            "instant offers off.",
        )
    in_range = rate is None or low is None or high is None or low <= rate <= high
    if not in_range:
        checks.add(
            field,
            "INVALID_RANGE",
            f"Instant annual rate {rate} is outside the product's range "
            f"{low} to {high}.",
        )
    return rate


def _optional_rate(
    checks: ErrorCollector,
    value: Decimal | None,
    field: tuple[str, ...],
    label: str,
) -> Decimal | None:
    if value is None:
        return None
    return check_rate(checks, value, field, label)


def _check_amounts(checks: ErrorCollector, terms: ProductTerms) -> dict[str, Any]:
    amounts = {
        "processing_fee_min": checks.amount(
            terms.processing_fee_min,
            ("processingFeeMin",),
            "Minimum processing fee",
            allow_zero=True,
        ),
        "min_amount": checks.amount(
            terms.min_amount, ("minAmount",), "Smallest invoice total"
        ),
        "max_amount": checks.amount(
            terms.max_amount, ("maxAmount",), "Largest invoice total"
        ),
        "limit_per_buyer": checks.amount(
            terms.limit_per_buyer, ("limitPerBuyer",), "Limit per buyer"
        ),
        "limit_per_sme": checks.amount(
            terms.limit_per_sme, ("limitPerSme",), "Limit per SME"
        ),
        "concentration_floor": checks.amount(
            terms.concentration_floor,
            ("concentrationFloor",),
            "Concentration floor",
            allow_zero=True,
        ),
    }
    low, high = amounts["min_amount"], amounts["max_amount"]
    if low is not None and high is not None and low > high:
        checks.add(
            ("minAmount",),
            "INVALID_RANGE",
            f"Smallest invoice total {low} is above the largest {high}; swap them.",
        )
    return amounts


def _check_days(checks: ErrorCollector, terms: ProductTerms) -> dict[str, Any]:
    days = {
        "min_tenor_days": check_whole_number(
            checks,
            terms.min_tenor_days,
            ("minTenorDays",),
            "Shortest tenor",
            low=1,
            high=MAX_TENOR_DAYS,
        ),
        "max_tenor_days": check_whole_number(
            checks,
            terms.max_tenor_days,
            ("maxTenorDays",),
            "Longest tenor",
            low=1,
            high=MAX_TENOR_DAYS,
        ),
        "min_days_to_due": check_whole_number(
            checks,
            terms.min_days_to_due,
            ("minDaysToDue",),
            "Fewest days to the due date",
            low=0,
            high=MAX_TENOR_DAYS,
        ),
        "offer_validity_days": check_whole_number(
            checks,
            terms.offer_validity_days,
            ("offerValidityDays",),
            "Offer validity",
            low=1,
            high=MAX_OFFER_VALIDITY_DAYS,
        ),
    }
    low, high = days["min_tenor_days"], days["max_tenor_days"]
    if low is not None and high is not None and low > high:
        checks.add(
            ("minTenorDays",),
            "INVALID_RANGE",
            f"Shortest tenor {low} days is above the longest {high}; swap them.",
        )
    return days


def _check_industries(checks: ErrorCollector, industries: list[str]) -> list[str]:
    cleaned: list[str] = []
    for index, industry in enumerate(industries):
        name = checks.text(
            industry,
            ("eligibleIndustries", index),
            "Industry",
            max_length=MAX_INDUSTRY_LENGTH,
        )
        if name and name not in cleaned:
            cleaned.append(name)
    return cleaned


def _check_states(checks: ErrorCollector, states: list[str]) -> list[str]:
    cleaned: list[str] = []
    for index, state in enumerate(states):
        code = state.strip()
        if code not in GSTIN_STATE_CODES:
            checks.add(
                ("eligibleStates", index),
                "INVALID_STATE_CODE",
                f"State code {state!r} is not a GST state code; give two digits "
                "from 01 to 38, 97 or 99.",
            )
        elif code not in cleaned:
            cleaned.append(code)
    return sorted(cleaned)


async def _check_name_free(
    session: AsyncSession,
    lender_id: uuid.UUID,
    name: str,
    own_id: uuid.UUID | None,
) -> None:
    existing_id = await session.scalar(
        select(LenderProduct.id).where(
            LenderProduct.lender_id == lender_id, LenderProduct.name == name
        )
    )
    if existing_id is not None and existing_id != own_id:
        raise _name_taken(name)


def _name_taken(name: str) -> FieldErrors:
    return FieldErrors.single(
        ("name",),
        "NAME_TAKEN",
        f"Your lender already has a product named {name!r}; choose another name.",
    )


def _admin_lender(actor: Actor) -> uuid.UUID:
    if actor.lender_id is None or not actor.is_lender_admin or actor.is_machine:
        raise PermissionError("only a lender admin manages the lender's products")
    return actor.lender_id


def _terms_of(product: LenderProduct) -> ProductTerms:
    return ProductTerms(**{name: getattr(product, name) for name in TERM_FIELDS})


def _columns(terms: ProductTerms) -> dict[str, Any]:
    return {name: getattr(terms, name) for name in TERM_FIELDS}
