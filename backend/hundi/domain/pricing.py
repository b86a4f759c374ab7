"""Pricing of an invoice discount: the quote an SME sees is the loan that is booked.

One function, price(), computes both, so what the SME accepts is exactly what
the ledger records. The advance is split exactly into its parts:

    advance = discount + processing fee + net amount paid to the SME

Each part is rounded once, half-up to paise, from exact arithmetic.

    ValueError
    └── PricingError   terms, dates or amounts that cannot be priced
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from hundi.domain.daycount import year_fraction
from hundi.domain.enums import DayCountConvention
from hundi.domain.money import (
    InvalidAmount,
    check_amount,
    round_fraction_half_up,
)

_DAYS_A_YEAR = 365
_APR_PLACES = 6


class PricingError(ValueError):
    """Terms, dates or an invoice amount that cannot be priced."""


@dataclass(frozen=True)
class Terms:
    """Pricing terms of a lender's product, each rate a fraction (0.12 is 12%).

    `advance_rate` is the share of the invoice amount that is advanced,
    `annual_rate` the discount rate a year, and `processing_fee_rate` a share of
    the advance, with `processing_fee_min` rupees as the lowest fee.
    """

    advance_rate: Decimal
    annual_rate: Decimal
    processing_fee_rate: Decimal
    processing_fee_min: Decimal
    day_count: DayCountConvention


@dataclass(frozen=True)
class Quote:
    """Priced invoice discount, in rupees with 2 places.

    `annual_percentage_rate` is a fraction with 6 places, and `tenor_days`
    counts actual days from disbursal to the due date.
    """

    invoice_amount: Decimal
    advance_amount: Decimal
    discount_amount: Decimal
    fee_amount: Decimal
    net_amount: Decimal
    annual_percentage_rate: Decimal
    disbursal_date: date
    due_date: date
    tenor_days: int


def price(
    invoice_amount: Decimal, terms: Terms, disbursal_date: date, due_date: date
) -> Quote:
    """Price the discounting of an invoice from disbursal to its due date.

    - advance = invoice amount x advance rate
    - discount = advance x annual rate x year fraction (terms.day_count)
    - fee = max(advance x processing fee rate, processing fee minimum)
    - net = advance - discount - fee, the amount paid to the SME

    The annual percentage rate (APR) is the all-in cost of the money the SME
    receives, as a simple annual rate on a 365-day year:
    (discount + fee) / net x 365 / tenor_days, rounded half-up to 6 places.

    Raises PricingError when the due date is not after the disbursal date, a
    rate is out of range, the invoice amount is not a positive amount in
    rupees and paise, or the fee and discount leave nothing to pay out.
    """
    amount = _checked_invoice_amount(invoice_amount)
    fee_min = _checked_fee_min(terms.processing_fee_min)
    _check_dates(disbursal_date, due_date)
    _check_rates(terms)

    advance = round_fraction_half_up(Fraction(amount) * Fraction(terms.advance_rate))
    period = year_fraction(terms.day_count, disbursal_date, due_date)
    discount = round_fraction_half_up(
        Fraction(advance) * Fraction(terms.annual_rate) * period
    )
    fee = max(_processing_fee(advance, terms.processing_fee_rate), fee_min)
    net = advance - discount - fee
    _check_net(net, advance, discount, fee)

    tenor_days = (due_date - disbursal_date).days
    apr = _annual_percentage_rate(discount + fee, net, tenor_days)

    return Quote(
        invoice_amount=amount,
        advance_amount=advance,
        discount_amount=discount,
        fee_amount=fee,
        net_amount=net,
        annual_percentage_rate=apr,
        disbursal_date=disbursal_date,
        due_date=due_date,
        tenor_days=tenor_days,
    )


def _processing_fee(advance: Decimal, fee_rate: Decimal) -> Decimal:
    return round_fraction_half_up(Fraction(advance) * Fraction(fee_rate))


def _annual_percentage_rate(cost: Decimal, net: Decimal, tenor_days: int) -> Decimal:
    rate = Fraction(cost) / Fraction(net) * _DAYS_A_YEAR / tenor_days

    return round_fraction_half_up(rate, _APR_PLACES)


def _checked_invoice_amount(invoice_amount: Decimal) -> Decimal:
    try:
        return check_amount(invoice_amount)
    except InvalidAmount as error:
        raise PricingError(f"Invoice amount {error}.") from error


def _checked_fee_min(processing_fee_min: Decimal) -> Decimal:
    try:
        return check_amount(processing_fee_min, allow_zero=True)
    except InvalidAmount as error:
        raise PricingError(f"Minimum processing fee {error}.") from error


def _check_dates(disbursal_date: date, due_date: date) -> None:
    if due_date <= disbursal_date:
        raise PricingError(
            f"Due date {due_date.isoformat()} is not after disbursal date "
            f"{disbursal_date.isoformat()}, so there is no period to discount. "
            "Disburse before the due date."
        )


def _check_rates(terms: Terms) -> None:
    advance_rate = _checked_rate("Advance rate", terms.advance_rate)
    if not 0 < advance_rate <= 1:
        raise _rate_out_of_range("Advance rate", advance_rate, "above 0, at most 1")

    annual_rate = _checked_rate("Annual rate", terms.annual_rate)
    if not 0 < annual_rate <= 1:
        raise _rate_out_of_range("Annual rate", annual_rate, "above 0, at most 1")

    fee_rate = _checked_rate("Processing fee rate", terms.processing_fee_rate)
    if not 0 <= fee_rate < 1:
        raise _rate_out_of_range("Processing fee rate", fee_rate, "0 or more, below 1")


def _checked_rate(name: str, rate: object) -> Decimal:
    # A float rate would make the discount inexact, so only Decimal and int pass.
    if isinstance(rate, bool) or not isinstance(rate, Decimal | int):
        raise PricingError(
            f"{name} {rate!r} is not a Decimal. "
            "Write rates as Decimal fractions, such as Decimal('0.12') for 12%."
        )

    decimal_rate = Decimal(rate)
    if not decimal_rate.is_finite():
        raise PricingError(f"{name} {rate} is not a finite number.")

    return decimal_rate


def _rate_out_of_range(name: str, rate: Decimal, expected: str) -> PricingError:
    return PricingError(
        f"{name} {rate} is out of range. It must be a fraction {expected} "
        "(0.12 is 12%)."
    )


def _check_net(net: Decimal, advance: Decimal, discount: Decimal, fee: Decimal) -> None:
    if net <= 0:
        raise PricingError(
            f"Discount {discount} and fee {fee} leave {net} of the advance "
            f"{advance} to pay out. Lower the rates or the minimum fee, or "
            "finance a larger or shorter invoice."
        )
