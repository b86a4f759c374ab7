"""The success metrics and milestones: what each one counts, and its target.

This module is the one place that defines them. The API shows these names
and definitions, the migration and the demo seed store these targets, and
docs/metrics.md explains the same definitions with the reason for each
choice (a test keeps the two in step).

Words used the same way in every definition:

- onboarded: the SME's KYC was verified (`smes.kyc_verified_at`); only then
  can it upload invoices and apply for financing.
- use of the platform: submitting a financing application.
- active: a signed-in app session started, or an application submitted.
- month: a calendar month in India time (Asia/Kolkata), unless a definition
  states otherwise.

A ratio whose denominator is zero has no value (null), never 0. A count is 0
when nothing happened.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from hundi.domain.enums import TargetDirection


class KpiKey(enum.StrEnum):
    """The key of a metric or milestone, also the key of its stored target."""

    SMES_ONBOARDED = "SMES_ONBOARDED"
    DISBURSED_VOLUME = "DISBURSED_VOLUME"
    APPROVAL_RATE = "APPROVAL_RATE"
    REPEAT_USAGE_RATE = "REPEAT_USAGE_RATE"
    FINANCING_TIME = "FINANCING_TIME"
    MONTHLY_ACTIVE_SMES = "MONTHLY_ACTIVE_SMES"
    COST_PER_ACQUISITION = "COST_PER_ACQUISITION"
    CONVERSION_RATE = "CONVERSION_RATE"
    REFERRAL_RATE = "REFERRAL_RATE"
    INVOICES_PER_SME = "INVOICES_PER_SME"
    SESSION_DURATION = "SESSION_DURATION"
    DROP_OFF_RATE = "DROP_OFF_RATE"
    SUPPORT_RESOLUTION_TIME = "SUPPORT_RESOLUTION_TIME"
    NET_PROMOTER_SCORE = "NET_PROMOTER_SCORE"
    CHURN_RATE = "CHURN_RATE"
    FEEDBACK_RATING = "FEEDBACK_RATING"
    DEFAULT_RATE = "DEFAULT_RATE"
    KYC_VERIFICATION_TIME = "KYC_VERIFICATION_TIME"
    DATA_BREACHES = "DATA_BREACHES"
    LAUNCH_MONTH_REGISTERED_SMES = "LAUNCH_MONTH_REGISTERED_SMES"
    MONTH_2_LENDER_PARTNERS = "MONTH_2_LENDER_PARTNERS"
    MONTH_3_TOTAL_DISBURSED = "MONTH_3_TOTAL_DISBURSED"


class KpiGroup(enum.StrEnum):
    BUSINESS = "BUSINESS"
    ACQUISITION = "ACQUISITION"
    PRODUCT_USAGE = "PRODUCT_USAGE"
    CUSTOMER_SATISFACTION = "CUSTOMER_SATISFACTION"
    RISK_AND_COMPLIANCE = "RISK_AND_COMPLIANCE"


class KpiUnit(enum.StrEnum):
    """The unit of a value and of its target."""

    COUNT = "COUNT"
    RUPEES = "RUPEES"
    PERCENT = "PERCENT"
    HOURS = "HOURS"
    MINUTES = "MINUTES"
    NPS_POINTS = "NPS_POINTS"
    STARS = "STARS"
    INVOICES_PER_SME_MONTH = "INVOICES_PER_SME_MONTH"


class KpiStatus(enum.StrEnum):
    MET = "MET"
    AT_RISK = "AT_RISK"
    MISSED = "MISSED"
    NO_DATA = "NO_DATA"


class MilestoneStatus(enum.StrEnum):
    MET = "MET"
    IN_PROGRESS = "IN_PROGRESS"
    MISSED = "MISSED"
    NO_DATA = "NO_DATA"


class Aggregation(enum.StrEnum):
    """The rule that turns a metric's monthly parts into the value of a period."""

    # Sum of the numerators over the sum of the denominators.
    RATIO = "RATIO"
    # Sum of monthly counts.
    COUNT = "COUNT"
    # Running total since launch, at the end of the period.
    RUNNING_TOTAL = "RUNNING_TOTAL"
    # Running numerator over running denominator since launch.
    RUNNING_RATIO = "RUNNING_RATIO"
    # A count over the 30 days that end on the period's last day.
    TRAILING_30_DAYS = "TRAILING_30_DAYS"


# Decimal places of displayed values, by unit. Every value is rounded half-up.
DISPLAY_PLACES = {
    KpiUnit.COUNT: 0,
    KpiUnit.RUPEES: 2,
    KpiUnit.PERCENT: 2,
    KpiUnit.HOURS: 2,
    KpiUnit.MINUTES: 2,
    KpiUnit.NPS_POINTS: 2,
    KpiUnit.STARS: 2,
    KpiUnit.INVOICES_PER_SME_MONTH: 2,
}

# The smallest and largest target a unit allows (None: no bound).
UNIT_RANGES: dict[KpiUnit, tuple[Decimal | None, Decimal | None]] = {
    KpiUnit.COUNT: (Decimal(0), None),
    KpiUnit.RUPEES: (Decimal(0), None),
    KpiUnit.PERCENT: (Decimal(0), Decimal(100)),
    KpiUnit.HOURS: (Decimal(0), None),
    KpiUnit.MINUTES: (Decimal(0), None),
    KpiUnit.NPS_POINTS: (Decimal(-100), Decimal(100)),
    KpiUnit.STARS: (Decimal(1), Decimal(5)),
    KpiUnit.INVOICES_PER_SME_MONTH: (Decimal(0), None),
}


@dataclass(frozen=True)
class TargetBounds:
    """A target: the side of its bounds that counts as met, and the bounds.

    Bounds are inclusive, so ">50%" on the target sheet is AT_LEAST 50.
    """

    direction: TargetDirection
    low: Decimal | None = None
    high: Decimal | None = None


def at_least(low: str) -> TargetBounds:
    return TargetBounds(TargetDirection.AT_LEAST, low=Decimal(low))


def at_most(high: str) -> TargetBounds:
    return TargetBounds(TargetDirection.AT_MOST, high=Decimal(high))


def between(low: str, high: str) -> TargetBounds:
    return TargetBounds(TargetDirection.BETWEEN, low=Decimal(low), high=Decimal(high))


@dataclass(frozen=True)
class KpiDefinition:
    key: KpiKey
    name: str
    group: KpiGroup
    unit: KpiUnit
    aggregation: Aggregation
    target: TargetBounds
    # The target as the target sheet words it.
    target_text: str
    definition: str
    # For a target due within some months of launch ("5,000 in the first 6
    # months"): those months. None for a target every month must meet.
    deadline_months: int | None = None


@dataclass(frozen=True)
class MilestoneDefinition:
    key: KpiKey
    name: str
    # The month after launch by whose end the target is due: 1 is the
    # launch month itself.
    month: int
    unit: KpiUnit
    target: TargetBounds
    target_text: str
    definition: str


KPI_DEFINITIONS: tuple[KpiDefinition, ...] = (
    KpiDefinition(
        key=KpiKey.SMES_ONBOARDED,
        name="Total SMEs onboarded",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.COUNT,
        aggregation=Aggregation.RUNNING_TOTAL,
        target=at_least("5000"),
        target_text="5,000 in the first 6 months",
        deadline_months=6,
        definition=(
            "Number of SMEs whose KYC was verified (smes.kyc_verified_at) from "
            "the launch date to the end of the period. Each month of the series "
            "is the running total at that month's end."
        ),
    ),
    KpiDefinition(
        key=KpiKey.DISBURSED_VOLUME,
        name="Loan disbursed volume",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.RUPEES,
        aggregation=Aggregation.RUNNING_TOTAL,
        target=at_least("100000000"),
        target_text="₹10 Cr+ within 6 months",
        deadline_months=6,
        definition=(
            "Sum of the invoice amounts (loans.invoice_amount) of the loans "
            "disbursed (loans.disbursed_at) from the launch date to the end of "
            "the period. Each month of the series is the running total at that "
            "month's end."
        ),
    ),
    KpiDefinition(
        key=KpiKey.APPROVAL_RATE,
        name="Approval rate",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_least("50"),
        target_text=">50%",
        definition=(
            "Approved applications as a percentage of decided financing "
            "applications, by the month they were submitted (submitted_at). An "
            "application is approved when at least one lender made an offer on "
            "it. It is decided when approved, or DECLINED or EXPIRED without "
            "an offer; applications still waiting for lenders and those "
            "withdrawn before any offer are left out."
        ),
    ),
    KpiDefinition(
        key=KpiKey.REPEAT_USAGE_RATE,
        name="Repeat usage rate",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RUNNING_RATIO,
        target=at_least("40"),
        target_text=">40%",
        definition=(
            "SMEs that submitted financing applications on at least two "
            "different days (India time) as a percentage of the SMEs that "
            "submitted at least one, counting applications from the launch "
            "date to the end of the period. Each month of the series is the "
            "percentage at that month's end."
        ),
    ),
    KpiDefinition(
        key=KpiKey.FINANCING_TIME,
        name="Average financing time",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.HOURS,
        aggregation=Aggregation.RATIO,
        target=at_most("72"),
        target_text="<72 hours",
        definition=(
            "Average time in hours from the upload of an invoice "
            "(invoices.created_at) to the disbursal of its loan "
            "(loans.disbursed_at), over the loans disbursed in the month."
        ),
    ),
    KpiDefinition(
        key=KpiKey.MONTHLY_ACTIVE_SMES,
        name="Monthly active SMEs",
        group=KpiGroup.BUSINESS,
        unit=KpiUnit.COUNT,
        aggregation=Aggregation.TRAILING_30_DAYS,
        target=at_least("2000"),
        target_text="2,000+ MAU",
        definition=(
            "Number of distinct SMEs that started a signed-in app session "
            "(app_sessions.started_at) or submitted a financing application "
            "(submitted_at). The period's value counts the 30 days ending on "
            "its last day, or today when the period ends later; each month of "
            "the series counts that calendar month."
        ),
    ),
    KpiDefinition(
        key=KpiKey.COST_PER_ACQUISITION,
        name="Cost per acquisition",
        group=KpiGroup.ACQUISITION,
        unit=KpiUnit.RUPEES,
        aggregation=Aggregation.RATIO,
        target=between("300", "500"),
        target_text="₹300 to ₹500",
        definition=(
            "Marketing spend of every channel divided by the number of SMEs "
            "onboarded (smes.kyc_verified_at) in the same months. Spend is "
            "entered per calendar month; a month partly inside the period "
            "counts with the share of its days that are inside."
        ),
    ),
    KpiDefinition(
        key=KpiKey.CONVERSION_RATE,
        name="Conversion rate",
        group=KpiGroup.ACQUISITION,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_least("15"),
        target_text=">15%",
        definition=(
            "Visitors who completed onboarding as a percentage of new "
            "visitors, by the month a visitor id was first seen "
            "(visitors.first_seen_at). A visitor completed onboarding when it "
            "is linked to an SME whose KYC was verified and that uploaded at "
            "least one invoice, both before the end of the period."
        ),
    ),
    KpiDefinition(
        key=KpiKey.REFERRAL_RATE,
        name="Referral rate",
        group=KpiGroup.ACQUISITION,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_least("20"),
        target_text=">20%",
        definition=(
            "SMEs registered through the REFERRAL or PARTNER acquisition "
            "channel as a percentage of all SMEs registered in the month "
            "(smes.created_at)."
        ),
    ),
    KpiDefinition(
        key=KpiKey.INVOICES_PER_SME,
        name="Invoices uploaded per SME",
        group=KpiGroup.PRODUCT_USAGE,
        unit=KpiUnit.INVOICES_PER_SME_MONTH,
        aggregation=Aggregation.RATIO,
        target=at_least("3"),
        target_text=">3 per month",
        definition=(
            "Invoices uploaded in a month (invoices.created_at, in any status) "
            "divided by the number of SMEs that uploaded at least one that "
            "month. Over several months: all invoices divided by the sum of "
            "each month's uploading SMEs."
        ),
    ),
    KpiDefinition(
        key=KpiKey.SESSION_DURATION,
        name="Dashboard engagement",
        group=KpiGroup.PRODUCT_USAGE,
        unit=KpiUnit.MINUTES,
        aggregation=Aggregation.RATIO,
        target=at_least("5"),
        target_text=">5 mins/session",
        definition=(
            "Average length in minutes of the app sessions of SME users started "
            "in the month: last activity (app_sessions.last_activity_at) minus "
            "start (started_at). Sessions of lender and platform users are left "
            "out."
        ),
    ),
    KpiDefinition(
        key=KpiKey.DROP_OFF_RATE,
        name="Application drop-off rate",
        group=KpiGroup.PRODUCT_USAGE,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_most("10"),
        target_text="<10%",
        definition=(
            "Abandoned starts as a percentage of starts. A start is an SME's "
            "first KYC_STARTED or APPLICATION_STARTED event of a month; it is "
            "abandoned when the SME submitted no KYC (kyc_submissions."
            "submitted_at), or no financing application, within 7 days after "
            "it. Starts less than 7 days old are left out."
        ),
    ),
    KpiDefinition(
        key=KpiKey.SUPPORT_RESOLUTION_TIME,
        name="Support query resolution time",
        group=KpiGroup.PRODUCT_USAGE,
        unit=KpiUnit.HOURS,
        aggregation=Aggregation.RATIO,
        target=at_most("24"),
        target_text="<24 hours",
        definition=(
            "Average time in hours from opening a support ticket (opened_at) to "
            "resolving it (resolved_at), over the tickets resolved in the month. "
            "The first answer (first_response_at) falls within that time."
        ),
    ),
    KpiDefinition(
        key=KpiKey.NET_PROMOTER_SCORE,
        name="Net Promoter Score",
        group=KpiGroup.CUSTOMER_SATISFACTION,
        unit=KpiUnit.NPS_POINTS,
        aggregation=Aggregation.RATIO,
        target=at_least("70"),
        target_text=">70",
        definition=(
            "Percentage of promoters (score 9 or 10) minus percentage of "
            "detractors (score 0 to 6) among the 0-10 survey scores given in "
            "the month (survey_responses.answered_at); from -100 to 100."
        ),
    ),
    KpiDefinition(
        key=KpiKey.CHURN_RATE,
        name="Churn rate",
        group=KpiGroup.CUSTOMER_SATISFACTION,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_most("5"),
        target_text="<5%",
        definition=(
            "Of the SMEs whose first financing application (submitted_at) fell "
            "in the previous calendar month, the percentage that neither "
            "started a signed-in app session nor submitted an application in "
            "the month. A month has a value once it has ended; whole calendar "
            "months are used even when the period starts or ends mid-month."
        ),
    ),
    KpiDefinition(
        key=KpiKey.FEEDBACK_RATING,
        name="Feedback rating",
        group=KpiGroup.CUSTOMER_SATISFACTION,
        unit=KpiUnit.STARS,
        aggregation=Aggregation.RATIO,
        target=at_least("4.5"),
        target_text=">4.5 / 5",
        definition=(
            "Average of the 1-5 star ratings of features and support given in "
            "survey answers in the month (survey_responses.answered_at)."
        ),
    ),
    KpiDefinition(
        key=KpiKey.DEFAULT_RATE,
        name="Loan default rate",
        group=KpiGroup.RISK_AND_COMPLIANCE,
        unit=KpiUnit.PERCENT,
        aggregation=Aggregation.RATIO,
        target=at_most("3"),
        target_text="<3%",
        definition=(
            "Of the disbursed loans due in the month (loans.due_date), the "
            "percentage not repaid in full within 30 days after the due date: "
            "still unpaid (no loans.repaid_at), or with its last posted "
            "repayment received (repayments.received_on) later than that. A "
            "loan counts once 30 days have passed since its due date."
        ),
    ),
    KpiDefinition(
        key=KpiKey.KYC_VERIFICATION_TIME,
        name="KYC verification time",
        group=KpiGroup.RISK_AND_COMPLIANCE,
        unit=KpiUnit.MINUTES,
        aggregation=Aggregation.RATIO,
        target=at_most("15"),
        target_text="<15 mins",
        definition=(
            "Average time in minutes from an SME starting KYC to its KYC being "
            "verified, over the SMEs verified in the month "
            "(smes.kyc_verified_at). The start is the earliest started_at of "
            "the SME's KYC submissions, or the earliest submitted_at where the "
            "web app sent no start."
        ),
    ),
    KpiDefinition(
        key=KpiKey.DATA_BREACHES,
        name="Data breaches",
        group=KpiGroup.RISK_AND_COMPLIANCE,
        unit=KpiUnit.COUNT,
        aggregation=Aggregation.COUNT,
        target=at_most("0"),
        target_text="0",
        definition=(
            "Number of recorded security incidents that exposed personal data "
            "(security_incidents.personal_data_exposed), by the month they "
            "occurred (occurred_at)."
        ),
    ),
)

MILESTONE_DEFINITIONS: tuple[MilestoneDefinition, ...] = (
    MilestoneDefinition(
        key=KpiKey.LAUNCH_MONTH_REGISTERED_SMES,
        name="Registered SMEs in the launch month",
        month=1,
        unit=KpiUnit.COUNT,
        target=at_least("500"),
        target_text="500+",
        definition=(
            "SMEs registered (smes.created_at) from the launch date to the end "
            "of the launch month."
        ),
    ),
    MilestoneDefinition(
        key=KpiKey.MONTH_2_LENDER_PARTNERS,
        name="Lender partners onboarded by month 2",
        month=2,
        unit=KpiUnit.COUNT,
        target=at_least("2"),
        target_text="2 onboarded",
        definition=(
            "Lender partners onboarded (lender_partners.onboarded_at) before the "
            "end of the second month, counting from the launch month and "
            "including partners onboarded before launch."
        ),
    ),
    MilestoneDefinition(
        key=KpiKey.MONTH_3_TOTAL_DISBURSED,
        name="Total disbursed by month 3",
        month=3,
        unit=KpiUnit.RUPEES,
        target=at_least("20000000"),
        target_text="₹2 Cr+",
        definition=(
            "Invoice amounts of the loans disbursed (loans.disbursed_at) from "
            "the launch date to the end of the third month, counting from the "
            "launch month: the same measure as the loan disbursed volume."
        ),
    ),
)

KPIS_BY_KEY = {definition.key: definition for definition in KPI_DEFINITIONS}
MILESTONES_BY_KEY = {definition.key: definition for definition in MILESTONE_DEFINITIONS}


def default_targets() -> dict[KpiKey, TargetBounds]:
    """Return the target sheet's target of every metric and milestone."""
    targets = {definition.key: definition.target for definition in KPI_DEFINITIONS}
    for milestone in MILESTONE_DEFINITIONS:
        targets[milestone.key] = milestone.target
    return targets


def unit_of(key: KpiKey) -> KpiUnit:
    """Return the unit of a metric or milestone."""
    if key in KPIS_BY_KEY:
        return KPIS_BY_KEY[key].unit
    return MILESTONES_BY_KEY[key].unit
