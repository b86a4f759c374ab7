"""Properties of booked loans: the quote is what is booked, and nothing is owed twice."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hundi import models
from hundi.db import Database
from hundi.domain.calendar import india_today
from hundi.domain.enums import DayCountConvention
from support.lending import (
    accepted,
    active_loans,
    disbursed,
    india_noon,
    invoice_due,
    loans_of,
    offered,
    open_book,
    reload,
    repaid,
    submitted,
)

# Each example opens its own book, so examples share the test's database safely.
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

rupees = st.integers(min_value=2_500_000, max_value=500_000_000).map(
    lambda paise: Decimal(paise) / 100
)


@EXAMPLES
@given(
    total=rupees,
    tenor=st.integers(min_value=20, max_value=150),
    annual_rate=st.sampled_from(["0.10", "0.1275", "0.15", "0.2399"]),
    day_count=st.sampled_from(list(DayCountConvention)),
)
async def test_booked_loan_equals_quote_on_quoted_date(
    database: Database,
    total: Decimal,
    tenor: int,
    annual_rate: str,
    day_count: DayCountConvention,
) -> None:
    book = await open_book(database, day_count=day_count)
    today = india_today()
    quote_date = today
    invoice = await invoice_due(
        database, book, quote_date + timedelta(days=tenor), total
    )
    application = await submitted(database, book, [invoice])
    offer = await offered(database, book, application, annual_rate=Decimal(annual_rate))
    await accepted(database, book, offer)

    # Disbursed on the date the quote assumed, as seen on that date.
    await disbursed(database, book, offer, quote_date, now=india_noon(quote_date))

    [loan] = await loans_of(database, offer)
    stored_offer = await reload(database, models.Offer, offer.id)
    assert loan.disbursal_date == stored_offer.quote_disbursal_date
    assert loan.advance_amount == stored_offer.advance_amount
    assert loan.discount_amount == stored_offer.discount_amount
    assert loan.fee_amount == stored_offer.fee_amount
    assert loan.net_amount == stored_offer.net_amount
    assert loan.annual_percentage_rate == stored_offer.annual_percentage_rate


@EXAMPLES
@given(
    parts=st.lists(
        st.integers(min_value=1, max_value=6_000_000).map(lambda p: Decimal(p) / 100),
        min_size=1,
        max_size=5,
    )
)
async def test_loan_never_both_owing_and_overpaid(
    database: Database, parts: list[Decimal]
) -> None:
    book = await open_book(database)
    on = india_today() - timedelta(days=10)
    invoice = await invoice_due(database, book, on + timedelta(days=60))
    [loan] = await active_loans(database, book, [invoice], on=on)

    received = Decimal("0.00")
    for amount in parts:
        if (await reload(database, models.Loan, loan.id)).status.value != "ACTIVE":
            break
        await repaid(database, book, loan, amount, india_today())
        received += amount

        stored = await reload(database, models.Loan, loan.id)
        owing = stored.principal_outstanding + stored.penal_outstanding
        assert owing == 0 or stored.refund_due == 0
        assert stored.principal_outstanding + received - stored.refund_due == (
            stored.advance_amount
        )
