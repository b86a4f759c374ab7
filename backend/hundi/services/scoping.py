"""Which rows an actor may see: one function per entity.

Every list query, data loader and mutation that reads a row filters it with
the function for its entity. A row outside the actor's scope is never
returned, so the API reports it as "not found", exactly like a row that does
not exist.

- SME users see their own SME and what belongs to it, and the lenders that
  made them offers.
- Lender users and machine clients see the applications matched to their
  lender, the invoices, SMEs and buyers of those applications, and their own
  offers and loans.
- OPS and ADMIN see every row.
- MANAGEMENT sees no rows at all: it reads aggregates only.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select, true

from hundi.domain.enums import Role
from hundi.models import (
    ApplicationInvoice,
    ApplicationLenderMatch,
    Buyer,
    Disbursal,
    FinancingApplication,
    Invoice,
    InvoiceDocument,
    InvoiceImport,
    KycDocument,
    KycSubmission,
    LenderPartner,
    LenderProduct,
    Loan,
    LoanClassification,
    OAuthClient,
    Offer,
    OfferLine,
    Recovery,
    Repayment,
    Sme,
    SupportTicket,
    TicketMessage,
    User,
)
from hundi.services.actor import Actor

_PLATFORM = (Role.OPS, Role.ADMIN)


def _matched_to_lender(actor: Actor) -> list[ColumnElement[bool]]:
    return [
        ApplicationLenderMatch.lender_id == actor.lender_id,
        ApplicationLenderMatch.matched.is_(True),
    ]


# The lender scopes below are correlated EXISTS subqueries rather than
# `id IN (every application matched to the lender)`: a loader asks about a
# few dozen rows, and EXISTS probes an index for each of them instead of
# building the lender's whole set of applications on every request.


def application_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return FinancingApplication.sme_id == actor.sme_id
    if actor.role is Role.LENDER:
        return (
            select(ApplicationLenderMatch.id)
            .where(
                ApplicationLenderMatch.application_id == FinancingApplication.id,
                *_matched_to_lender(actor),
            )
            .correlate(FinancingApplication)
            .exists()
        )
    return false()


def invoice_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return Invoice.sme_id == actor.sme_id
    if actor.role is Role.LENDER:
        return (
            select(ApplicationInvoice.application_id)
            .join(
                ApplicationLenderMatch,
                ApplicationLenderMatch.application_id
                == ApplicationInvoice.application_id,
            )
            .where(
                ApplicationInvoice.invoice_id == Invoice.id, *_matched_to_lender(actor)
            )
            .correlate(Invoice)
            .exists()
        )
    return false()


def sme_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return Sme.id == actor.sme_id
    if actor.role is Role.LENDER:
        return (
            select(FinancingApplication.id)
            .join(
                ApplicationLenderMatch,
                ApplicationLenderMatch.application_id == FinancingApplication.id,
            )
            .where(FinancingApplication.sme_id == Sme.id, *_matched_to_lender(actor))
            .correlate(Sme)
            .exists()
        )
    return false()


def invoice_document_scope(actor: Actor) -> ColumnElement[bool]:
    """Documents of the invoices the actor may see."""
    if actor.role in _PLATFORM:
        return true()
    if actor.role in (Role.SME, Role.LENDER):
        visible = select(Invoice.id).where(invoice_scope(actor))
        return InvoiceDocument.invoice_id.in_(visible)
    return false()


def invoice_import_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return InvoiceImport.sme_id == actor.sme_id
    return false()


def kyc_submission_scope(actor: Actor) -> ColumnElement[bool]:
    """KYC is seen by the SME it belongs to and by the platform; lenders never."""
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return KycSubmission.sme_id == actor.sme_id
    return false()


def kyc_document_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        own = select(KycSubmission.id).where(KycSubmission.sme_id == actor.sme_id)
        return KycDocument.submission_id.in_(own)
    return false()


def buyer_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return (
            select(Invoice.id)
            .where(Invoice.buyer_id == Buyer.id, Invoice.sme_id == actor.sme_id)
            .correlate(Buyer)
            .exists()
        )
    if actor.role is Role.LENDER:
        return (
            select(Invoice.id)
            .join(ApplicationInvoice, ApplicationInvoice.invoice_id == Invoice.id)
            .join(
                ApplicationLenderMatch,
                ApplicationLenderMatch.application_id
                == ApplicationInvoice.application_id,
            )
            .where(Invoice.buyer_id == Buyer.id, *_matched_to_lender(actor))
            .correlate(Buyer)
            .exists()
        )
    return false()


def offer_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        own_applications = select(FinancingApplication.id).where(
            FinancingApplication.sme_id == actor.sme_id
        )
        return Offer.application_id.in_(own_applications)
    if actor.role is Role.LENDER:
        return Offer.lender_id == actor.lender_id
    return false()


def loan_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return Loan.sme_id == actor.sme_id
    if actor.role is Role.LENDER:
        return Loan.lender_id == actor.lender_id
    return false()


def repayment_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role in (Role.SME, Role.LENDER):
        return Repayment.loan_id.in_(select(Loan.id).where(loan_scope(actor)))
    return false()


def lender_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.LENDER:
        return LenderPartner.id == actor.lender_id
    if actor.role is Role.SME:
        return LenderPartner.id.in_(select(Offer.lender_id).where(offer_scope(actor)))
    return false()


def lender_product_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.LENDER:
        return LenderProduct.lender_id == actor.lender_id
    if actor.role is Role.SME:
        return LenderProduct.id.in_(select(Offer.product_id).where(offer_scope(actor)))
    return false()


def user_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role is Role.ADMIN:
        return true()
    if actor.user_id is None:
        return false()
    return User.id == actor.user_id


def machine_client_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role is Role.ADMIN:
        return true()
    if actor.role is Role.LENDER and actor.client_id is not None:
        return OAuthClient.client_id == actor.client_id
    return false()


def application_match_scope(actor: Actor) -> ColumnElement[bool]:
    """Lender matches: the platform sees all, a lender its own, SMEs none."""
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.LENDER:
        return ApplicationLenderMatch.lender_id == actor.lender_id
    return false()


def offer_line_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role in (Role.SME, Role.LENDER):
        return OfferLine.offer_id.in_(select(Offer.id).where(offer_scope(actor)))
    return false()


def disbursal_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.LENDER:
        return Disbursal.lender_id == actor.lender_id
    if actor.role is Role.SME:
        return Disbursal.offer_id.in_(select(Offer.id).where(offer_scope(actor)))
    return false()


def recovery_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role in (Role.SME, Role.LENDER):
        return Recovery.loan_id.in_(select(Loan.id).where(loan_scope(actor)))
    return false()


def loan_classification_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role in (Role.SME, Role.LENDER):
        visible = select(Loan.id).where(loan_scope(actor))
        return LoanClassification.loan_id.in_(visible)
    return false()


def support_ticket_scope(actor: Actor) -> ColumnElement[bool]:
    """An SME sees its own tickets; OPS and ADMIN see every ticket."""
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return SupportTicket.sme_id == actor.sme_id
    return false()


def ticket_message_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        own = select(SupportTicket.id).where(SupportTicket.sme_id == actor.sme_id)
        return TicketMessage.ticket_id.in_(own)
    return false()


def security_incident_scope(actor: Actor) -> ColumnElement[bool]:
    """Security incidents are ADMIN's records."""
    return true() if actor.role is Role.ADMIN else false()
