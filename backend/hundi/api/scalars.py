"""Money and rates as exact decimal strings, never floats.

A JSON number is rejected on input: by the time a float reaches us it has
already been rounded by the client's JSON encoder. Values with too many
decimal places still parse, so that each mutation can report them with a field
error naming the field (see `hundi.domain.money`).
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

MoneyValue = NewType("MoneyValue", Decimal)
RateValue = NewType("RateValue", Decimal)
DecimalValue = NewType("DecimalValue", Decimal)

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


# NUMERIC(18, 2) holds 16 digits before the decimal point.
_MONEY_CAPACITY = Decimal(10) ** 16


def parse_money(value: object) -> Decimal:
    number = _parse_decimal(value, "Money", "125000.50")
    if abs(number) >= _MONEY_CAPACITY:
        raise ValueError(f"Money {value!r} has more than 16 digits of rupees")
    return number


def serialize_rate(value: Decimal) -> str:
    normalized = value.normalize()
    text = format(normalized, "f")
    return text if "." in text else f"{text}.0"


def parse_rate(value: object) -> Decimal:
    number = _parse_decimal(value, "Rate", "0.145")
    # NUMERIC(10, 6) holds 4 digits before the decimal point.
    if abs(number) >= 10_000:
        raise ValueError(
            f"Rate {value!r} is too large; rates are fractions such as 0.145"
        )
    return number


def serialize_decimal(value: Decimal) -> str:
    return format(value, "f")


def parse_decimal(value: object) -> Decimal:
    number = _parse_decimal(value, "Decimal", "52.38")
    # KPI targets are NUMERIC(18, 4): 14 digits before the decimal point.
    if abs(number) >= Decimal(10) ** 14:
        raise ValueError(f"Decimal {value!r} has more than 14 digits before the point")
    return number


def parse_uuid(value: object) -> uuid.UUID:
    if not isinstance(value, str):
        raise ValueError(f"UUID must be a string, not {type(value).__name__}")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(
            f"UUID {value!r} is invalid; write 32 hex digits such as "
            "3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f"
        ) from None


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
    DecimalValue: strawberry.scalar(
        name="Decimal",
        description=(
            'An exact decimal number as a string, such as "52.38" or "-12.5", '
            "in the unit its field states. Never a JSON number."
        ),
        serialize=serialize_decimal,
        parse_value=parse_decimal,
    ),
    uuid.UUID: strawberry.scalar(
        name="UUID",
        description=(
            "A UUID in its 36-character text form, such as "
            '"3f2b8c1e-5d4a-4b6f-9e7d-1a2b3c4d5e6f".'
        ),
        serialize=str,
        parse_value=parse_uuid,
    ),
}
