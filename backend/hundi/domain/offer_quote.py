"""The quote of an offer on several invoices: one line per invoice, and totals.

Each invoice becomes its own loan, so each is priced on its own by
`hundi.domain.pricing.price`, with its own due date. The offer's totals are
the exact sums of the lines; nothing is priced or rounded a second time.

The annual percentage rate of the whole offer is the cost per rupee-day of
the money paid out, on a 365-day year:

    APR = (sum of discounts + sum of fees) x 365 / sum of (net x tenor days)

rounded half-up to 6 places. For one invoice it is exactly the APR that
`price` returns.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hundi.domain.money import round_fraction_half_up
from hundi.domain.pricing import PricingError, Quote, Terms, price

_DAYS_A_YEAR = 365
_APR_PLACES = 6


@dataclass(frozen=True)
class InvoiceToPrice:
    """An invoice of an application: its key, total and due date."""

    key: Hashable
    amount: Decimal
    due_date: date


@dataclass(frozen=True)
class OfferQuote:
    """The per-invoice quotes of an offer and their totals."""

    lines: tuple[tuple[Hashable, Quote], ...]
    invoice_amount: Decimal
    advance_amount: Decimal
    discount_amount: Decimal
    fee_amount: Decimal
    net_amount: Decimal
    annual_percentage_rate: Decimal
    disbursal_date: date
    # The last due date of the invoices.
    due_date: date


def quote_invoices(
    invoices: Sequence[InvoiceToPrice], terms: Terms, disbursal_date: date
) -> OfferQuote:
    """Price every invoice as disbursed on `disbursal_date` and add the lines up.

    Raises PricingError when there is no invoice, or when `price` rejects one
    of them; the message then names the invoice's position, counted from 1.
    """
    if not invoices:
        raise PricingError("There are no invoices to price. Add at least one.")

    lines = tuple(
        (invoice.key, _price_line(position, invoice, terms, disbursal_date))
        for position, invoice in enumerate(invoices, start=1)
    )
    quotes = [quote for _, quote in lines]

    return OfferQuote(
        lines=lines,
        invoice_amount=sum((q.invoice_amount for q in quotes), Decimal("0.00")),
        advance_amount=sum((q.advance_amount for q in quotes), Decimal("0.00")),
        discount_amount=sum((q.discount_amount for q in quotes), Decimal("0.00")),
        fee_amount=sum((q.fee_amount for q in quotes), Decimal("0.00")),
        net_amount=sum((q.net_amount for q in quotes), Decimal("0.00")),
        annual_percentage_rate=combined_apr(quotes),
        disbursal_date=disbursal_date,
        due_date=max(q.due_date for q in quotes),
    )


def combined_apr(quotes: Sequence[Quote]) -> Decimal:
    """Return the APR of several quotes taken together (see the module docstring)."""
    cost = sum(
        (Fraction(q.discount_amount + q.fee_amount) for q in quotes), Fraction(0)
    )
    rupee_days = sum(
        (Fraction(q.net_amount) * q.tenor_days for q in quotes), Fraction(0)
    )

    return round_fraction_half_up(cost * _DAYS_A_YEAR / rupee_days, _APR_PLACES)


def _price_line(
    position: int, invoice: InvoiceToPrice, terms: Terms, disbursal_date: date
) -> Quote:
    try:
        return price(invoice.amount, terms, disbursal_date, invoice.due_date)
    except PricingError as error:
        raise PricingError(f"Invoice {position}: {error}") from error
