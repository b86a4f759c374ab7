"""Money and rates as exact decimal strings, never floats.

A JSON number is rejected on input: by the time a float reaches us it has
already been rounded by the client's JSON encoder. Values with too many
decimal places still parse, so that each mutation can report them with a field
error naming the field (see `hundi.domain.money`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

MoneyValue = NewType("MoneyValue", Decimal)
RateValue = NewType("RateValue", Decimal)

_PAISA = Decimal("0.01")


def _parse_decimal(value: object, scalar: str, example: str) -> Decimal:
    if not isinstance(value, str):
        raise ValueError(
            f"{scalar} must be a decimal string such as {example!r}, "
            f"not {type(value).__name__} {value!r}"
        )
    text = value.strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{scalar} {value!r} is not a decimal number") from None
    if not number.is_finite() or "e" in text.lower():
        raise ValueError(f"{scalar} {value!r} must be written as plain digits")
    return number


def serialize_money(value: Decimal) -> str:
    return str(value.quantize(_PAISA))


def parse_money(value: object) -> Decimal:
    return _parse_decimal(value, "Money", "125000.50")


def serialize_rate(value: Decimal) -> str:
    normalized = value.normalize()
    text = format(normalized, "f")
    return text if "." in text else f"{text}.0"


def parse_rate(value: object) -> Decimal:
    return _parse_decimal(value, "Rate", "0.145")


SCALAR_MAP: dict[object, ScalarDefinition] = {
    MoneyValue: strawberry.scalar(
        name="Money",
        description=(
            "An amount in Indian rupees as a decimal string with at most two "
            'decimal places (paise), for example "125000.50". Never a JSON number.'
        ),
        serialize=serialize_money,
        parse_value=parse_money,
    ),
    RateValue: strawberry.scalar(
        name="Rate",
        description=(
            'A rate as an exact decimal fraction string: "0.145" is 14.5%. '
            "Annual rates are per year. Never a JSON number."
        ),
        serialize=serialize_rate,
        parse_value=parse_rate,
    ),
}
