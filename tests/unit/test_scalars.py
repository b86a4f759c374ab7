"""Money and rate scalars: exact decimal strings in and out, never floats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hundi.api.scalars import parse_money, parse_rate, serialize_money, serialize_rate


def test_money_serialized_with_two_places() -> None:
    assert serialize_money(Decimal("125000.5")) == "125000.50"


def test_money_parsed_exactly() -> None:
    assert parse_money("125000.50") == Decimal("125000.50")


def test_money_keeps_extra_places_for_the_mutation_to_report() -> None:
    assert parse_money("1.234") == Decimal("1.234")


@pytest.mark.parametrize("value", [125000.5, 125000, None, True])
def test_money_non_string_rejected(value: object) -> None:
    with pytest.raises(ValueError, match="decimal string"):
        parse_money(value)


@pytest.mark.parametrize("value", ["abc", "", "NaN", "Infinity", "1e5"])
def test_money_non_number_rejected(value: str) -> None:
    with pytest.raises(ValueError, match="Money"):
        parse_money(value)


def test_rate_serialized_without_trailing_zeros() -> None:
    assert serialize_rate(Decimal("0.145000")) == "0.145"


def test_rate_whole_number_keeps_a_decimal_point() -> None:
    assert serialize_rate(Decimal("1.000000")) == "1.0"


def test_rate_parsed_exactly() -> None:
    assert parse_rate("0.1450") == Decimal("0.1450")


def test_money_beyond_column_capacity_rejected() -> None:
    with pytest.raises(ValueError, match="more than 16 digits"):
        parse_money("99999999999999999999999.00")


def test_rate_too_large_rejected() -> None:
    with pytest.raises(ValueError, match="too large"):
        parse_rate("123456")
