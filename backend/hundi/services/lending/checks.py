"""Checks of lending inputs that the general ErrorCollector does not cover."""

from __future__ import annotations

from decimal import Decimal

from hundi.services.checks import ErrorCollector, FieldPath

RATE_PLACES = 6
_ONE = Decimal(1)


def check_rate(
    checks: ErrorCollector,
    value: Decimal,
    field: FieldPath,
    label: str,
    *,
    allow_zero: bool = False,
    allow_one: bool = True,
) -> Decimal | None:
    """Return a rate given as a fraction (0.12 is 12%), or None after recording why not.

    A rate has at most 6 decimal places and lies above 0 (or at 0 with
    `allow_zero`) and at most 1 (or below 1 without `allow_one`).
    """
    if not value.is_finite():
        checks.add(field, "INVALID_RATE", f"{label} {value} is not a number.")
        return None

    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # Finite decimals have an int exponent.
    if -exponent > RATE_PLACES:
        checks.add(
            field,
            "INVALID_RATE",
            f"{label} {value} has more than {RATE_PLACES} decimal places; write it "
            "as a fraction such as 0.1275 for 12.75%.",
        )
        return None

    low_ok = value >= 0 if allow_zero else value > 0
    high_ok = value <= _ONE if allow_one else value < _ONE
    if not (low_ok and high_ok):
        low = "0 or more" if allow_zero else "above 0"
        high = "at most 1" if allow_one else "below 1"
        checks.add(
            field,
            "INVALID_RATE",
            f"{label} {value} is out of range; give a fraction {low} and {high} "
            "(0.12 is 12%).",
        )
        return None

    return value


def check_whole_number(
    checks: ErrorCollector,
    value: int,
    field: FieldPath,
    label: str,
    *,
    low: int,
    high: int,
) -> int | None:
    """Return `value` when low <= value <= high, or None after recording why not."""
    if low <= value <= high:
        return value

    checks.add(
        field,
        "OUT_OF_RANGE",
        f"{label} {value} is out of range; give a whole number from {low} to {high}.",
    )
    return None
