"""GraphQL types of KYC submissions and their documents."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.relay import Node, register_node, to_global_id
from hundi.api.smes.types import SmeRef
from hundi.domain.enums import KycDocumentKind, KycStatus

if TYPE_CHECKING:
    from hundi.api.context import Context

KYC_DOCUMENT_PATH = "/documents/kyc/"


@strawberry.type(
    name="KycDocument", description="A file an SME uploaded with its KYC submission."
)
class KycDocumentType(Node):
    kind: KycDocumentKind = strawberry.field(description="What the document proves.")
    filename: str = strawberry.field(
        description="The file name the SME's device gave it; for display only."
    )
    content_type: str = strawberry.field(
        description="application/pdf, image/jpeg or image/png, from the content."
    )
    size_bytes: int = strawberry.field(description="Size in bytes.")
    sha256: str = strawberry.field(description="SHA-256 of the file, in hex.")
    uploaded_at: datetime = strawberry.field(description="When it was uploaded.")

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.KycDocument)

    @strawberry.field(
        description="Path of the file on this server, for a link in the web app; "
        "only OPS, ADMIN and the SME itself may download it."
    )
    def download_path(self) -> str:
        return KYC_DOCUMENT_PATH + to_global_id("KycDocument", self.id)


@strawberry.type(
    name="KycSubmission",
    description="One attempt of an SME to prove who it is, and OPS's decision.",
)
class KycSubmissionType(Node):
    status: KycStatus = strawberry.field(description="Review state.")
    pan: str = strawberry.field(description="PAN of the business.")
    gstins: list[str] = strawberry.field(
        description="GSTINs of the business; the first becomes the primary one."
    )
    udyam_number: str | None = strawberry.field(
        description="Udyam registration number, when given."
    )
    bank_account_number: str = strawberry.field(
        description="Bank account for disbursals."
    )
    ifsc: str = strawberry.field(description="IFSC of the account's branch.")
    signatory_name: str = strawberry.field(description="Authorised signatory.")
    signatory_designation: str | None = strawberry.field(
        description="The signatory's designation, such as Director."
    )
    started_at: datetime | None = strawberry.field(
        description="When the user opened the KYC form, when the web app sent it."
    )
    submitted_at: datetime = strawberry.field(description="When it was submitted.")
    reviewed_at: datetime | None = strawberry.field(
        description="When OPS approved or rejected it."
    )
    verified_at: datetime | None = strawberry.field(description="When OPS approved it.")
    rejection_reason: str | None = strawberry.field(
        description="Why OPS rejected it, for the SME to correct."
    )

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.KycSubmission)

    @strawberry.field(
        description="Online checks a verification provider ran on it, such as "
        "GSTN_LOOKUP or PENNY_DROP; empty when none ran."
    )
    def online_checks(self) -> list[str]:
        submission: models.KycSubmission = self  # type: ignore[assignment]
        return list(submission.checks_run)

    @strawberry.field(description="The SME that submitted it.")
    async def sme(self, info: Info) -> SmeRef:
        context: Context = info.context
        return await context.loaders.sme_by_id.load(self.sme_id)  # type: ignore[attr-defined, return-value]

    @strawberry.field(description="Its documents, in upload order.")
    async def documents(self, info: Info) -> list[KycDocumentType]:
        context: Context = info.context
        loader = context.loaders.kyc_documents_by_submission_id
        return await loader.load(self.id)  # type: ignore[return-value]


register_node(models.KycSubmission, "KycSubmission")
register_node(models.KycDocument, "KycDocument")
