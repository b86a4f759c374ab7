"""Matching an application to every active lender's products, with the reasons.

A product fits an application when every invoice of it does:

- its total lies within the product's amount bounds;
- its tenor, from the quote's disbursal date (tomorrow in India) to its due
  date, lies within the product's tenor bounds;
- it has at least the product's minimum days left to its due date;
- the SME's industry and state code are eligible (an empty list takes all);
- it can be priced: the fee and discount leave something to pay out;
- the lender's exposure after the advances stays within the product's limit
  per buyer, limit per SME and concentration cap (`hundi.domain.limits`).

A lender matches when one of its active products fits. Its match records
that product and why it fits, or every product's reasons for not fitting.
Instant-offer products are chosen first, then the lowest minimum rate.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.domain.limits import breaches
from hundi.domain.offer_quote import InvoiceToPrice, OfferQuote, quote_invoices
from hundi.domain.pricing import PricingError, Terms
from hundi.models import Invoice, LenderPartner, LenderProduct, Sme
from hundi.services.lending.exposure import (
    describe_breach,
    limits_of,
    read_exposure,
)


@dataclass(frozen=True)
class Candidate:
    """An application's facts that products are matched against."""

    sme: Sme
    invoices: Sequence[Invoice]
    today: date
    quote_date: date
    buyer_names: dict[uuid.UUID, str]

    def to_price(self) -> list[InvoiceToPrice]:
        return [
            InvoiceToPrice(invoice.id, invoice.total_amount, invoice.due_date)
            for invoice in self.invoices
        ]


@dataclass(frozen=True)
class LenderMatch:
    """Whether a lender matched, with the product that fits and the reasons."""

    lender_id: uuid.UUID
    product: LenderProduct | None
    reasons: list[str]


def pricing_terms(product: LenderProduct, annual_rate: Decimal) -> Terms:
    """Return the product's pricing terms at one annual rate."""
    return Terms(
        advance_rate=product.advance_rate,
        annual_rate=annual_rate,
        processing_fee_rate=product.processing_fee_rate,
        processing_fee_min=product.processing_fee_min,
        day_count=product.day_count,
    )


def quoting_rate(product: LenderProduct) -> Decimal:
    """Return the rate a match is priced at: the instant rate, else the lowest."""
    if product.instant_offer and product.instant_annual_rate is not None:
        return product.instant_annual_rate
    return product.min_annual_rate


def eligibility_reasons(product: LenderProduct, candidate: Candidate) -> list[str]:
    """Say why the application's invoices or SME fall outside the product."""
    reasons = [
        reason
        for invoice in candidate.invoices
        for reason in _invoice_reasons(product, candidate, invoice)
    ]

    industries = {name.casefold() for name in product.eligible_industries}
    if industries and candidate.sme.industry.casefold() not in industries:
        reasons.append(
            f"SME industry {candidate.sme.industry} is not among the industries "
            "the product finances."
        )

    states = set(product.eligible_states)
    if states and candidate.sme.state_code not in states:
        reasons.append(
            f"SME state code {candidate.sme.state_code} is not among the states "
            "the product finances."
        )
    return reasons


async def fit_reasons(
    session: AsyncSession,
    product: LenderProduct,
    candidate: Candidate,
    annual_rate: Decimal,
) -> tuple[OfferQuote | None, list[str]]:
    """Return the quote at `annual_rate` and why the product does not fit, if so."""
    reasons = eligibility_reasons(product, candidate)

    try:
        quote = quote_invoices(
            candidate.to_price(),
            pricing_terms(product, annual_rate),
            candidate.quote_date,
        )
    except PricingError as error:
        return None, [*reasons, f"The invoices cannot be priced: {error}"]

    reasons += await limit_reasons(session, product, candidate, quote)
    return quote, reasons


async def limit_reasons(
    session: AsyncSession,
    product: LenderProduct,
    candidate: Candidate,
    quote: OfferQuote,
) -> list[str]:
    """Say which of the product's limits the quoted advances would break."""
    additions = advances_by_buyer(candidate.invoices, quote)
    exposure = await read_exposure(
        session, product.lender_id, candidate.sme.id, additions.keys()
    )
    return [
        describe_breach(breach, candidate.buyer_names)
        for breach in breaches(limits_of(product), exposure, additions)
    ]


def advances_by_buyer(
    invoices: Sequence[Invoice], quote: OfferQuote
) -> dict[uuid.UUID, Decimal]:
    """Sum the quoted advances per buyer."""
    buyer_of = {invoice.id: invoice.buyer_id for invoice in invoices}
    advances: dict[uuid.UUID, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for invoice_id, line in quote.lines:
        assert isinstance(invoice_id, uuid.UUID)
        advances[buyer_of[invoice_id]] += line.advance_amount
    return dict(advances)


async def match_lenders(
    session: AsyncSession, candidate: Candidate
) -> list[LenderMatch]:
    """Match the application to every active lender, by lender name."""
    lenders = await session.scalars(
        select(LenderPartner)
        .where(LenderPartner.is_active.is_(True))
        .order_by(LenderPartner.name)
    )
    products = await session.scalars(
        select(LenderProduct)
        .join(LenderPartner, LenderPartner.id == LenderProduct.lender_id)
        .where(LenderProduct.is_active.is_(True), LenderPartner.is_active.is_(True))
        .order_by(
            LenderProduct.instant_offer.desc(),
            LenderProduct.min_annual_rate,
            LenderProduct.name,
        )
    )
    by_lender: dict[uuid.UUID, list[LenderProduct]] = defaultdict(list)
    for product in products:
        by_lender[product.lender_id].append(product)

    return [
        await _match_lender(session, lender.id, by_lender[lender.id], candidate)
        for lender in list(lenders)
    ]


async def _match_lender(
    session: AsyncSession,
    lender_id: uuid.UUID,
    products: list[LenderProduct],
    candidate: Candidate,
) -> LenderMatch:
    if not products:
        return LenderMatch(lender_id, None, ["The lender has no active product."])

    misfits: list[str] = []
    for product in products:
        _quote, reasons = await fit_reasons(
            session, product, candidate, quoting_rate(product)
        )
        if not reasons:
            return LenderMatch(lender_id, product, [f"Fits product {product.name}."])
        misfits += [f"{product.name}: {reason}" for reason in reasons]

    return LenderMatch(lender_id, None, misfits)


def _invoice_reasons(
    product: LenderProduct, candidate: Candidate, invoice: Invoice
) -> list[str]:
    number = invoice.invoice_number
    total = invoice.total_amount
    reasons = []

    if total < product.min_amount:
        reasons.append(
            f"Invoice {number} total {total} is below the product's smallest "
            f"invoice total {product.min_amount}."
        )
    if total > product.max_amount:
        reasons.append(
            f"Invoice {number} total {total} is above the product's largest "
            f"invoice total {product.max_amount}."
        )

    tenor = (invoice.due_date - candidate.quote_date).days
    if not product.min_tenor_days <= tenor <= product.max_tenor_days:
        reasons.append(
            f"Invoice {number} has a tenor of {tenor} days from disbursal on "
            f"{candidate.quote_date.isoformat()}; the product finances "
            f"{product.min_tenor_days} to {product.max_tenor_days} days."
        )

    days_left = (invoice.due_date - candidate.today).days
    if days_left < product.min_days_to_due:
        reasons.append(
            f"Invoice {number} is due in {days_left} days; the product needs at "
            f"least {product.min_days_to_due}."
        )
    return reasons
