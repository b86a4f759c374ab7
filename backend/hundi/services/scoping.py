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

import uuid

from sqlalchemy import ColumnElement, Select, false, select, true

from hundi.domain.enums import Role
from hundi.models import (
    ApplicationInvoice,
    ApplicationLenderMatch,
    Buyer,
    FinancingApplication,
    Invoice,
    InvoiceDocument,
    InvoiceImport,
    KycDocument,
    KycSubmission,
    LenderPartner,
    LenderProduct,
    Loan,
    OAuthClient,
    Offer,
    Repayment,
    Sme,
    User,
)
from hundi.services.actor import Actor

_PLATFORM = (Role.OPS, Role.ADMIN)


def _applications_matched_to(actor: Actor) -> Select[uuid.UUID]:
    return select(ApplicationLenderMatch.application_id).where(
        ApplicationLenderMatch.lender_id == actor.lender_id,
        ApplicationLenderMatch.matched.is_(True),
    )


def application_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return FinancingApplication.sme_id == actor.sme_id
    if actor.role is Role.LENDER:
        return FinancingApplication.id.in_(_applications_matched_to(actor))
    return false()


def invoice_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return Invoice.sme_id == actor.sme_id
    if actor.role is Role.LENDER:
        in_open_applications = select(ApplicationInvoice.invoice_id).where(
            ApplicationInvoice.application_id.in_(_applications_matched_to(actor))
        )
        return Invoice.id.in_(in_open_applications)
    return false()


def sme_scope(actor: Actor) -> ColumnElement[bool]:
    if actor.role in _PLATFORM:
        return true()
    if actor.role is Role.SME:
        return Sme.id == actor.sme_id
    if actor.role is Role.LENDER:
        applicants = select(FinancingApplication.sme_id).where(
            FinancingApplication.id.in_(_applications_matched_to(actor))
        )
        return Sme.id.in_(applicants)
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
    if actor.role in (Role.SME, Role.LENDER):
        return Buyer.id.in_(select(Invoice.buyer_id).where(invoice_scope(actor)))
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
