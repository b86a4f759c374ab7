"""Quoting an offer on several invoices: lines priced alone, totals their sums."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hundi.domain.enums import DayCountConvention
from hundi.domain.offer_quote import InvoiceToPrice, combined_apr, quote_invoices
from hundi.domain.pricing import PricingError, Terms, price

TERMS = Terms(
    advance_rate=Decimal("0.80"),
    annual_rate=Decimal("0.135"),
    processing_fee_rate=Decimal("0.005"),
    processing_fee_min=Decimal("500.00"),
    day_count=DayCountConvention.ACT_365F,
)
START = date(2026, 1, 10)


def test_quote_lines_equal_price_of_each_invoice() -> None:
    invoices = [
        InvoiceToPrice("a", Decimal("118000.00"), START + timedelta(days=45)),
        InvoiceToPrice("b", Decimal("33333.33"), START + timedelta(days=90)),
    ]

    quote = quote_invoices(invoices, TERMS, START)

    for invoice, (key, line) in zip(invoices, quote.lines, strict=True):
        assert key == invoice.key
        assert line == price(invoice.amount, TERMS, START, invoice.due_date)
    assert quote.due_date == START + timedelta(days=90)


def test_quote_single_invoice_apr_equals_price_apr() -> None:
    invoice = InvoiceToPrice("a", Decimal("100000.00"), START + timedelta(days=60))

    quote = quote_invoices([invoice], TERMS, START)

    assert (
        quote.annual_percentage_rate
        == price(invoice.amount, TERMS, START, invoice.due_date).annual_percentage_rate
    )


def test_quote_names_the_invoice_that_cannot_be_priced() -> None:
    invoices = [
        InvoiceToPrice("a", Decimal("100000.00"), START + timedelta(days=60)),
        InvoiceToPrice("b", Decimal("100000.00"), START),
    ]

    with pytest.raises(PricingError, match="Invoice 2"):
        quote_invoices(invoices, TERMS, START)


def test_quote_without_invoices_rejected() -> None:
    with pytest.raises(PricingError, match="no invoices"):
        quote_invoices([], TERMS, START)


def test_combined_apr_weights_by_net_and_tenor() -> None:
    short = price(Decimal("100000.00"), TERMS, START, START + timedelta(days=30))
    long = price(Decimal("100000.00"), TERMS, START, START + timedelta(days=120))

    apr = combined_apr([short, long])

    assert min(short.annual_percentage_rate, long.annual_percentage_rate) <= apr
    assert apr <= max(short.annual_percentage_rate, long.annual_percentage_rate)


amounts = st.integers(min_value=2_000_000, max_value=10**10).map(
    lambda n: Decimal(n) / 100
)


@given(
    totals=st.lists(amounts, min_size=1, max_size=6),
    tenors=st.lists(st.integers(min_value=15, max_value=180), min_size=6, max_size=6),
)
def test_quote_totals_are_exact_sums(totals: list[Decimal], tenors: list[int]) -> None:
    invoices = [
        InvoiceToPrice(index, total, START + timedelta(days=tenors[index]))
        for index, total in enumerate(totals)
    ]

    quote = quote_invoices(invoices, TERMS, START)
    lines = [line for _, line in quote.lines]

    assert quote.invoice_amount == sum(line.invoice_amount for line in lines)
    assert quote.advance_amount == sum(line.advance_amount for line in lines)
    assert quote.discount_amount == sum(line.discount_amount for line in lines)
    assert quote.fee_amount == sum(line.fee_amount for line in lines)
    assert quote.net_amount == sum(line.net_amount for line in lines)
    assert quote.advance_amount == (
        quote.discount_amount + quote.fee_amount + quote.net_amount
    )
