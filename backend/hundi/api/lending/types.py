"""GraphQL types of lenders, applications, offers, loans and repayments."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.invoices.types import BuyerType, InvoiceType
from hundi.api.relay import Node, register_node
from hundi.api.scalars import MoneyValue, RateValue
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import (
    ApplicationStatus,
    AssetClass,
    DayCountConvention,
    LenderKind,
    LoanStatus,
    OfferStatus,
    RepaymentStatus,
    Role,
)
from hundi.domain.masking import mask_email, mask_phone

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.type(
    name="LenderProduct",
    description="A lender's credit appetite and pricing for invoice financing.",
)
class LenderProductType(Node):
    name: str = strawberry.field(description="The product's name.")
    advance_rate: RateValue = strawberry.field(
        description="Share of the invoice total the lender advances."
    )
    min_annual_rate: RateValue = strawberry.field(description="Lowest annual rate.")
    max_annual_rate: RateValue = strawberry.field(description="Highest annual rate.")
    processing_fee_rate: RateValue = strawberry.field(
        description="Processing fee as a share of the advance."
    )
    processing_fee_min: MoneyValue = strawberry.field(
        description="Smallest processing fee charged."
    )
    day_count: DayCountConvention = strawberry.field(
        description="Day count for the discount."
    )
    min_tenor_days: int = strawberry.field(description="Shortest tenor in days.")
    max_tenor_days: int = strawberry.field(description="Longest tenor in days.")
    min_amount: MoneyValue = strawberry.field(description="Smallest invoice total.")
    max_amount: MoneyValue = strawberry.field(description="Largest invoice total.")
    min_days_to_due: int = strawberry.field(
        description="Fewest days an invoice must have left to its due date."
    )
    recourse: bool = strawberry.field(
        description="Whether the SME repays if the buyer does not."
    )
    eligible_industries: list[str] = strawberry.field(
        description="Industries financed; empty means all."
    )
    eligible_states: list[str] = strawberry.field(
        description="GST state codes financed; empty means all."
    )
    limit_per_buyer: MoneyValue = strawberry.field(
        description="Most the lender may have outstanding on one buyer."
    )
    limit_per_sme: MoneyValue = strawberry.field(
        description="Most the lender may have outstanding with one SME."
    )
    concentration_cap: RateValue = strawberry.field(
        description="Largest share of the lender's outstanding on one buyer."
    )
    instant_offer: bool = strawberry.field(
        description="Whether a matching application gets an offer at once."
    )
    instant_annual_rate: RateValue | None = strawberry.field(
        description="Annual rate of instant offers."
    )
    penal_annual_rate: RateValue | None = strawberry.field(
        description="Annual penal rate on overdue amounts, when charged."
    )
    offer_validity_days: int = strawberry.field(
        description="Days an offer from this product stays open."
    )
    is_active: bool = strawberry.field(description="Whether it takes applications.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.LenderProduct)


def _sees_lender_contacts(info: Info, lender: models.LenderPartner) -> bool:
    context: Context = info.context
    actor = context.actor
    if actor is None:
        return False
    if actor.role in (Role.OPS, Role.ADMIN):
        return True
    return actor.role is Role.LENDER and actor.lender_id == lender.id


@strawberry.type(name="LenderPartner", description="A bank or NBFC lending on Hundi.")
class LenderPartnerType(Node):
    name: str = strawberry.field(description="The lender's name.")
    kind: LenderKind = strawberry.field(description="Bank or NBFC.")
    registration_number: str = strawberry.field(
        description="RBI registration or licence number."
    )
    is_active: bool = strawberry.field(description="Whether it lends now.")
    onboarded_at: datetime = strawberry.field(description="When it joined Hundi.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.LenderPartner)

    @strawberry.field(description="Contact person.")
    def contact_name(self, info: Info) -> str | None:
        lender: models.LenderPartner = self  # type: ignore[assignment]
        return lender.contact_name if _sees_lender_contacts(info, lender) else None

    @strawberry.field(description="Contact e-mail; masked for other organisations.")
    def contact_email(self, info: Info) -> str:
        lender: models.LenderPartner = self  # type: ignore[assignment]
        if _sees_lender_contacts(info, lender):
            return lender.contact_email
        return mask_email(lender.contact_email)

    @strawberry.field(description="Contact phone; masked for other organisations.")
    def contact_phone(self, info: Info) -> str | None:
        lender: models.LenderPartner = self  # type: ignore[assignment]
        if lender.contact_phone is None or _sees_lender_contacts(info, lender):
            return lender.contact_phone
        return mask_phone(lender.contact_phone)

    @strawberry.field(description="The lender's products you may see.")
    async def products(self, info: Info) -> list[LenderProductType]:
        context: Context = info.context
        return await context.loaders.products_by_lender_id.load(self.id)  # type: ignore[return-value]


@strawberry.type(
    description="The key fact statement of an offer: what the SME gets and pays."
)
class KeyFactStatement:
    invoice_amount: MoneyValue = strawberry.field(
        description="Total of the invoices financed."
    )
    advance_amount: MoneyValue = strawberry.field(
        description="Amount financed: the advance rate times the invoice total. "
        "The buyer's payment of the invoice repays it."
    )
    discount_amount: MoneyValue = strawberry.field(
        description="Interest for the days from disbursal to the due date, "
        "deducted up front."
    )
    fee_amount: MoneyValue = strawberry.field(
        description="Processing fee, deducted up front."
    )
    net_amount: MoneyValue = strawberry.field(
        description="Paid into the SME's account: advance minus discount and fee."
    )
    annual_percentage_rate: RateValue = strawberry.field(
        description="All-in annual cost of the financing (discount and fee) on "
        "the net amount, over the tenor, on a 365-day year."
    )
    disbursal_date: date = strawberry.field(
        description="Disbursal date the quote assumes; the loan is priced again "
        "on the actual date by the same rules."
    )
    due_date: date = strawberry.field(description="Date repayment is due.")
    tenor_days: int = strawberry.field(description="Days from disbursal to due date.")


@strawberry.type(name="Offer", description="A lender's priced offer on an application.")
class OfferType(Node):
    status: OfferStatus = strawberry.field(description="State of the offer.")
    is_instant: bool = strawberry.field(
        description="Made automatically from the product's rate card."
    )
    advance_rate: RateValue = strawberry.field(description="Share advanced.")
    annual_rate: RateValue = strawberry.field(description="Annual discount rate.")
    processing_fee_rate: RateValue = strawberry.field(
        description="Processing fee as a share of the advance."
    )
    processing_fee_min: MoneyValue = strawberry.field(description="Smallest fee.")
    day_count: DayCountConvention = strawberry.field(description="Day count.")
    valid_until: datetime = strawberry.field(description="When the offer lapses.")
    decided_at: datetime | None = strawberry.field(
        description="When it was accepted, declined, withdrawn or expired."
    )
    created_at: datetime = strawberry.field(description="When it was made.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Offer)

    @strawberry.field(description="The full quote, as a key fact statement.")
    def key_facts(self) -> KeyFactStatement:
        offer: models.Offer = self  # type: ignore[assignment]
        return key_facts_of(offer, offer.quote_disbursal_date)

    @strawberry.field(description="The lender making the offer.")
    async def lender(self, info: Info) -> LenderPartnerType:
        context: Context = info.context
        return await context.loaders.lender_by_id.load(self.lender_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The product the offer is priced from.")
    async def product(self, info: Info) -> LenderProductType:
        context: Context = info.context
        return await context.loaders.lender_product_by_id.load(self.product_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The application the offer is made on.")
    async def application(self, info: Info) -> FinancingApplicationType:
        context: Context = info.context
        return await context.loaders.application_by_id.load(self.application_id)  # type: ignore[attr-defined, return-value]


def key_facts_of(
    row: models.Offer | models.Loan, disbursal_date: date
) -> KeyFactStatement:
    due_date = row.due_date
    return KeyFactStatement(
        invoice_amount=row.invoice_amount,  # type: ignore[arg-type]
        advance_amount=row.advance_amount,  # type: ignore[arg-type]
        discount_amount=row.discount_amount,  # type: ignore[arg-type]
        fee_amount=row.fee_amount,  # type: ignore[arg-type]
        net_amount=row.net_amount,  # type: ignore[arg-type]
        annual_percentage_rate=row.annual_percentage_rate,  # type: ignore[arg-type]
        disbursal_date=disbursal_date,
        due_date=due_date,
        tenor_days=(due_date - disbursal_date).days,
    )


@strawberry.type(
    name="FinancingApplication",
    description="An SME's request to finance one or more of its invoices.",
)
class FinancingApplicationType(Node):
    status: ApplicationStatus = strawberry.field(description="State.")
    requested_amount: MoneyValue = strawberry.field(
        description="Total of the invoices in the application."
    )
    submitted_at: datetime = strawberry.field(description="When it was submitted.")
    expires_at: datetime = strawberry.field(
        description="When it expires if no offer is accepted."
    )
    decided_at: datetime | None = strawberry.field(
        description="When the SME accepted an offer."
    )
    closed_at: datetime | None = strawberry.field(
        description="When it was withdrawn, declined or expired."
    )

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.FinancingApplication)

    @strawberry.field(description="The SME applying.")
    async def sme(self, info: Info) -> SmeRef:
        context: Context = info.context
        return await context.loaders.sme_by_id.load(self.sme_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The invoices to finance, in the SME's order.")
    async def invoices(self, info: Info) -> list[InvoiceType]:
        context: Context = info.context
        return await context.loaders.invoices_by_application_id.load(self.id)  # type: ignore[return-value]

    @strawberry.field(description="Offers made on it that you may see.")
    async def offers(self, info: Info) -> list[OfferType]:
        context: Context = info.context
        return await context.loaders.offers_by_application_id.load(self.id)  # type: ignore[return-value]


@strawberry.type(name="Repayment", description="Money received against a loan.")
class RepaymentType(Node):
    status: RepaymentStatus = strawberry.field(description="Posted or reversed.")
    amount: MoneyValue = strawberry.field(description="Amount received.")
    received_on: date = strawberry.field(description="Value date of the receipt.")
    bank_reference: str = strawberry.field(description="Bank reference (UTR).")
    allocated_penal: MoneyValue = strawberry.field(
        description="Part applied to penal interest."
    )
    allocated_principal: MoneyValue = strawberry.field(
        description="Part applied to the amount financed."
    )
    excess_amount: MoneyValue = strawberry.field(
        description="Part beyond what was owed, refundable to the SME."
    )
    reversed_at: datetime | None = strawberry.field(description="When reversed.")
    reversal_reason: str | None = strawberry.field(description="Why reversed.")
    created_at: datetime = strawberry.field(description="When it was recorded.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Repayment)


@strawberry.type(name="Loan", description="The financing of one invoice.")
class LoanType(Node):
    status: LoanStatus = strawberry.field(description="State of the loan.")
    asset_class: AssetClass = strawberry.field(
        description="RBI class at the last day-end."
    )
    days_past_due: int = strawberry.field(
        description="Days past due at the last day-end."
    )
    day_count: DayCountConvention = strawberry.field(description="Day count.")
    advance_rate: RateValue = strawberry.field(description="Share advanced.")
    annual_rate: RateValue = strawberry.field(description="Annual discount rate.")
    recourse: bool = strawberry.field(description="With recourse to the SME.")
    invoice_amount: MoneyValue = strawberry.field(description="Invoice total.")
    advance_amount: MoneyValue = strawberry.field(description="Amount financed.")
    discount_amount: MoneyValue = strawberry.field(description="Discount deducted.")
    fee_amount: MoneyValue = strawberry.field(description="Processing fee deducted.")
    net_amount: MoneyValue = strawberry.field(description="Amount paid out.")
    annual_percentage_rate: RateValue = strawberry.field(
        description="All-in annual cost on the net amount."
    )
    due_date: date = strawberry.field(description="Repayment due date.")
    disbursal_date: date | None = strawberry.field(description="Value date paid out.")
    disbursed_at: datetime | None = strawberry.field(
        description="When the disbursal was approved."
    )
    principal_outstanding: MoneyValue = strawberry.field(
        description="Amount financed still owed."
    )
    penal_outstanding: MoneyValue = strawberry.field(
        description="Penal interest still owed."
    )
    refund_due: MoneyValue = strawberry.field(
        description="Over-payment owed back to the SME."
    )
    repaid_at: datetime | None = strawberry.field(description="When fully repaid.")
    written_off_at: datetime | None = strawberry.field(description="When written off.")
    written_off_amount: MoneyValue | None = strawberry.field(
        description="Amount written off."
    )
    recovered_amount: MoneyValue = strawberry.field(
        description="Recovered after write-off."
    )
    created_at: datetime = strawberry.field(description="When it was booked.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Loan)

    @strawberry.field(description="The invoice financed.")
    async def invoice(self, info: Info) -> InvoiceType:
        context: Context = info.context
        return await context.loaders.invoice_by_id.load(self.invoice_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The SME financed.")
    async def sme(self, info: Info) -> SmeRef:
        context: Context = info.context
        return await context.loaders.sme_by_id.load(self.sme_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The buyer who owes the invoice.")
    async def buyer(self, info: Info) -> BuyerType:
        context: Context = info.context
        return await context.loaders.buyer_by_id.load(self.buyer_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The lender.")
    async def lender(self, info: Info) -> LenderPartnerType:
        context: Context = info.context
        return await context.loaders.lender_by_id.load(self.lender_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="Repayments received, oldest first.")
    async def repayments(self, info: Info) -> list[RepaymentType]:
        context: Context = info.context
        return await context.loaders.repayments_by_loan_id.load(self.id)  # type: ignore[return-value]


register_node(models.LenderProduct, "LenderProduct")
register_node(models.LenderPartner, "LenderPartner")
register_node(models.Offer, "Offer")
register_node(models.FinancingApplication, "FinancingApplication")
register_node(models.Repayment, "Repayment")
register_node(models.Loan, "Loan")
