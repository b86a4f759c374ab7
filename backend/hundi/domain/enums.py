"""Enumerations shared by the domain rules, the database and the API."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    SME = "SME"
    LENDER = "LENDER"
    OPS = "OPS"
    MANAGEMENT = "MANAGEMENT"
    ADMIN = "ADMIN"


class Constitution(enum.StrEnum):
    PROPRIETORSHIP = "PROPRIETORSHIP"
    PARTNERSHIP = "PARTNERSHIP"
    LLP = "LLP"
    PRIVATE_LIMITED = "PRIVATE_LIMITED"
    PUBLIC_LIMITED = "PUBLIC_LIMITED"
    HUF = "HUF"
    TRUST = "TRUST"
    SOCIETY = "SOCIETY"


class SmeStatus(enum.StrEnum):
    REGISTERED = "REGISTERED"
    KYC_SUBMITTED = "KYC_SUBMITTED"
    KYC_VERIFIED = "KYC_VERIFIED"
    KYC_REJECTED = "KYC_REJECTED"


class AcquisitionChannel(enum.StrEnum):
    ORGANIC = "ORGANIC"
    PAID_SEARCH = "PAID_SEARCH"
    SOCIAL = "SOCIAL"
    FIELD_SALES = "FIELD_SALES"
    EVENT = "EVENT"
    REFERRAL = "REFERRAL"
    PARTNER = "PARTNER"


class KycStatus(enum.StrEnum):
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class KycDecision(enum.StrEnum):
    """What OPS decides on a KYC submission."""

    APPROVE = "APPROVE"
    REJECT = "REJECT"


class KycDocumentKind(enum.StrEnum):
    PAN_CARD = "PAN_CARD"
    GST_CERTIFICATE = "GST_CERTIFICATE"
    UDYAM_CERTIFICATE = "UDYAM_CERTIFICATE"
    CANCELLED_CHEQUE = "CANCELLED_CHEQUE"
    BANK_STATEMENT = "BANK_STATEMENT"
    OTHER = "OTHER"


class DocumentType(enum.StrEnum):
    """GST document type of an invoice (the `DocDtls.Typ` of an e-invoice)."""

    INV = "INV"
    CRN = "CRN"
    DBN = "DBN"


class InvoiceSource(enum.StrEnum):
    FORM = "FORM"
    E_INVOICE = "E_INVOICE"
    CSV = "CSV"


class ImportStatus(enum.StrEnum):
    """Progress of an import of invoices from one file."""

    PROCESSING = "PROCESSING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class InvoiceStatus(enum.StrEnum):
    UPLOADED = "UPLOADED"
    VERIFIED = "VERIFIED"
    FINANCED = "FINANCED"
    SETTLED = "SETTLED"
    REJECTED = "REJECTED"


class ApplicationStatus(enum.StrEnum):
    SUBMITTED = "SUBMITTED"
    OFFERED = "OFFERED"
    ACCEPTED = "ACCEPTED"
    DISBURSED = "DISBURSED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"
    EXPIRED = "EXPIRED"


class OfferStatus(enum.StrEnum):
    OPEN = "OPEN"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"
    EXPIRED = "EXPIRED"


class LenderKind(enum.StrEnum):
    BANK = "BANK"
    NBFC = "NBFC"


class DayCountConvention(enum.StrEnum):
    ACT_365F = "ACT_365F"
    ACT_360 = "ACT_360"
    THIRTY_360 = "THIRTY_360"
    ACT_ACT = "ACT_ACT"


class DisbursalStatus(enum.StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class LoanStatus(enum.StrEnum):
    PENDING_DISBURSAL = "PENDING_DISBURSAL"
    ACTIVE = "ACTIVE"
    REPAID = "REPAID"
    WRITTEN_OFF = "WRITTEN_OFF"
    CANCELLED = "CANCELLED"


class AssetClass(enum.StrEnum):
    """RBI classification of a loan at a day-end."""

    STANDARD = "STANDARD"
    SMA_0 = "SMA_0"
    SMA_1 = "SMA_1"
    SMA_2 = "SMA_2"
    NPA = "NPA"


class RepaymentStatus(enum.StrEnum):
    POSTED = "POSTED"
    REVERSED = "REVERSED"


class ProductEventName(enum.StrEnum):
    VISIT = "VISIT"
    SIGNUP_STARTED = "SIGNUP_STARTED"
    SIGNUP_COMPLETED = "SIGNUP_COMPLETED"
    KYC_STARTED = "KYC_STARTED"
    KYC_SUBMITTED = "KYC_SUBMITTED"
    FIRST_INVOICE_UPLOADED = "FIRST_INVOICE_UPLOADED"
    APPLICATION_STARTED = "APPLICATION_STARTED"
    APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED"


class TicketStatus(enum.StrEnum):
    OPEN = "OPEN"
    ANSWERED = "ANSWERED"
    RESOLVED = "RESOLVED"


class TicketCategory(enum.StrEnum):
    ACCOUNT = "ACCOUNT"
    KYC = "KYC"
    INVOICE = "INVOICE"
    FINANCING = "FINANCING"
    REPAYMENT = "REPAYMENT"
    OTHER = "OTHER"


class IncidentSeverity(enum.StrEnum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"


class TargetDirection(enum.StrEnum):
    AT_LEAST = "AT_LEAST"
    AT_MOST = "AT_MOST"
    BETWEEN = "BETWEEN"
