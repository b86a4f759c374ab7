"""The terms of a lender product as GraphQL input, shared by create and update."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import strawberry

from hundi.api.mutations import MutationError
from hundi.api.scalars import MoneyValue, RateValue
from hundi.domain.enums import DayCountConvention
from hundi.services.lending.products import TERM_FIELDS, ProductTerms


@strawberry.enum(description="Why createLenderProduct or updateLenderProduct failed.")
class LenderProductErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_RATE = "INVALID_RATE"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    INVALID_RANGE = "INVALID_RANGE"
    INVALID_STATE_CODE = "INVALID_STATE_CODE"
    NAME_TAKEN = "NAME_TAKEN"


@strawberry.type(description="An expected failure of a lender product mutation.")
class LenderProductError(MutationError):
    code: LenderProductErrorCode = strawberry.field(description="What failed.")


@strawberry.input(
    description="Every term of a lender product. Rates are fractions: 0.12 is 12%."
)
class LenderProductTermsInput:
    name: str = strawberry.field(description="Name, unique within your lender.")
    advance_rate: RateValue = strawberry.field(
        description="Share of the invoice total advanced, above 0 and at most 1."
    )
    min_annual_rate: RateValue = strawberry.field(
        description="Lowest annual discount rate an offer may carry."
    )
    max_annual_rate: RateValue = strawberry.field(
        description="Highest annual discount rate an offer may carry."
    )
    processing_fee_rate: RateValue = strawberry.field(
        description="Processing fee as a share of the advance, 0 or more, below 1."
    )
    processing_fee_min: MoneyValue = strawberry.field(
        description="Smallest processing fee of a loan; may be 0."
    )
    day_count: DayCountConvention = strawberry.field(
        description="Day count of the discount and penal interest."
    )
    min_tenor_days: int = strawberry.field(
        description="Shortest tenor, from disbursal to due date, 1 to 365 days."
    )
    max_tenor_days: int = strawberry.field(description="Longest tenor, in days.")
    min_amount: MoneyValue = strawberry.field(description="Smallest invoice total.")
    max_amount: MoneyValue = strawberry.field(description="Largest invoice total.")
    min_days_to_due: int = strawberry.field(
        description="Fewest days an invoice must have left to its due date."
    )
    recourse: bool = strawberry.field(
        description="Whether the SME repays if the buyer does not."
    )
    eligible_industries: list[str] = strawberry.field(
        description="Industries financed; an empty list finances all."
    )
    eligible_states: list[str] = strawberry.field(
        description="GST state codes financed, such as 27; an empty list finances all."
    )
    limit_per_buyer: MoneyValue = strawberry.field(
        description="Most the lender may have at stake on one buyer."
    )
    limit_per_sme: MoneyValue = strawberry.field(
        description="Most the lender may have at stake on one SME."
    )
    concentration_cap: RateValue = strawberry.field(
        description="Largest share of the lender's exposure allowed on one buyer."
    )
    concentration_floor: MoneyValue = strawberry.field(
        description="The cap binds once the lender's exposure after a new loan "
        "exceeds this amount; 0 makes it bind from the first loan."
    )
    instant_offer: bool = strawberry.field(
        default=False,
        description="Make an offer at once, at the instant rate, on every "
        "application this product fits.",
    )
    instant_annual_rate: RateValue | None = strawberry.field(
        default=None, description="Annual rate of instant offers; within the range."
    )
    penal_annual_rate: RateValue | None = strawberry.field(
        default=None,
        description="Annual penal rate on overdue principal; null charges none.",
    )
    offer_validity_days: int = strawberry.field(
        default=7, description="Days an offer stays open, 1 to 30."
    )


@strawberry.input(
    description="The terms to change; a field left out keeps its value. "
    "Rates are fractions: 0.12 is 12%."
)
class LenderProductChangesInput:
    name: str | None = strawberry.field(
        default=strawberry.UNSET, description="New name, unique within your lender."
    )
    advance_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="New share of the invoice total advanced."
    )
    min_annual_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="New lowest annual discount rate."
    )
    max_annual_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="New highest annual discount rate."
    )
    processing_fee_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET,
        description="New processing fee as a share of the advance.",
    )
    processing_fee_min: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New smallest processing fee."
    )
    day_count: DayCountConvention | None = strawberry.field(
        default=strawberry.UNSET, description="New day count."
    )
    min_tenor_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="New shortest tenor in days."
    )
    max_tenor_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="New longest tenor in days."
    )
    min_amount: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New smallest invoice total."
    )
    max_amount: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New largest invoice total."
    )
    min_days_to_due: int | None = strawberry.field(
        default=strawberry.UNSET, description="New fewest days left to the due date."
    )
    recourse: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Whether the SME repays if the buyer does not.",
    )
    eligible_industries: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="New industries financed; an empty list finances all.",
    )
    eligible_states: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="New GST state codes financed; an empty list finances all.",
    )
    limit_per_buyer: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New limit per buyer."
    )
    limit_per_sme: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New limit per SME."
    )
    concentration_cap: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="New concentration cap."
    )
    concentration_floor: MoneyValue | None = strawberry.field(
        default=strawberry.UNSET, description="New concentration floor."
    )
    instant_offer: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether to make instant offers."
    )
    instant_annual_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="Null turns instant offers' rate off."
    )
    penal_annual_rate: RateValue | None = strawberry.field(
        default=strawberry.UNSET, description="Null stops charging penal interest."
    )
    offer_validity_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="New days an offer stays open."
    )
    is_active: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="False deactivates the product: it takes no new applications "
        "or offers; loans made from it are unchanged.",
    )


# Fields that may be set to null; every other field left null keeps its value.
_NULLABLE = frozenset({"instant_annual_rate", "penal_annual_rate"})


def terms_from(input: LenderProductTermsInput) -> ProductTerms:
    values = {name: getattr(input, name) for name in TERM_FIELDS if name != "is_active"}
    return ProductTerms(**values)


def changes_from(input: LenderProductChangesInput) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(ProductTerms):
        value = getattr(input, field.name, strawberry.UNSET)
        if value is strawberry.UNSET:
            continue
        if value is None and field.name not in _NULLABLE:
            continue
        changes[field.name] = value
    return changes
