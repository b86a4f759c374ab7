"""GraphQL types of lenders, applications, offers, loans and repayments."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.invoices.types import BuyerType, InvoiceType
from hundi.api.related import Relation, related
from hundi.api.relay import Node, register_node
from hundi.api.scalars import MoneyValue, RateValue
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import (
    ApplicationStatus,
    AssetClass,
    DayCountConvention,
    DisbursalStatus,
    LenderKind,
    LoanStatus,
    OfferStatus,
    RepaymentStatus,
    Role,
)
from hundi.domain.masking import mask_email, mask_phone
from hundi.services.lending.expiry import (
    effective_application_status,
    effective_offer_status,
)

if TYPE_CHECKING:
    from hundi.api.context import Context
    from hundi.api.lending.exposure import LenderExposure

LenderExposureRef = Annotated[
    "LenderExposure", strawberry.lazy("hundi.api.lending.exposure")
]


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
        description="Largest share of the lender's exposure on one buyer; it "
        "binds once the exposure after a new loan exceeds the concentration floor."
    )
    concentration_floor: MoneyValue = strawberry.field(
        description="Exposure of the lender above which the concentration cap "
        "binds; a share of a small book says little."
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


@strawberry.type(
    description="One invoice of an offer, priced on its own; the offer's key "
    "facts are the sums of its lines."
)
class OfferLineType:
    invoice_id: strawberry.Private[uuid.UUID]
    due_date: date = strawberry.field(description="Due date of the invoice.")
    invoice_amount: MoneyValue = strawberry.field(description="Invoice total.")
    advance_amount: MoneyValue = strawberry.field(description="Amount financed.")
    discount_amount: MoneyValue = strawberry.field(
        description="Discount for the days from disbursal to the due date."
    )
    fee_amount: MoneyValue = strawberry.field(description="Processing fee.")
    net_amount: MoneyValue = strawberry.field(description="Paid to the SME.")
    annual_percentage_rate: RateValue = strawberry.field(
        description="All-in annual cost of this invoice's financing."
    )
    tenor_days: int = strawberry.field(
        description="Days from the quote's disbursal date to the due date."
    )

    @strawberry.field(description="The invoice.")
    async def invoice(self, info: Info) -> InvoiceType | None:
        context: Context = info.context
        return await context.loaders.invoice_by_id.load(self.invoice_id)  # type: ignore[return-value]


@strawberry.type(
    name="Disbursal",
    description="A bank transfer paying out an accepted offer, under maker-checker.",
)
class DisbursalType(Node):
    status: DisbursalStatus = strawberry.field(description="State of the request.")
    utr: str = strawberry.field(description="Bank reference (UTR) of the transfer.")
    value_date: date = strawberry.field(
        description="Date the money reached the SME; the loans are priced on it."
    )
    amount: MoneyValue = strawberry.field(
        description="Sum of the loans' net amounts on the value date."
    )
    requested_at: datetime = strawberry.field(description="When it was requested.")
    decided_at: datetime | None = strawberry.field(
        description="When it was approved or rejected."
    )
    rejection_reason: str | None = strawberry.field(description="Why it was rejected.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Disbursal)

    @strawberry.field(
        description="Whether you requested it; the requester cannot approve it."
    )
    def requested_by_you(self, info: Info) -> bool:
        context: Context = info.context
        actor = context.actor
        disbursal: models.Disbursal = self  # type: ignore[assignment]
        return actor is not None and disbursal.requested_by_user_id == actor.user_id

    @strawberry.field(description="The offer paid out.")
    async def offer(self, info: Info) -> OfferType | None:
        context: Context = info.context
        return await context.loaders.offer_by_id.load(self.offer_id)  # type: ignore[attr-defined, return-value]


@strawberry.type(name="Offer", description="A lender's priced offer on an application.")
class OfferType(Node):
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

    @strawberry.field(
        description="State of the offer; an open offer past its validity reads EXPIRED."
    )
    def status(self) -> OfferStatus:
        offer: models.Offer = self  # type: ignore[assignment]
        return effective_offer_status(offer, datetime.now(UTC))

    @strawberry.field(description="Each invoice's own quote, in the SME's order.")
    async def lines(self, info: Info) -> list[OfferLineType]:
        context: Context = info.context
        offer: models.Offer = self  # type: ignore[assignment]
        rows = await context.loaders.offer_lines_by_offer_id.load(offer.id)
        return [
            OfferLineType(
                invoice_id=row.invoice_id,
                due_date=row.due_date,
                invoice_amount=row.invoice_amount,  # type: ignore[arg-type]
                advance_amount=row.advance_amount,  # type: ignore[arg-type]
                discount_amount=row.discount_amount,  # type: ignore[arg-type]
                fee_amount=row.fee_amount,  # type: ignore[arg-type]
                net_amount=row.net_amount,  # type: ignore[arg-type]
                annual_percentage_rate=row.annual_percentage_rate,  # type: ignore[arg-type]
                tenor_days=(row.due_date - offer.quote_disbursal_date).days,
            )
            for row in rows
        ]

    @strawberry.field(description="Disbursals requested on it, oldest first.")
    async def disbursals(self, info: Info) -> list[DisbursalType]:
        context: Context = info.context
        return await context.loaders.disbursals_by_offer_id.load(self.id)  # type: ignore[return-value]

    @strawberry.field(description="The full quote, as a key fact statement.")
    def key_facts(self) -> KeyFactStatement:
        offer: models.Offer = self  # type: ignore[assignment]
        return key_facts_of(offer, offer.quote_disbursal_date)

    @strawberry.field(description="The lender making the offer.")
    def lender(self, info: Info) -> LenderPartnerType:
        return related(info.context.loaders.lender_by_id, self.lender_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The product the offer is priced from.")
    def product(self, info: Info) -> LenderProductType:
        return related(info.context.loaders.lender_product_by_id, self.product_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The application the offer is made on.")
    def application(self, info: Info) -> FinancingApplicationType:
        return related(info.context.loaders.application_by_id, self.application_id)  # type: ignore[attr-defined]


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
    name="ApplicationLenderMatch",
    description="Whether an application fits a lender's products, and why or why not.",
)
class ApplicationLenderMatchType:
    matched: bool = strawberry.field(
        description="Whether one of the lender's active products fits."
    )
    reasons: list[str] = strawberry.field(
        description="Why it fits, or each product's reasons for not fitting: "
        "amount bounds, tenor, days to the due date, industry, state, limits."
    )
    declined_at: datetime | None = strawberry.field(
        description="When the lender declined the application."
    )
    decline_reason: str | None = strawberry.field(
        description="Why the lender declined it."
    )
    created_at: datetime = strawberry.field(description="When it was matched.")

    @strawberry.field(description="The lender.")
    async def lender(self, info: Info) -> LenderPartnerType | None:
        context: Context = info.context
        return await context.loaders.lender_by_id.load(self.lender_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="The product that fits; null when none does.")
    async def product(self, info: Info) -> LenderProductType | None:
        context: Context = info.context
        product_id = self.product_id  # type: ignore[attr-defined]
        if product_id is None:
            return None
        return await context.loaders.lender_product_by_id.load(product_id)  # type: ignore[return-value]


@strawberry.type(
    name="FinancingApplication",
    description="An SME's request to finance one or more of its invoices.",
)
class FinancingApplicationType(Node):
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

    @strawberry.field(
        description="State; an open application past its expiry reads EXPIRED."
    )
    def status(self) -> ApplicationStatus:
        application: models.FinancingApplication = self  # type: ignore[assignment]
        return effective_application_status(application, datetime.now(UTC))

    @strawberry.field(
        description="How the application matched each lender's products, and why "
        "or why not: every lender for OPS and ADMIN, your own lender for a LENDER "
        "user, none for SMEs."
    )
    def lender_matches(self, info: Info) -> list[ApplicationLenderMatchType]:
        return related(info.context.loaders.matches_by_application_id, self.id)

    @strawberry.field(
        description="For a LENDER user: your lender's exposure on this SME and "
        "its buyers, and the headroom left under the matched product's limits. "
        "Null for everyone else."
    )
    async def lender_exposure(self, info: Info) -> LenderExposureRef | None:
        from hundi.api.lending.exposure import lender_exposure_of

        application: models.FinancingApplication = self  # type: ignore[assignment]
        return await lender_exposure_of(info, application)

    @strawberry.field(description="The SME applying.")
    def sme(self, info: Info) -> SmeRef:
        return related(info.context.loaders.sme_by_id, self.sme_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The invoices to finance, in the SME's order.")
    def invoices(self, info: Info) -> list[InvoiceType]:
        return related(info.context.loaders.invoices_by_application_id, self.id)

    @strawberry.field(description="Offers made on it that you may see.")
    def offers(self, info: Info) -> list[OfferType]:
        return related(info.context.loaders.offers_by_application_id, self.id)

    @strawberry.field(
        description="Loans booked when an offer was accepted, one per invoice."
    )
    async def loans(self, info: Info) -> list[LoanType]:
        context: Context = info.context
        return await context.loaders.loans_by_application_id.load(self.id)  # type: ignore[return-value]


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

    @strawberry.field(description="The loan it was received on.")
    async def loan(self, info: Info) -> LoanType | None:
        context: Context = info.context
        return await context.loaders.loan_by_id.load(self.loan_id)  # type: ignore[attr-defined, return-value]


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
    written_off_on: date | None = strawberry.field(
        description="Business date of the write-off, in India."
    )
    write_off_reason: str | None = strawberry.field(
        description="Why it was written off."
    )
    npa_since: date | None = strawberry.field(
        description="Day-end at which it became an NPA, while it is one."
    )
    created_at: datetime = strawberry.field(description="When it was booked.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Loan)

    @strawberry.field(description="The invoice financed.")
    def invoice(self, info: Info) -> InvoiceType:
        return related(info.context.loaders.invoice_by_id, self.invoice_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The SME financed.")
    def sme(self, info: Info) -> SmeRef:
        return related(info.context.loaders.sme_by_id, self.sme_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The buyer who owes the invoice.")
    def buyer(self, info: Info) -> BuyerType:
        return related(info.context.loaders.buyer_by_id, self.buyer_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The lender.")
    def lender(self, info: Info) -> LenderPartnerType:
        return related(info.context.loaders.lender_by_id, self.lender_id)  # type: ignore[attr-defined]

    @strawberry.field(description="Repayments received, oldest first.")
    async def repayments(self, info: Info) -> list[RepaymentType]:
        context: Context = info.context
        return await context.loaders.repayments_by_loan_id.load(self.id)  # type: ignore[return-value]

    @strawberry.field(description="Recoveries after write-off, oldest first.")
    async def recoveries(self, info: Info) -> list[RecoveryType]:
        context: Context = info.context
        return await context.loaders.recoveries_by_loan_id.load(self.id)  # type: ignore[return-value]

    @strawberry.field(
        description="Its classification at each day-end, newest first; `last` "
        "limits the list to that many day-ends."
    )
    async def classifications(
        self, info: Info, last: int = 30
    ) -> list[LoanClassificationType]:
        context: Context = info.context
        rows = await context.loaders.classifications_by_loan_id.load(self.id)
        return rows[: max(last, 0)]  # type: ignore[return-value]

    @strawberry.field(description="The disbursal that paid it out.")
    async def disbursal(self, info: Info) -> DisbursalType | None:
        context: Context = info.context
        disbursal_id = self.disbursal_id  # type: ignore[attr-defined]
        if disbursal_id is None:
            return None
        return await context.loaders.disbursal_by_id.load(disbursal_id)  # type: ignore[return-value]

    @strawberry.field(description="The offer it was booked from.")
    async def offer(self, info: Info) -> OfferType | None:
        context: Context = info.context
        return await context.loaders.offer_by_id.load(self.offer_id)  # type: ignore[attr-defined, return-value]


@strawberry.type(name="Recovery", description="Money recovered on a written-off loan.")
class RecoveryType(Node):
    amount: MoneyValue = strawberry.field(description="Amount recovered.")
    received_on: date = strawberry.field(description="Value date of the receipt.")
    bank_reference: str = strawberry.field(description="Bank reference.")
    created_at: datetime = strawberry.field(description="When it was recorded.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Recovery)

    @strawberry.field(description="The written-off loan it was recovered on.")
    async def loan(self, info: Info) -> LoanType | None:
        context: Context = info.context
        return await context.loaders.loan_by_id.load(self.loan_id)  # type: ignore[attr-defined, return-value]


@strawberry.type(
    name="LoanClassification",
    description="A loan's days past due and RBI class at one day-end.",
)
class LoanClassificationType:
    business_date: date = strawberry.field(description="The day-end's date.")
    days_past_due: int = strawberry.field(description="Days past due at it.")
    asset_class: AssetClass = strawberry.field(description="RBI class at it.")
    principal_outstanding: MoneyValue = strawberry.field(
        description="Principal owed at it."
    )
    penal_accrued: MoneyValue = strawberry.field(
        description="Penal interest this day-end accrued."
    )


register_node(models.LenderProduct, "LenderProduct")
register_node(models.LenderPartner, "LenderPartner")
register_node(models.Offer, "Offer")
register_node(models.FinancingApplication, "FinancingApplication")
register_node(models.Repayment, "Repayment")
register_node(models.Loan, "Loan")
register_node(models.Disbursal, "Disbursal")
register_node(models.Recovery, "Recovery")


# The relations a list of loans loads up front when its query selects them.
LOAN_RELATIONS: dict[str, Relation] = {
    "invoice": (lambda loaders: loaders.invoice_by_id, "invoice_id"),
    "sme": (lambda loaders: loaders.sme_by_id, "sme_id"),
    "buyer": (lambda loaders: loaders.buyer_by_id, "buyer_id"),
    "lender": (lambda loaders: loaders.lender_by_id, "lender_id"),
}

# The relations a list of offers loads up front when its query selects them.
OFFER_RELATIONS: dict[str, Relation] = {
    "lender": (lambda loaders: loaders.lender_by_id, "lender_id"),
    "product": (lambda loaders: loaders.lender_product_by_id, "product_id"),
    "application": (lambda loaders: loaders.application_by_id, "application_id"),
}

# The relations a list of applications loads up front when its query selects them.
APPLICATION_RELATIONS: dict[str, Relation] = {
    "sme": (lambda loaders: loaders.sme_by_id, "sme_id"),
    "invoices": (lambda loaders: loaders.invoices_by_application_id, "id"),
    "offers": (lambda loaders: loaders.offers_by_application_id, "id"),
    "lenderMatches": (lambda loaders: loaders.matches_by_application_id, "id"),
}
