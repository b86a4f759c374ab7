"""Marketing spend of months partly inside a period counts pro rata by days."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hundi.domain.kpi_periods import Period
from hundi.domain.kpi_values import Parts
from hundi.services.kpis.report import spend_per_onboarded

JULY, AUGUST = date(2026, 7, 1), date(2026, 8, 1)


def test_partial_month_spend_is_pro_rated() -> None:
    period = Period(date(2026, 7, 16), date(2026, 8, 31))
    spend = {JULY: Parts.of(3100), AUGUST: Parts.of(900)}
    onboarded = {JULY: Parts.of(4)}

    parts = spend_per_onboarded(spend, onboarded, period)

    # 16 of July's 31 days are inside: 3100 * 16 / 31 = 1600.
    assert parts[JULY] == Parts(Fraction(1600), Fraction(4))
    assert parts[AUGUST] == Parts(Fraction(900), Fraction(0))


def test_month_without_spend_has_no_parts() -> None:
    period = Period(JULY, date(2026, 7, 31))

    parts = spend_per_onboarded({}, {JULY: Parts.of(4)}, period)

    assert parts == {}
