"""Compute every success metric for a period, with its target and status.

Each metric runs its aggregate statements (see `statements`), turns the
monthly rows into exact parts, and combines them as its definition states
(see `hundi.domain.kpis`). Every statement goes through `run`, which decides
where it runs: the API passes the parallel runner of `runner`, tests may
pass a single session's reads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import Executable

from hundi.domain.calendar import add_months, month_start
from hundi.domain.kpi_periods import (
    Period,
    days_in_month,
    india_day_start,
    month_end,
)
from hundi.domain.kpi_targets import ExactBounds, due_by, evaluate
from hundi.domain.kpi_values import Figures, Parts, combine
from hundi.domain.kpis import (
    KPI_DEFINITIONS,
    Aggregation,
    KpiDefinition,
    KpiKey,
    KpiStatus,
    TargetBounds,
)
from hundi.services.kpis import statements
from hundi.services.kpis.statements import Window

Run = Callable[[Executable], Awaitable[Sequence[Any]]]
MetricLoader = Callable[[Run, Window], Awaitable[Figures]]

PERCENT = Fraction(100)
HOURS_PER_MICROSECOND = Fraction(1, 3600 * 10**6)
MINUTES_PER_MICROSECOND = Fraction(1, 60 * 10**6)


@dataclass(frozen=True)
class KpiResult:
    """One metric over a period: its value, monthly series, target and status."""

    definition: KpiDefinition
    value: Fraction | None
    series: list[tuple[date, Fraction | None]]
    target: TargetBounds
    # The bounds the value was judged against: the target, or for a target
    # due within months of launch, the part of it due by the end of the period.
    judged_against: ExactBounds | None
    status: KpiStatus


def monthly_parts(rows: Sequence[Any]) -> dict[date, Parts]:
    """Key each row's parts by its month. A row is (month, numerator[, denominator])."""
    return {row[0]: Parts.of(*row[1:]) for row in rows}


async def _ratio(
    run: Run, statement: Executable, window: Window, scale: Fraction
) -> Figures:
    parts = monthly_parts(await run(statement))
    return combine(Aggregation.RATIO, parts, window.period.months, scale=scale)


# --- loaders, one per metric ----------------------------------------------------


async def smes_onboarded(run: Run, window: Window) -> Figures:
    statement = statements.onboarded_by_month(window.launch_start, window.period.end)
    parts = monthly_parts(await run(statement))
    return combine(Aggregation.RUNNING_TOTAL, parts, window.period.months)


async def disbursed_volume(run: Run, window: Window) -> Figures:
    statement = statements.disbursed_by_month(window.launch_start, window.period.end)
    parts = monthly_parts(await run(statement))
    return combine(Aggregation.RUNNING_TOTAL, parts, window.period.months)


async def approval_rate(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.approval_rate(window), window, PERCENT)


async def repeat_usage_rate(run: Run, window: Window) -> Figures:
    parts = monthly_parts(await run(statements.repeat_usage(window)))
    return combine(
        Aggregation.RUNNING_RATIO, parts, window.period.months, scale=PERCENT
    )


async def financing_time(run: Run, window: Window) -> Figures:
    statement = statements.financing_time(window)
    return await _ratio(run, statement, window, HOURS_PER_MICROSECOND)


async def monthly_active_smes(run: Run, window: Window) -> Figures:
    parts = monthly_parts(await run(statements.active_smes_by_month(window)))
    (trailing,) = (await run(statements.active_smes_trailing(window)))[0]
    return combine(
        Aggregation.TRAILING_30_DAYS,
        parts,
        window.period.months,
        trailing=Fraction(trailing),
    )


async def cost_per_acquisition(run: Run, window: Window) -> Figures:
    spend = monthly_parts(await run(statements.marketing_spend(window)))
    onboarded = monthly_parts(
        await run(statements.onboarded_by_month(window.period.start, window.period.end))
    )
    parts = spend_per_onboarded(spend, onboarded, window.period)
    return combine(Aggregation.RATIO, parts, window.period.months)


def spend_per_onboarded(
    spend: Mapping[date, Parts], onboarded: Mapping[date, Parts], period: Period
) -> dict[date, Parts]:
    """Pair each month's spend, pro-rated to the period's days, with its new SMEs.

    A month without spend entered has no parts: spend not yet entered is
    not a spend of zero (enter 0 for a month without spending).
    """
    parts = {}
    for month, spent in spend.items():
        inside = Fraction(period.days_inside(month), days_in_month(month))
        new_smes = onboarded.get(month)
        parts[month] = Parts(
            spent.numerator * inside,
            new_smes.numerator if new_smes else Fraction(0),
        )
    return parts


async def conversion_rate(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.conversion_rate(window), window, PERCENT)


async def referral_rate(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.referral_rate(window), window, PERCENT)


async def invoices_per_sme(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.invoices_per_sme(window), window, Fraction(1))


async def session_duration(run: Run, window: Window) -> Figures:
    statement = statements.session_duration(window)
    return await _ratio(run, statement, window, MINUTES_PER_MICROSECOND)


async def drop_off_rate(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.drop_off_rate(window), window, PERCENT)


async def support_resolution_time(run: Run, window: Window) -> Figures:
    statement = statements.support_resolution_time(window)
    return await _ratio(run, statement, window, HOURS_PER_MICROSECOND)


async def net_promoter_score(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.net_promoter_score(window), window, PERCENT)


async def churn_rate(run: Run, window: Window) -> Figures:
    """Churn of the months that have ended, each from the previous month's cohort."""
    months = window.period.months
    observed = [month for month in months if month_end(month) <= window.now]
    if not observed:
        return combine(Aggregation.RATIO, {}, months)

    cohort_start = india_day_start(add_months(observed[0], -1))
    cohort_end = india_day_start(observed[-1])
    rows = await run(statements.churn(cohort_start, cohort_end))
    parts = {
        add_months(cohort, 1): part for cohort, part in monthly_parts(rows).items()
    }
    return combine(Aggregation.RATIO, parts, months, scale=PERCENT)


async def feedback_rating(run: Run, window: Window) -> Figures:
    statement = statements.feedback_rating(window)
    return await _ratio(run, statement, window, Fraction(1))


async def default_rate(run: Run, window: Window) -> Figures:
    return await _ratio(run, statements.default_rate(window), window, PERCENT)


async def kyc_verification_time(run: Run, window: Window) -> Figures:
    statement = statements.kyc_verification_time(window)
    return await _ratio(run, statement, window, MINUTES_PER_MICROSECOND)


async def data_breaches(run: Run, window: Window) -> Figures:
    parts = monthly_parts(await run(statements.data_breaches(window)))
    return combine(Aggregation.COUNT, parts, window.period.months)


LOADERS: dict[KpiKey, MetricLoader] = {
    KpiKey.SMES_ONBOARDED: smes_onboarded,
    KpiKey.DISBURSED_VOLUME: disbursed_volume,
    KpiKey.APPROVAL_RATE: approval_rate,
    KpiKey.REPEAT_USAGE_RATE: repeat_usage_rate,
    KpiKey.FINANCING_TIME: financing_time,
    KpiKey.MONTHLY_ACTIVE_SMES: monthly_active_smes,
    KpiKey.COST_PER_ACQUISITION: cost_per_acquisition,
    KpiKey.CONVERSION_RATE: conversion_rate,
    KpiKey.REFERRAL_RATE: referral_rate,
    KpiKey.INVOICES_PER_SME: invoices_per_sme,
    KpiKey.SESSION_DURATION: session_duration,
    KpiKey.DROP_OFF_RATE: drop_off_rate,
    KpiKey.SUPPORT_RESOLUTION_TIME: support_resolution_time,
    KpiKey.NET_PROMOTER_SCORE: net_promoter_score,
    KpiKey.CHURN_RATE: churn_rate,
    KpiKey.FEEDBACK_RATING: feedback_rating,
    KpiKey.DEFAULT_RATE: default_rate,
    KpiKey.KYC_VERIFICATION_TIME: kyc_verification_time,
    KpiKey.DATA_BREACHES: data_breaches,
}


# --- the report ---------------------------------------------------------------


def judge(
    definition: KpiDefinition,
    value: Fraction | None,
    target: TargetBounds,
    window: Window,
    launch_month: date | None,
) -> tuple[ExactBounds | None, KpiStatus]:
    """Return what the value is judged against, and the status it earns."""
    if definition.deadline_months is None:
        bounds: ExactBounds | None = ExactBounds.of(target)
    elif launch_month is None:
        bounds = None
    else:
        last_month = window.period.months[-1]
        bounds = due_by(target, definition.deadline_months, launch_month, last_month)
    return bounds, evaluate(value, bounds)


async def compute_kpis(
    run: Run,
    period: Period,
    *,
    now: datetime,
    launch_date: date | None,
    targets: Mapping[KpiKey, TargetBounds],
) -> list[KpiResult]:
    """Compute every metric over `period`, in the order of their definitions."""
    # TODO: with 100,000 SMEs (5.6 million rows) the whole set for six months
    # still takes over a second on 2 cores (docs/benchmarks.md). Most of it is
    # grouping by SME and month or day. Storing the monthly parts of ended
    # months would leave only the current month to scan, but conversion,
    # drop-off and default rate are judged as of now, so their stored parts
    # would need refreshing.
    window = Window(period, statements.launch_start(launch_date), now)
    launch_month = None if launch_date is None else month_start(launch_date)
    # The loaders are independent; `run` decides how many run at once.
    all_figures = await asyncio.gather(
        *(LOADERS[definition.key](run, window) for definition in KPI_DEFINITIONS)
    )
    results = []
    for definition, figures in zip(KPI_DEFINITIONS, all_figures, strict=True):
        target = targets[definition.key]
        judged_against, status = judge(
            definition, figures.value, target, window, launch_month
        )
        results.append(
            KpiResult(
                definition=definition,
                value=figures.value,
                series=figures.series,
                target=target,
                judged_against=judged_against,
                status=status,
            )
        )
    return results
