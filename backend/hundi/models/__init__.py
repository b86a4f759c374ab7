"""SQLAlchemy models of the whole domain; importing this registers every table."""

from hundi.models.audit import AuditRecord, IdempotencyRecord
from hundi.models.auth import (
    AuthorizationCode,
    BrowserSession,
    OAuthClient,
    RefreshToken,
    ThrottleEvent,
)
from hundi.models.base import Base
from hundi.models.financing import (
    ApplicationInvoice,
    ApplicationLenderMatch,
    DayEndRun,
    Disbursal,
    FinancingApplication,
    LenderProduct,
    Loan,
    LoanClassification,
    Offer,
    OfferLine,
    Recovery,
    Repayment,
)
from hundi.models.imports import InvoiceImport
from hundi.models.invoices import Buyer, Invoice, InvoiceDocument
from hundi.models.kyc import KycDocument, KycSubmission
from hundi.models.metrics import (
    AppSession,
    KpiTarget,
    MarketingSpend,
    ProductEvent,
    SecurityIncident,
    SupportTicket,
    SurveyResponse,
    TicketMessage,
    Visitor,
)
from hundi.models.parties import LenderPartner, Sme, SmeGstin, User

__all__ = [
    "AppSession",
    "ApplicationInvoice",
    "ApplicationLenderMatch",
    "AuditRecord",
    "AuthorizationCode",
    "Base",
    "BrowserSession",
    "Buyer",
    "DayEndRun",
    "Disbursal",
    "FinancingApplication",
    "IdempotencyRecord",
    "Invoice",
    "InvoiceDocument",
    "InvoiceImport",
    "KpiTarget",
    "KycDocument",
    "KycSubmission",
    "LenderPartner",
    "LenderProduct",
    "Loan",
    "LoanClassification",
    "MarketingSpend",
    "OAuthClient",
    "Offer",
    "OfferLine",
    "ProductEvent",
    "Recovery",
    "RefreshToken",
    "Repayment",
    "SecurityIncident",
    "Sme",
    "SmeGstin",
    "SupportTicket",
    "SurveyResponse",
    "ThrottleEvent",
    "TicketMessage",
    "User",
    "Visitor",
]
