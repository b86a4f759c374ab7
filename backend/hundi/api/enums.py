"""GraphQL enumerations, made from the domain's enumerations."""

from __future__ import annotations

import strawberry

from hundi.domain import enums

Role = strawberry.enum(enums.Role, description="What a user does on Hundi.")
Constitution = strawberry.enum(
    enums.Constitution, description="Legal form of a business."
)
SmeStatus = strawberry.enum(
    enums.SmeStatus, description="Where an SME is in onboarding and KYC."
)
AcquisitionChannel = strawberry.enum(
    enums.AcquisitionChannel, description="How an SME came to Hundi."
)
KycStatus = strawberry.enum(enums.KycStatus, description="State of a KYC submission.")
KycDecision = strawberry.enum(
    enums.KycDecision, description="OPS's decision on a KYC submission."
)
KycDocumentKind = strawberry.enum(
    enums.KycDocumentKind, description="What a KYC document proves."
)
DocumentType = strawberry.enum(
    enums.DocumentType,
    description="GST document type: INV invoice, CRN credit note, DBN debit note.",
)
InvoiceSource = strawberry.enum(
    enums.InvoiceSource, description="How an invoice reached Hundi."
)
ImportStatus = strawberry.enum(
    enums.ImportStatus, description="Progress of an import of invoices from a file."
)
InvoiceStatus = strawberry.enum(
    enums.InvoiceStatus, description="Where an invoice is in its financing life."
)
ApplicationStatus = strawberry.enum(
    enums.ApplicationStatus, description="State of a financing application."
)
OfferStatus = strawberry.enum(enums.OfferStatus, description="State of an offer.")
LenderKind = strawberry.enum(enums.LenderKind, description="Bank or NBFC.")
DayCountConvention = strawberry.enum(
    enums.DayCountConvention,
    description=(
        "How days are counted for discount: ACT_365F actual days over 365, "
        "ACT_360 actual days over 360, THIRTY_360 30-day months over 360, "
        "ACT_ACT actual days over the days of each year."
    ),
)
DisbursalStatus = strawberry.enum(
    enums.DisbursalStatus, description="State of a disbursal request."
)
LoanStatus = strawberry.enum(enums.LoanStatus, description="State of a loan.")
AssetClass = strawberry.enum(
    enums.AssetClass,
    description=(
        "RBI classification by days past due: SMA_0 up to 30, SMA_1 31-60, "
        "SMA_2 61-90, NPA over 90."
    ),
)
RepaymentStatus = strawberry.enum(
    enums.RepaymentStatus, description="Whether a repayment stands or was reversed."
)
ProductEventName = strawberry.enum(
    enums.ProductEventName, description="A visit or onboarding funnel step."
)
TicketStatus = strawberry.enum(enums.TicketStatus, description="State of a ticket.")
TicketCategory = strawberry.enum(
    enums.TicketCategory, description="What a support ticket is about."
)
IncidentSeverity = strawberry.enum(
    enums.IncidentSeverity, description="Severity of a security incident."
)
TargetDirection = strawberry.enum(
    enums.TargetDirection, description="Which side of a target counts as met."
)
