"""Exact rupee amounts: checking, parsing and half-up rounding.

Amounts are Decimal rupees with at most 2 decimal places (paise). Anything
else (a float, more places, a negative, a zero where a positive amount is
needed) raises InvalidAmount and is never rounded silently:

    ValueError
    └── InvalidAmount   .value and .reason

Computed figures are rounded once, at the end, half-up.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

PAISA = Decimal("0.01")

# 60 significant digits, so quantize() to 6 places raises InvalidOperation only
# for values of 10**54 or more, far beyond any rupee amount.
_PRECISION = 60

# Digits grouped the Indian way (1,25,000.50), the western way (125,000.50) or
# not at all. A leading minus is accepted so that check_amount() can report it.
_AMOUNT_TEXT = re.compile(
    r"-?(?:[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
    r"(?:\.[0-9]+)?"
)


class InvalidAmount(ValueError):
    """An amount that is not exact rupees and paise, or not in the allowed range."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"{value} {reason}")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to `places` decimal places, halves away from zero."""
    if not value.is_finite():
        raise InvalidAmount(value, "is not a finite number, so it cannot be rounded")

    with localcontext() as context:
        context.prec = _PRECISION
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def round_fraction_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact fraction to `places` decimal places, halves away from zero.

    Use it for results of exact arithmetic (such as a year fraction of a day
    count) so that the only rounding is this final one.
    """
    scaled = abs(value) * 10**places

    units, remainder = divmod(scaled.numerator, scaled.denominator)
    if 2 * remainder >= scaled.denominator:
        units += 1

    signed_units = -units if value < 0 else units

    return Decimal(signed_units).scaleb(-places)


# ₹1,00,000 crore: far above any invoice an SME raises, and low enough that
# sums of many such amounts still fit NUMERIC(18, 2) and SQLite's 64-bit
# integers (amounts in paise).
MAX_AMOUNT = Decimal("1000000000000.00")


def check_amount(value: Decimal, *, allow_zero: bool = False) -> Decimal:
    """Return the amount with exactly 2 decimal places, or raise InvalidAmount.

    Trailing zeros do not count as places (100.500 is 100.50), and an int is
    accepted as whole rupees. The amount is never rounded.
    """
    amount = _as_decimal(value)

    places = _decimal_places(amount)
    if places > 2:
        raise InvalidAmount(
            amount,
            f"has {places} decimal places, "
            "but amounts are in rupees with at most 2 (paise)",
        )

    if amount < 0:
        raise InvalidAmount(amount, "is negative, but amounts cannot be negative")

    if amount > MAX_AMOUNT:
        raise InvalidAmount(
            amount, "is above 1,00,000 crore rupees, the largest amount Hundi accepts"
        )

    if amount.is_zero():
        if not allow_zero:
            raise InvalidAmount(amount, "is zero, but the amount must be positive")
        return Decimal("0.00")

    return round_half_up(amount)


def parse_amount(text: str, *, allow_zero: bool = False) -> Decimal:
    """Parse rupees from text such as "125000.50" or "1,25,000.50", then check it.

    Exponent notation ("1e5"), signs other than a leading minus, currency
    symbols and empty text raise InvalidAmount, and so does zero unless
    `allow_zero` is set.
    """
    stripped = text.strip()

    if not stripped:
        raise InvalidAmount("''", "is empty, so it is not an amount")

    if not _AMOUNT_TEXT.fullmatch(stripped):
        raise InvalidAmount(
            repr(stripped),
            "is not an amount in rupees. Write digits with an optional "
            "decimal point, such as 125000.50 or 1,25,000.50",
        )

    return check_amount(Decimal(stripped.replace(",", "")), allow_zero=allow_zero)


def _as_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvalidAmount(
            repr(value),
            "is not a Decimal. Parse amounts from text with Decimal or "
            "parse_amount so that no paise are lost",
        )

    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidAmount(amount, "is not a finite number")

    return amount


def _decimal_places(amount: Decimal) -> int:
    if amount.is_zero():
        return 0

    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # Finite decimals have an int exponent.

    # Trailing zeros after the point do not count: 100.500 has 1 place.
    places = max(0, -exponent)
    index = len(digits) - 1
    while places > 0 and digits[index] == 0:
        places -= 1
        index -= 1

    return places
