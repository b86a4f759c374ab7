"""Periods with nothing to divide by give no value, never 0 or an error."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hundi import models
from hundi.api.context import Reader
from hundi.db import Database
from hundi.domain.enums import AcquisitionChannel
from hundi.domain.kpi_periods import Period
from hundi.domain.kpis import (
    KPI_DEFINITIONS,
    Aggregation,
    KpiKey,
    KpiStatus,
    default_targets,
)
from hundi.services.kpis.report import KpiResult, compute_kpis
from support.factories import add, create_sme

JULY, AUGUST = date(2026, 7, 1), date(2026, 8, 1)
NOW = datetime(2026, 10, 1, tzinfo=UTC)
RATIOS = {
    definition.key
    for definition in KPI_DEFINITIONS
    if definition.aggregation in (Aggregation.RATIO, Aggregation.RUNNING_RATIO)
}


async def _report(
    database: Database, launch_date: date | None
) -> dict[KpiKey, KpiResult]:
    reader = Reader(database)
    try:
        results = await compute_kpis(
            reader.rows,
            Period(JULY, date(2026, 8, 31)),
            now=NOW,
            launch_date=launch_date,
            targets=default_targets(),
        )
    finally:
        await reader.close()
    return {result.definition.key: result for result in results}


async def test_empty_platform_ratios_have_no_value(database: Database) -> None:
    results = await _report(database, launch_date=None)

    for key in RATIOS:
        assert results[key].value is None, key
        assert [value for _, value in results[key].series] == [None, None], key
        assert results[key].status is KpiStatus.NO_DATA, key


async def test_empty_platform_counts_are_zero(database: Database) -> None:
    results = await _report(database, launch_date=None)

    assert results[KpiKey.MONTHLY_ACTIVE_SMES].value == 0
    assert results[KpiKey.DATA_BREACHES].value == 0
    assert results[KpiKey.DATA_BREACHES].status is KpiStatus.MET
    assert results[KpiKey.SMES_ONBOARDED].value == 0
    # Without a launch date nothing is due yet, so there is nothing to judge.
    assert results[KpiKey.SMES_ONBOARDED].status is KpiStatus.NO_DATA


async def test_month_without_answers_has_no_value(database: Database) -> None:
    sme = await create_sme(database)
    await add(
        database,
        models.SurveyResponse(
            sme_id=sme.id,
            period="2026-Q3",
            nps_score=10,
            rating=None,
            answered_at=datetime(2026, 7, 10, tzinfo=UTC),
        ),
    )

    results = await _report(database, launch_date=JULY)
    nps = results[KpiKey.NET_PROMOTER_SCORE]

    assert nps.series == [(JULY, 100), (AUGUST, None)]
    assert nps.value == 100
    assert results[KpiKey.FEEDBACK_RATING].value is None


async def test_cost_per_acquisition_needs_spend_entered(database: Database) -> None:
    await create_sme(
        database,
        kyc_verified_at=datetime(2026, 7, 10, tzinfo=UTC),
        acquisition_channel=AcquisitionChannel.ORGANIC,
    )
    await add(
        database,
        models.MarketingSpend(
            month=AUGUST,
            channel=AcquisitionChannel.SOCIAL,
            amount=Decimal("0.00"),
        ),
    )

    cpa = (await _report(database, launch_date=JULY))[KpiKey.COST_PER_ACQUISITION]

    # July has an onboarded SME but no spend entered: no value. August has
    # spend of 0 entered but no onboarded SME: nothing to divide by.
    assert cpa.series == [(JULY, None), (AUGUST, None)]
    assert cpa.value is None


async def test_churn_unfinished_month_no_value(database: Database) -> None:
    reader = Reader(database)
    try:
        results = await compute_kpis(
            reader.rows,
            Period(JULY, date(2026, 8, 31)),
            now=datetime(2026, 8, 20, tzinfo=UTC),
            launch_date=JULY,
            targets=default_targets(),
        )
    finally:
        await reader.close()
    churn = next(r for r in results if r.definition.key is KpiKey.CHURN_RATE)

    assert churn.series == [(JULY, None), (AUGUST, None)]
    assert churn.status is KpiStatus.NO_DATA
