"""GraphQL types of the success metrics, their targets and the milestones.

Every figure here is an aggregate. None of these types carries a row of any
entity or personal data, so MANAGEMENT may read them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import strawberry

from hundi.api.scalars import DecimalValue
from hundi.domain.enums import TargetDirection
from hundi.domain.kpi_targets import ExactBounds
from hundi.domain.kpi_values import display_value
from hundi.domain.kpis import (
    KPIS_BY_KEY,
    MILESTONES_BY_KEY,
    KpiGroup,
    KpiKey,
    KpiStatus,
    KpiUnit,
    MilestoneStatus,
    TargetBounds,
)
from hundi.services.kpis.milestones import MilestoneResult
from hundi.services.kpis.report import KpiResult

strawberry.enum(KpiKey, description="A success metric or milestone.")
strawberry.enum(KpiGroup, description="The group a success metric belongs to.")
strawberry.enum(
    KpiUnit,
    description=(
        "The unit of a value and its target: COUNT, RUPEES, PERCENT (0-100), "
        "HOURS, MINUTES, NPS_POINTS (-100 to 100), STARS (1-5), "
        "INVOICES_PER_SME_MONTH."
    ),
)
strawberry.enum(
    KpiStatus,
    description=(
        "How a value compares with its target: MET on the target's side of "
        "its bounds (bounds included); AT_RISK on the wrong side by at most "
        "10% of the bound; MISSED further off; NO_DATA without a value."
    ),
)
strawberry.enum(
    MilestoneStatus,
    description=(
        "MET once the actual figure reaches the target; IN_PROGRESS before "
        "the deadline otherwise; MISSED after it; NO_DATA without a launch "
        "date."
    ),
)


def _plain(value: Decimal | None) -> DecimalValue | None:
    """Drop trailing zeros of a stored bound: 50.0000 is shown as 50."""
    if value is None:
        return None
    return DecimalValue(Decimal(format(value.normalize(), "f")))


def _displayed(value: Fraction | None, unit: KpiUnit) -> DecimalValue | None:
    shown = display_value(value, unit)
    return None if shown is None else DecimalValue(shown)


@strawberry.type(name="KpiTarget", description="The target of a metric or milestone.")
class KpiTargetType:
    key: KpiKey = strawberry.field(description="The metric or milestone.")
    direction: TargetDirection = strawberry.field(
        description="AT_LEAST: low or more; AT_MOST: high or less; BETWEEN: "
        "from low to high. Bounds are included."
    )
    low: DecimalValue | None = strawberry.field(
        description="The lower bound, in the metric's unit."
    )
    high: DecimalValue | None = strawberry.field(
        description="The upper bound, in the metric's unit."
    )
    deadline_months: int | None = strawberry.field(
        description="For a target due within months of launch (such as 5,000 "
        "SMEs in 6 months): those months; null when every month must meet it."
    )
    wording: str = strawberry.field(
        description="The target as the target sheet words it, such as '>50%'."
    )


def target_type(key: KpiKey, target: TargetBounds) -> KpiTargetType:
    if key in KPIS_BY_KEY:
        wording = KPIS_BY_KEY[key].target_text
        deadline = KPIS_BY_KEY[key].deadline_months
    else:
        wording, deadline = MILESTONES_BY_KEY[key].target_text, None
    return KpiTargetType(
        key=key,
        direction=target.direction,
        low=_plain(target.low),
        high=_plain(target.high),
        deadline_months=deadline,
        wording=wording,
    )


@strawberry.type(name="KpiPoint", description="A metric's value in one month.")
class KpiPoint:
    month: date = strawberry.field(description="The first day of the month.")
    value: DecimalValue | None = strawberry.field(
        description="The value that month; null when there is nothing to divide by."
    )


@strawberry.type(
    name="Kpi",
    description="A success metric over a period, computed from the platform's "
    "own records, with its target and monthly trend.",
)
class KpiType:
    key: KpiKey = strawberry.field(description="Which metric.")
    name: str = strawberry.field(description="The metric's name.")
    group: KpiGroup = strawberry.field(description="The group it belongs to.")
    definition: str = strawberry.field(
        description="Exactly what is counted, from which records."
    )
    unit: KpiUnit = strawberry.field(description="The unit of value and target.")
    value: DecimalValue | None = strawberry.field(
        description="The value over the whole period, rounded half-up to the "
        "unit's places (0 for counts, 2 otherwise); null when there is nothing "
        "to divide by."
    )
    target: KpiTargetType = strawberry.field(description="The target.")
    target_to_date: DecimalValue | None = strawberry.field(
        description="For a target due within months of launch, the part due "
        "by the end of the period, which the status judges; null otherwise."
    )
    status: KpiStatus = strawberry.field(
        description="How the exact value compares with the target."
    )
    series: list[KpiPoint] = strawberry.field(
        description="The value in each calendar month the period touches."
    )


def _target_to_date(result: KpiResult) -> DecimalValue | None:
    due: ExactBounds | None = result.judged_against
    if result.definition.deadline_months is None or due is None:
        return None
    bound = due.low if due.low is not None else due.high
    return _displayed(bound, result.definition.unit)


def kpi_type(result: KpiResult) -> KpiType:
    definition = result.definition
    unit = definition.unit
    return KpiType(
        key=definition.key,
        name=definition.name,
        group=definition.group,
        definition=definition.definition,
        unit=unit,
        value=_displayed(result.value, unit),
        target=target_type(definition.key, result.target),
        target_to_date=_target_to_date(result),
        status=result.status,
        series=[
            KpiPoint(month=month, value=_displayed(value, unit))
            for month, value in result.series
        ],
    )


@strawberry.type(
    name="Milestone",
    description="A goal of the first months after launch, with its actual figure.",
)
class MilestoneType:
    key: KpiKey = strawberry.field(description="Which milestone.")
    name: str = strawberry.field(description="The milestone's name.")
    definition: str = strawberry.field(description="Exactly what is counted.")
    month: int = strawberry.field(
        description="The month by whose end it is due; 1 is the launch month."
    )
    due_on: date | None = strawberry.field(
        description="The last day of that month; null without a launch date."
    )
    unit: KpiUnit = strawberry.field(description="The unit of actual and target.")
    target: KpiTargetType = strawberry.field(description="The target.")
    actual: DecimalValue | None = strawberry.field(
        description="The figure counted from launch to the deadline (or to "
        "now, before it); null without a launch date."
    )
    status: MilestoneStatus = strawberry.field(
        description="Met, in progress or missed."
    )


def milestone_type(result: MilestoneResult) -> MilestoneType:
    definition = result.definition
    return MilestoneType(
        key=definition.key,
        name=definition.name,
        definition=definition.definition,
        month=definition.month,
        due_on=result.due_on,
        unit=definition.unit,
        target=target_type(definition.key, result.target),
        actual=_displayed(result.actual, definition.unit),
        status=result.status,
    )
