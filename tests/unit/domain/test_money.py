"""Tests of rupee amount checking, parsing and rounding."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.money import (
    PAISA,
    InvalidAmount,
    check_amount,
    parse_amount,
    round_fraction_half_up,
    round_half_up,
)


def test_paisa_is_one_hundredth():
    assert Decimal("0.01") == PAISA


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.345", 2, "2.35"),
        ("2.344", 2, "2.34"),
        ("-2.345", 2, "-2.35"),
        ("0.005", 2, "0.01"),
        ("1972.6027397", 2, "1972.60"),
        ("0.1224145834", 6, "0.122415"),
        ("0.0000005", 6, "0.000001"),
        ("100", 2, "100.00"),
    ],
)
def test_round_half_up_vectors(value, places, expected):
    rounded = round_half_up(Decimal(value), places)

    assert rounded == Decimal(expected)
    assert str(rounded) == expected


def test_round_half_up_rejects_infinity():
    with pytest.raises(InvalidAmount, match="not a finite number"):
        round_half_up(Decimal("Infinity"))


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(1, 200), 2, "0.01"),
        (Fraction(-1, 200), 2, "-0.01"),
        (Fraction(1, 3), 2, "0.33"),
        (Fraction(2, 3), 2, "0.67"),
        (Fraction(12000 * 60, 365), 2, "1972.60"),
        (Fraction(0), 2, "0.00"),
        (Fraction(1, 8), 6, "0.125000"),
    ],
)
def test_round_fraction_half_up_vectors(value, places, expected):
    assert str(round_fraction_half_up(value, places)) == expected


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6))
def test_round_fraction_half_up_agrees_with_decimal(value):
    assert round_fraction_half_up(Fraction(value)) == round_half_up(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("125000.50"), "125000.50"),
        (Decimal("100"), "100.00"),
        (Decimal("100.5"), "100.50"),
        (Decimal("100.500"), "100.50"),
        (Decimal("0.01"), "0.01"),
        (125000, "125000.00"),
    ],
)
def test_check_amount_valid(value, expected):
    assert str(check_amount(value)) == expected


def test_check_amount_three_places_message():
    with pytest.raises(InvalidAmount) as raised:
        check_amount(Decimal("125000.505"))

    assert str(raised.value) == (
        "125000.505 has 3 decimal places, "
        "but amounts are in rupees with at most 2 (paise)"
    )
    assert raised.value.value == Decimal("125000.505")


def test_check_amount_never_rounds_many_places():
    with pytest.raises(InvalidAmount, match="has 32 decimal places"):
        check_amount(Decimal("1.00000000000000000000000000000001"))


def test_check_amount_negative_rejected():
    with pytest.raises(InvalidAmount, match=r"-5\.00 is negative"):
        check_amount(Decimal("-5.00"), allow_zero=True)


def test_check_amount_zero_rejected_by_default():
    with pytest.raises(InvalidAmount, match="is zero"):
        check_amount(Decimal("0"))


def test_check_amount_zero_allowed_when_asked():
    assert str(check_amount(Decimal("-0.000"), allow_zero=True)) == "0.00"


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Inf")]
)
def test_check_amount_not_finite_rejected(value):
    with pytest.raises(InvalidAmount, match="not a finite number"):
        check_amount(value)


@pytest.mark.parametrize("value", [100.5, "100.50", True, None])
def test_check_amount_non_decimal_rejected(value):
    with pytest.raises(InvalidAmount, match="is not a Decimal"):
        check_amount(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("125000.50", "125000.50"),
        ("1,25,000.50", "125000.50"),
        ("125,000.50", "125000.50"),
        ("1,23,45,678.90", "12345678.90"),
        ("12,345,678.90", "12345678.90"),
        ("1,000", "1000.00"),
        ("999", "999.00"),
        (" 42.5 ", "42.50"),
    ],
)
def test_parse_amount_valid(text, expected):
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["1e5", "1E5", "12,34", "1,2345", "1,25,00.50", "abc", "1.2.3", ".50", "₹100"],
)
def test_parse_amount_not_a_number_rejected(text):
    with pytest.raises(InvalidAmount, match="is not an amount in rupees"):
        parse_amount(text)


@pytest.mark.parametrize("text", ["", "   "])
def test_parse_amount_empty_rejected(text):
    with pytest.raises(InvalidAmount, match="is empty"):
        parse_amount(text)


def test_parse_amount_three_places_rejected():
    with pytest.raises(InvalidAmount, match="has 3 decimal places"):
        parse_amount("1,25,000.505")


def test_parse_amount_negative_rejected():
    with pytest.raises(InvalidAmount, match="is negative"):
        parse_amount("-100.00")


def test_parse_amount_zero_rejected():
    with pytest.raises(InvalidAmount, match="is zero"):
        parse_amount("0.00")


def test_parse_amount_zero_allowed_when_asked():
    assert str(parse_amount("0", allow_zero=True)) == "0.00"


def test_check_amount_above_largest_rejected():
    with pytest.raises(InvalidAmount, match="largest amount Hundi accepts"):
        check_amount(Decimal("1000000000000.01"))


def test_check_amount_largest_accepted():
    assert check_amount(Decimal("1000000000000.00")) == Decimal("1000000000000.00")
