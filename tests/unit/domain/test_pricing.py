"""Tests of invoice discount pricing."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.enums import DayCountConvention
from hundi.domain.pricing import PricingError, Quote, Terms, price

LAKH = Decimal("100000.00")


def _terms(
    day_count: DayCountConvention,
    annual_rate: str = "0.12",
    advance_rate: str = "1",
    fee_rate: str = "0",
    fee_min: str = "0",
) -> Terms:
    return Terms(
        advance_rate=Decimal(advance_rate),
        annual_rate=Decimal(annual_rate),
        processing_fee_rate=Decimal(fee_rate),
        processing_fee_min=Decimal(fee_min),
        day_count=day_count,
    )


# 60-day vectors: 100000 at 12% a year is 2000.00 on Actual/360 and 1972.60
# on Actual/365. On Actual/Actual the year's length decides.
@pytest.mark.parametrize(
    ("day_count", "disbursal_date", "due_date", "discount"),
    [
        (DayCountConvention.ACT_360, date(2024, 1, 1), date(2024, 3, 1), "2000.00"),
        (DayCountConvention.ACT_365F, date(2024, 1, 1), date(2024, 3, 1), "1972.60"),
        (DayCountConvention.ACT_ACT, date(2023, 3, 1), date(2023, 4, 30), "1972.60"),
        (DayCountConvention.ACT_ACT, date(2024, 3, 1), date(2024, 4, 30), "1967.21"),
        (DayCountConvention.ACT_ACT, date(2023, 12, 2), date(2024, 1, 31), "1969.91"),
        (DayCountConvention.THIRTY_360, date(2024, 1, 1), date(2024, 3, 1), "2000.00"),
    ],
)
def test_price_sixty_day_discount_vectors(
    day_count, disbursal_date, due_date, discount
):
    quote = price(LAKH, _terms(day_count), disbursal_date, due_date)

    assert quote.discount_amount == Decimal(discount)
    assert str(quote.discount_amount) == discount
    assert quote.tenor_days == 60


def test_price_thirty_360_monthly_rate_vector():
    # 1.5% a month is 18% a year. 15 June to 15 July is 30 days of 30/360.
    terms = _terms(DayCountConvention.THIRTY_360, annual_rate="0.18")

    quote = price(LAKH, terms, date(2024, 6, 15), date(2024, 7, 15))

    assert quote.advance_amount == LAKH
    assert quote.discount_amount == Decimal("1500.00")
    assert quote.net_amount == Decimal("98500.00")


def test_price_full_quote_with_fee():
    terms = _terms(
        DayCountConvention.ACT_365F,
        advance_rate="0.80",
        fee_rate="0.005",
        fee_min="250",
    )

    quote = price(Decimal("125000.00"), terms, date(2024, 7, 15), date(2024, 9, 13))

    assert quote == Quote(
        invoice_amount=Decimal("125000.00"),
        advance_amount=Decimal("100000.00"),
        discount_amount=Decimal("1972.60"),
        fee_amount=Decimal("500.00"),
        net_amount=Decimal("97527.40"),
        # (1972.60 + 500.00) / 97527.40 x 365 / 60 = 0.15422999...
        annual_percentage_rate=Decimal("0.154230"),
        disbursal_date=date(2024, 7, 15),
        due_date=date(2024, 9, 13),
        tenor_days=60,
    )


def test_price_apr_without_fee():
    # (1972.60 / 98027.40) x 365 / 60 = 0.12241458...
    quote = price(
        LAKH, _terms(DayCountConvention.ACT_365F), date(2024, 1, 1), date(2024, 3, 1)
    )

    assert quote.annual_percentage_rate == Decimal("0.122415")
    assert str(quote.annual_percentage_rate) == "0.122415"


def test_price_fee_minimum_applies():
    terms = _terms(DayCountConvention.ACT_365F, fee_rate="0.001", fee_min="750.00")

    quote = price(LAKH, terms, date(2024, 1, 1), date(2024, 3, 1))

    assert quote.fee_amount == Decimal("750.00")


def test_price_advance_rounded_half_up():
    terms = _terms(DayCountConvention.ACT_365F, advance_rate="0.85")

    quote = price(Decimal("1000.03"), terms, date(2024, 1, 1), date(2024, 3, 1))

    # 1000.03 x 0.85 = 850.0255
    assert quote.advance_amount == Decimal("850.03")


def test_price_invoice_amount_quantized():
    quote = price(
        Decimal("100000"),
        _terms(DayCountConvention.ACT_360),
        date(2024, 1, 1),
        date(2024, 3, 1),
    )

    assert str(quote.invoice_amount) == "100000.00"


@pytest.mark.parametrize("due_date", [date(2024, 1, 1), date(2023, 12, 31)])
def test_price_due_date_not_after_disbursal_rejected(due_date):
    terms = _terms(DayCountConvention.ACT_365F)

    with pytest.raises(PricingError, match="is not after disbursal date 2024-01-01"):
        price(LAKH, terms, date(2024, 1, 1), due_date)


@pytest.mark.parametrize(
    ("field", "value", "name"),
    [
        ("advance_rate", Decimal("0"), "Advance rate"),
        ("advance_rate", Decimal("1.01"), "Advance rate"),
        ("annual_rate", Decimal("0"), "Annual rate"),
        ("annual_rate", Decimal("-0.12"), "Annual rate"),
        ("annual_rate", Decimal("12"), "Annual rate"),
        ("processing_fee_rate", Decimal("-0.01"), "Processing fee rate"),
        ("processing_fee_rate", Decimal("1"), "Processing fee rate"),
    ],
)
def test_price_rate_out_of_range_rejected(field, value, name):
    terms = replace(_terms(DayCountConvention.ACT_365F), **{field: value})

    with pytest.raises(
        PricingError, match=re.escape(f"{name} {value} is out of range")
    ):
        price(LAKH, terms, date(2024, 1, 1), date(2024, 3, 1))


@pytest.mark.parametrize("value", [0.12, Decimal("NaN"), "0.12"])
def test_price_rate_not_finite_decimal_rejected(value):
    terms = replace(_terms(DayCountConvention.ACT_365F), annual_rate=value)

    with pytest.raises(PricingError, match="Annual rate"):
        price(LAKH, terms, date(2024, 1, 1), date(2024, 3, 1))


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        (Decimal("0"), "is zero"),
        (Decimal("-100.00"), "is negative"),
        (Decimal("100000.005"), "has 3 decimal places"),
        (100000.0, "is not a Decimal"),
    ],
)
def test_price_invalid_invoice_amount_rejected(amount, reason):
    terms = _terms(DayCountConvention.ACT_365F)

    with pytest.raises(PricingError, match=f"Invoice amount .*{reason}"):
        price(amount, terms, date(2024, 1, 1), date(2024, 3, 1))


def test_price_negative_fee_minimum_rejected():
    terms = _terms(DayCountConvention.ACT_365F, fee_min="-1")

    with pytest.raises(PricingError, match="Minimum processing fee -1 is negative"):
        price(LAKH, terms, date(2024, 1, 1), date(2024, 3, 1))


def test_price_nothing_left_to_pay_out_rejected():
    terms = _terms(DayCountConvention.ACT_365F, fee_min="99000.00")

    with pytest.raises(PricingError, match=r"leave -972\.60 of the advance"):
        price(LAKH, terms, date(2024, 1, 1), date(2024, 3, 1))


def test_price_advance_rounding_to_zero_rejected():
    terms = _terms(DayCountConvention.ACT_365F, advance_rate="0.4")

    with pytest.raises(PricingError, match=r"leave 0\.00 of the advance 0\.00"):
        price(Decimal("0.01"), terms, date(2024, 1, 1), date(2024, 3, 1))


invoice_amounts = st.decimals(
    min_value=Decimal("10000.00"), max_value=Decimal("1000000000.00"), places=2
)
rates = st.builds(
    Terms,
    advance_rate=st.decimals(
        min_value=Decimal("0.5"), max_value=Decimal("1"), places=4
    ),
    annual_rate=st.decimals(
        min_value=Decimal("0.0001"), max_value=Decimal("0.36"), places=4
    ),
    processing_fee_rate=st.decimals(
        min_value=Decimal("0"), max_value=Decimal("0.03"), places=4
    ),
    processing_fee_min=st.decimals(
        min_value=Decimal("0"), max_value=Decimal("1000"), places=2
    ),
    day_count=st.sampled_from(list(DayCountConvention)),
)
disbursal_dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
tenors = st.integers(min_value=1, max_value=366)


@given(
    amount=invoice_amounts, terms=rates, disbursal_date=disbursal_dates, tenor=tenors
)
def test_price_advance_splits_exactly(amount, terms, disbursal_date, tenor):
    quote = price(amount, terms, disbursal_date, disbursal_date + timedelta(days=tenor))

    parts = quote.discount_amount + quote.fee_amount + quote.net_amount
    assert parts == quote.advance_amount
    assert quote.discount_amount >= 0
    assert quote.net_amount > 0
    assert quote.advance_amount <= quote.invoice_amount


@given(
    amount=invoice_amounts, terms=rates, disbursal_date=disbursal_dates, tenor=tenors
)
def test_price_amounts_have_two_places(amount, terms, disbursal_date, tenor):
    quote = price(amount, terms, disbursal_date, disbursal_date + timedelta(days=tenor))

    for value in (
        quote.invoice_amount,
        quote.advance_amount,
        quote.discount_amount,
        quote.fee_amount,
        quote.net_amount,
    ):
        assert value.as_tuple().exponent == -2
    assert quote.annual_percentage_rate.as_tuple().exponent == -6


@given(
    amount=invoice_amounts, terms=rates, disbursal_date=disbursal_dates, tenor=tenors
)
def test_price_same_inputs_same_quote(amount, terms, disbursal_date, tenor):
    due_date = disbursal_date + timedelta(days=tenor)

    first = price(amount, terms, disbursal_date, due_date)
    second = price(Decimal(str(amount)), replace(terms), disbursal_date, due_date)

    assert first == second
