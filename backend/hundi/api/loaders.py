"""Per-request data loaders, one per relation, named `<Thing>By<Key>Loader`.

Each loader batches the keys asked for in one tick into one statement and
filters it by the actor's scope, so a nested list costs one statement per
relation however many rows it has, and never shows a row out of scope.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import InstrumentedAttribute
from strawberry.dataloader import DataLoader

from hundi import models
from hundi.api.context import Reader
from hundi.domain.enums import LoanStatus, Role
from hundi.services import scoping
from hundi.services.actor import Actor
from hundi.services.lending.exposure import EXPOSED_STATUSES
from hundi.services.lending.portfolio import money_total

ModelT = TypeVar("ModelT")


class ByIdLoader(DataLoader[uuid.UUID, ModelT | None], Generic[ModelT]):
    """Load rows of `model` by primary key; None for a missing or hidden row."""

    model: ClassVar[type[Any]]

    def __init__(self, reader: Reader, actor: Actor) -> None:
        super().__init__(load_fn=self._load)
        self.reader = reader
        self.actor = actor

    @staticmethod
    def scope(actor: Actor) -> ColumnElement[bool]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[ModelT | None]:
        statement = select(self.model).where(
            self.model.id.in_(set(keys)), self.scope(self.actor)
        )
        found = {row.id: row for row in await self.reader.scalars(statement)}
        return [found.get(key) for key in keys]


class ManyByKeyLoader(DataLoader[uuid.UUID, list[ModelT]], Generic[ModelT]):
    """Load the rows of `model` whose `key` column is each given value."""

    model: ClassVar[type[Any]]
    key: ClassVar[InstrumentedAttribute[Any]]
    order_by: ClassVar[tuple[Any, ...]] = ()

    def __init__(self, reader: Reader, actor: Actor) -> None:
        super().__init__(load_fn=self._load)
        self.reader = reader
        self.actor = actor

    @staticmethod
    def scope(actor: Actor) -> ColumnElement[bool]:
        raise NotImplementedError

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[list[ModelT]]:
        statement = (
            select(self.model)
            .where(type(self).key.in_(set(keys)), self.scope(self.actor))
            .order_by(*self.order_by)
        )
        grouped: dict[uuid.UUID, list[ModelT]] = defaultdict(list)
        for row in await self.reader.scalars(statement):
            grouped[getattr(row, type(self).key.key)].append(row)
        return [grouped.get(key, []) for key in keys]


class SmeByIdLoader(ByIdLoader[models.Sme]):
    model = models.Sme
    scope = staticmethod(scoping.sme_scope)


class BuyerByIdLoader(ByIdLoader[models.Buyer]):
    model = models.Buyer
    scope = staticmethod(scoping.buyer_scope)


class InvoiceByIdLoader(ByIdLoader[models.Invoice]):
    model = models.Invoice
    scope = staticmethod(scoping.invoice_scope)


class ApplicationByIdLoader(ByIdLoader[models.FinancingApplication]):
    model = models.FinancingApplication
    scope = staticmethod(scoping.application_scope)


class OfferByIdLoader(ByIdLoader[models.Offer]):
    model = models.Offer
    scope = staticmethod(scoping.offer_scope)


class LoanByIdLoader(ByIdLoader[models.Loan]):
    model = models.Loan
    scope = staticmethod(scoping.loan_scope)


class LenderByIdLoader(ByIdLoader[models.LenderPartner]):
    model = models.LenderPartner
    scope = staticmethod(scoping.lender_scope)


class LenderProductByIdLoader(ByIdLoader[models.LenderProduct]):
    model = models.LenderProduct
    scope = staticmethod(scoping.lender_product_scope)


class RepaymentByIdLoader(ByIdLoader[models.Repayment]):
    model = models.Repayment
    scope = staticmethod(scoping.repayment_scope)


class UserByIdLoader(ByIdLoader[models.User]):
    model = models.User
    scope = staticmethod(scoping.user_scope)


class MachineClientByIdLoader(ByIdLoader[models.OAuthClient]):
    model = models.OAuthClient
    scope = staticmethod(scoping.machine_client_scope)


class GstinsBySmeIdLoader(ManyByKeyLoader[models.SmeGstin]):
    model = models.SmeGstin
    key = models.SmeGstin.sme_id

    @staticmethod
    def scope(actor: Actor) -> ColumnElement[bool]:
        visible = select(models.Sme.id).where(scoping.sme_scope(actor))
        return models.SmeGstin.sme_id.in_(visible)

    order_by = (models.SmeGstin.is_primary.desc(), models.SmeGstin.gstin)


class OffersByApplicationIdLoader(ManyByKeyLoader[models.Offer]):
    model = models.Offer
    key = models.Offer.application_id
    scope = staticmethod(scoping.offer_scope)
    order_by = (models.Offer.created_at, models.Offer.id)


class LoansByApplicationIdLoader(ManyByKeyLoader[models.Loan]):
    model = models.Loan
    key = models.Loan.application_id
    scope = staticmethod(scoping.loan_scope)
    order_by = (models.Loan.created_at, models.Loan.id)


class RepaymentsByLoanIdLoader(ManyByKeyLoader[models.Repayment]):
    model = models.Repayment
    key = models.Repayment.loan_id
    scope = staticmethod(scoping.repayment_scope)
    order_by = (models.Repayment.received_on, models.Repayment.created_at)


class ProductsByLenderIdLoader(ManyByKeyLoader[models.LenderProduct]):
    model = models.LenderProduct
    key = models.LenderProduct.lender_id
    scope = staticmethod(scoping.lender_product_scope)
    order_by = (models.LenderProduct.name,)


class KycSubmissionByIdLoader(ByIdLoader[models.KycSubmission]):
    model = models.KycSubmission
    scope = staticmethod(scoping.kyc_submission_scope)


class KycDocumentByIdLoader(ByIdLoader[models.KycDocument]):
    model = models.KycDocument
    scope = staticmethod(scoping.kyc_document_scope)


class InvoiceDocumentByIdLoader(ByIdLoader[models.InvoiceDocument]):
    model = models.InvoiceDocument
    scope = staticmethod(scoping.invoice_document_scope)


class KycSubmissionsBySmeIdLoader(ManyByKeyLoader[models.KycSubmission]):
    model = models.KycSubmission
    key = models.KycSubmission.sme_id
    scope = staticmethod(scoping.kyc_submission_scope)
    order_by = (models.KycSubmission.submitted_at.desc(), models.KycSubmission.id)


class KycDocumentsBySubmissionIdLoader(ManyByKeyLoader[models.KycDocument]):
    model = models.KycDocument
    key = models.KycDocument.submission_id
    scope = staticmethod(scoping.kyc_document_scope)
    order_by = (models.KycDocument.uploaded_at, models.KycDocument.id)


class DocumentsByInvoiceIdLoader(ManyByKeyLoader[models.InvoiceDocument]):
    model = models.InvoiceDocument
    key = models.InvoiceDocument.invoice_id
    scope = staticmethod(scoping.invoice_document_scope)
    order_by = (models.InvoiceDocument.uploaded_at, models.InvoiceDocument.id)


class InvoicesByApplicationIdLoader(DataLoader[uuid.UUID, list[models.Invoice]]):
    """Load each application's invoices, in the order the SME listed them."""

    def __init__(self, reader: Reader, actor: Actor) -> None:
        super().__init__(load_fn=self._load)
        self.reader = reader
        self.actor = actor

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[list[models.Invoice]]:
        link = models.ApplicationInvoice
        statement = (
            select(link.application_id, models.Invoice)
            .join(models.Invoice, models.Invoice.id == link.invoice_id)
            .where(link.application_id.in_(set(keys)))
            .where(scoping.invoice_scope(self.actor))
            .order_by(link.position)
        )
        grouped: dict[uuid.UUID, list[models.Invoice]] = defaultdict(list)
        for application_id, invoice in await self.reader.rows(statement):
            grouped[application_id].append(invoice)
        return [grouped.get(key, []) for key in keys]


class SupportTicketByIdLoader(ByIdLoader[models.SupportTicket]):
    model = models.SupportTicket
    scope = staticmethod(scoping.support_ticket_scope)


class SecurityIncidentByIdLoader(ByIdLoader[models.SecurityIncident]):
    model = models.SecurityIncident
    scope = staticmethod(scoping.security_incident_scope)


class TicketMessagesByTicketIdLoader(
    DataLoader[uuid.UUID, list[tuple[models.TicketMessage, Role | None]]]
):
    """Load each ticket's messages, oldest first, with the role of each author.

    The role tells an SME's message from an answer of platform operations
    without showing who the author is.
    """

    def __init__(self, reader: Reader, actor: Actor) -> None:
        super().__init__(load_fn=self._load)
        self.reader = reader
        self.actor = actor

    async def _load(
        self, keys: Sequence[uuid.UUID]
    ) -> list[list[tuple[models.TicketMessage, Role | None]]]:
        message = models.TicketMessage
        statement = (
            select(message, models.User.role)
            .outerjoin(models.User, models.User.id == message.author_user_id)
            .where(message.ticket_id.in_(set(keys)))
            .where(scoping.ticket_message_scope(self.actor))
            .order_by(message.created_at, message.id)
        )
        grouped: dict[uuid.UUID, list[tuple[models.TicketMessage, Role | None]]] = (
            defaultdict(list)
        )
        for row, role in await self.reader.rows(statement):
            grouped[row.ticket_id].append((row, role))
        return [grouped.get(key, []) for key in keys]


class OfferLinesByOfferIdLoader(ManyByKeyLoader[models.OfferLine]):
    model = models.OfferLine
    key = models.OfferLine.offer_id
    scope = staticmethod(scoping.offer_line_scope)
    order_by = (models.OfferLine.position,)


class DisbursalByIdLoader(ByIdLoader[models.Disbursal]):
    model = models.Disbursal
    scope = staticmethod(scoping.disbursal_scope)


class DisbursalsByOfferIdLoader(ManyByKeyLoader[models.Disbursal]):
    model = models.Disbursal
    key = models.Disbursal.offer_id
    scope = staticmethod(scoping.disbursal_scope)
    order_by = (models.Disbursal.created_at, models.Disbursal.id)


class RecoveryByIdLoader(ByIdLoader[models.Recovery]):
    model = models.Recovery
    scope = staticmethod(scoping.recovery_scope)


class RecoveriesByLoanIdLoader(ManyByKeyLoader[models.Recovery]):
    model = models.Recovery
    key = models.Recovery.loan_id
    scope = staticmethod(scoping.recovery_scope)
    order_by = (models.Recovery.received_on, models.Recovery.created_at)


class ClassificationsByLoanIdLoader(ManyByKeyLoader[models.LoanClassification]):
    model = models.LoanClassification
    key = models.LoanClassification.loan_id
    scope = staticmethod(scoping.loan_classification_scope)
    order_by = (models.LoanClassification.business_date.desc(),)


class MatchesByApplicationIdLoader(ManyByKeyLoader[models.ApplicationLenderMatch]):
    model = models.ApplicationLenderMatch
    key = models.ApplicationLenderMatch.application_id
    scope = staticmethod(scoping.application_match_scope)
    order_by = (models.ApplicationLenderMatch.created_at,)


class ExposureLoader(DataLoader[uuid.UUID, tuple[Decimal, Decimal]]):
    """The actor's lender's (outstanding, reserved) exposure per `key` value.

    Outstanding is the principal of ACTIVE loans; reserved is the advance of
    loans accepted but not yet disbursed.
    """

    key: ClassVar[InstrumentedAttribute[Any]]

    def __init__(self, reader: Reader, actor: Actor) -> None:
        super().__init__(load_fn=self._load)
        self.reader = reader
        self.actor = actor

    async def _load(self, keys: Sequence[uuid.UUID]) -> list[tuple[Decimal, Decimal]]:
        loan = models.Loan
        active = loan.status == LoanStatus.ACTIVE
        key = type(self).key
        statement = (
            select(
                key,
                money_total(case((active, loan.principal_outstanding), else_=0)),
                money_total(case((active, 0), else_=loan.advance_amount)),
            )
            .where(
                loan.lender_id == self.actor.lender_id,
                loan.status.in_(EXPOSED_STATUSES),
                key.in_(set(keys)),
            )
            .group_by(key)
        )
        zero = (Decimal("0.00"), Decimal("0.00"))
        found = {row[0]: (row[1], row[2]) for row in await self.reader.rows(statement)}
        return [found.get(key_value, zero) for key_value in keys]


class ExposureByBuyerIdLoader(ExposureLoader):
    key = models.Loan.buyer_id


class ExposureBySmeIdLoader(ExposureLoader):
    key = models.Loan.sme_id


class ExposureByLenderIdLoader(ExposureLoader):
    key = models.Loan.lender_id


class Loaders:
    """The loaders of one request, each made on first use."""

    def __init__(self, reader: Reader, actor: Actor | None) -> None:
        self._reader = reader
        # Loaders only run under resolvers that required an actor.
        self._actor = actor if actor is not None else _NOBODY

    def _make(self, loader_class: type[Any]) -> Any:
        return loader_class(self._reader, self._actor)

    def by_id(self, model: type[Any]) -> ByIdLoader[Any]:
        """Return the by-id loader of `model`, for `node(id:)`."""
        loader: ByIdLoader[Any] = getattr(self, _BY_ID_ATTRIBUTES[model])
        return loader

    @cached_property
    def sme_by_id(self) -> SmeByIdLoader:
        return self._make(SmeByIdLoader)

    @cached_property
    def buyer_by_id(self) -> BuyerByIdLoader:
        return self._make(BuyerByIdLoader)

    @cached_property
    def invoice_by_id(self) -> InvoiceByIdLoader:
        return self._make(InvoiceByIdLoader)

    @cached_property
    def application_by_id(self) -> ApplicationByIdLoader:
        return self._make(ApplicationByIdLoader)

    @cached_property
    def offer_by_id(self) -> OfferByIdLoader:
        return self._make(OfferByIdLoader)

    @cached_property
    def loan_by_id(self) -> LoanByIdLoader:
        return self._make(LoanByIdLoader)

    @cached_property
    def lender_by_id(self) -> LenderByIdLoader:
        return self._make(LenderByIdLoader)

    @cached_property
    def lender_product_by_id(self) -> LenderProductByIdLoader:
        return self._make(LenderProductByIdLoader)

    @cached_property
    def repayment_by_id(self) -> RepaymentByIdLoader:
        return self._make(RepaymentByIdLoader)

    @cached_property
    def user_by_id(self) -> UserByIdLoader:
        return self._make(UserByIdLoader)

    @cached_property
    def machine_client_by_id(self) -> MachineClientByIdLoader:
        return self._make(MachineClientByIdLoader)

    @cached_property
    def gstins_by_sme_id(self) -> GstinsBySmeIdLoader:
        return self._make(GstinsBySmeIdLoader)

    @cached_property
    def offers_by_application_id(self) -> OffersByApplicationIdLoader:
        return self._make(OffersByApplicationIdLoader)

    @cached_property
    def loans_by_application_id(self) -> LoansByApplicationIdLoader:
        return self._make(LoansByApplicationIdLoader)

    @cached_property
    def repayments_by_loan_id(self) -> RepaymentsByLoanIdLoader:
        return self._make(RepaymentsByLoanIdLoader)

    @cached_property
    def products_by_lender_id(self) -> ProductsByLenderIdLoader:
        return self._make(ProductsByLenderIdLoader)

    @cached_property
    def invoices_by_application_id(self) -> InvoicesByApplicationIdLoader:
        return self._make(InvoicesByApplicationIdLoader)

    @cached_property
    def kyc_submission_by_id(self) -> KycSubmissionByIdLoader:
        return self._make(KycSubmissionByIdLoader)

    @cached_property
    def kyc_document_by_id(self) -> KycDocumentByIdLoader:
        return self._make(KycDocumentByIdLoader)

    @cached_property
    def invoice_document_by_id(self) -> InvoiceDocumentByIdLoader:
        return self._make(InvoiceDocumentByIdLoader)

    @cached_property
    def kyc_submissions_by_sme_id(self) -> KycSubmissionsBySmeIdLoader:
        return self._make(KycSubmissionsBySmeIdLoader)

    @cached_property
    def kyc_documents_by_submission_id(self) -> KycDocumentsBySubmissionIdLoader:
        return self._make(KycDocumentsBySubmissionIdLoader)

    @cached_property
    def documents_by_invoice_id(self) -> DocumentsByInvoiceIdLoader:
        return self._make(DocumentsByInvoiceIdLoader)

    @cached_property
    def offer_lines_by_offer_id(self) -> OfferLinesByOfferIdLoader:
        return self._make(OfferLinesByOfferIdLoader)

    @cached_property
    def disbursal_by_id(self) -> DisbursalByIdLoader:
        return self._make(DisbursalByIdLoader)

    @cached_property
    def disbursals_by_offer_id(self) -> DisbursalsByOfferIdLoader:
        return self._make(DisbursalsByOfferIdLoader)

    @cached_property
    def recovery_by_id(self) -> RecoveryByIdLoader:
        return self._make(RecoveryByIdLoader)

    @cached_property
    def recoveries_by_loan_id(self) -> RecoveriesByLoanIdLoader:
        return self._make(RecoveriesByLoanIdLoader)

    @cached_property
    def classifications_by_loan_id(self) -> ClassificationsByLoanIdLoader:
        return self._make(ClassificationsByLoanIdLoader)

    @cached_property
    def matches_by_application_id(self) -> MatchesByApplicationIdLoader:
        return self._make(MatchesByApplicationIdLoader)

    @cached_property
    def exposure_by_buyer_id(self) -> ExposureByBuyerIdLoader:
        return self._make(ExposureByBuyerIdLoader)

    @cached_property
    def exposure_by_sme_id(self) -> ExposureBySmeIdLoader:
        return self._make(ExposureBySmeIdLoader)

    @cached_property
    def exposure_by_lender_id(self) -> ExposureByLenderIdLoader:
        return self._make(ExposureByLenderIdLoader)

    @cached_property
    def support_ticket_by_id(self) -> SupportTicketByIdLoader:
        return self._make(SupportTicketByIdLoader)

    @cached_property
    def security_incident_by_id(self) -> SecurityIncidentByIdLoader:
        return self._make(SecurityIncidentByIdLoader)

    @cached_property
    def ticket_messages_by_ticket_id(self) -> TicketMessagesByTicketIdLoader:
        return self._make(TicketMessagesByTicketIdLoader)


_BY_ID_ATTRIBUTES: dict[type[Any], str] = {
    models.Sme: "sme_by_id",
    models.Buyer: "buyer_by_id",
    models.Invoice: "invoice_by_id",
    models.FinancingApplication: "application_by_id",
    models.Offer: "offer_by_id",
    models.Loan: "loan_by_id",
    models.LenderPartner: "lender_by_id",
    models.LenderProduct: "lender_product_by_id",
    models.Repayment: "repayment_by_id",
    models.Disbursal: "disbursal_by_id",
    models.Recovery: "recovery_by_id",
    models.KycSubmission: "kyc_submission_by_id",
    models.KycDocument: "kyc_document_by_id",
    models.InvoiceDocument: "invoice_document_by_id",
    models.User: "user_by_id",
    models.OAuthClient: "machine_client_by_id",
    models.SupportTicket: "support_ticket_by_id",
    models.SecurityIncident: "security_incident_by_id",
}

# Sees nothing: MANAGEMENT's scope is empty for every entity.
_NOBODY = Actor(role=Role.MANAGEMENT)
