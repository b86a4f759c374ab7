"""submitKyc: an SME submits its identifiers, bank account and documents."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from hundi.api.kyc.types import KycSubmissionType
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.api.uploads import read_upload
from hundi.domain.enums import KycDocumentKind, Role
from hundi.services.documents import DocumentStore
from hundi.services.kyc import KycDocumentUpload, KycInput, submit_kyc
from hundi.services.verification import configured_provider

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why submitKyc failed.")
class SubmitKycErrorCode(enum.Enum):
    KYC_ALREADY_SUBMITTED = "KYC_ALREADY_SUBMITTED"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_PAN = "INVALID_PAN"
    PAN_HOLDER_MISMATCH = "PAN_HOLDER_MISMATCH"
    INVALID_GSTIN = "INVALID_GSTIN"
    DUPLICATE_GSTIN = "DUPLICATE_GSTIN"
    GSTIN_PAN_MISMATCH = "GSTIN_PAN_MISMATCH"
    GSTIN_TAKEN = "GSTIN_TAKEN"
    INVALID_UDYAM = "INVALID_UDYAM"
    INVALID_BANK_ACCOUNT = "INVALID_BANK_ACCOUNT"
    INVALID_IFSC = "INVALID_IFSC"
    TOO_MANY_DOCUMENTS = "TOO_MANY_DOCUMENTS"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"
    INVALID_STARTED_AT = "INVALID_STARTED_AT"
    ONLINE_CHECK_FAILED = "ONLINE_CHECK_FAILED"


@strawberry.type(description="An expected failure of submitKyc.")
class SubmitKycError(MutationError):
    code: SubmitKycErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A document of a KYC submission.")
class KycDocumentInput:
    kind: KycDocumentKind = strawberry.field(description="What the document proves.")
    file: Upload = strawberry.field(
        description="The file: PDF, JPEG or PNG, judged by its content."
    )


@strawberry.input(description="Who the SME is, its bank account, and the proof.")
class SubmitKycInput:
    pan: str = strawberry.field(description="PAN of the business.")
    gstins: list[str] = strawberry.field(
        description="GSTINs of the business, at least one, each registered to the "
        "PAN; the first becomes the primary one."
    )
    udyam_number: str | None = strawberry.field(
        default=None, description="Udyam registration number, UDYAM-XX-00-0000000."
    )
    bank_account_number: str = strawberry.field(
        description="Bank account for disbursals, 9 to 18 digits."
    )
    ifsc: str = strawberry.field(description="IFSC of the account's branch.")
    signatory_name: str = strawberry.field(
        description="Name of the authorised signatory."
    )
    signatory_designation: str | None = strawberry.field(
        default=None, description="The signatory's designation, such as Director."
    )
    documents: list[KycDocumentInput] = strawberry.field(
        description="PAN card, GST certificate and the other proofs."
    )
    started_at: datetime | None = strawberry.field(
        default=None,
        description="When the user opened the KYC form; not after submission.",
    )


@strawberry.type(description="The result of submitKyc.")
class SubmitKycPayload:
    kyc_submission: KycSubmissionType | None = strawberry.field(
        description="The submission, waiting for review; null when it failed."
    )
    errors: list[SubmitKycError] = strawberry.field(
        description="Why the submission failed; empty when it succeeded."
    )


@strawberry.type
class SubmitKycMutation:
    @strawberry.mutation(
        description="Submit the SME's KYC for review by OPS. Allowed once "
        "registered, and again after a rejection.",
        extensions=allow(Role.SME),
    )
    async def submit_kyc(self, info: Info, input: SubmitKycInput) -> SubmitKycPayload:
        context: Context = info.context
        actor = context.require_actor()
        settings = context.settings
        kyc = KycInput(
            pan=input.pan,
            gstins=input.gstins,
            udyam_number=input.udyam_number,
            bank_account_number=input.bank_account_number,
            ifsc=input.ifsc,
            signatory_name=input.signatory_name,
            signatory_designation=input.signatory_designation,
            documents=[
                KycDocumentUpload(
                    kind=document.kind,
                    file=await read_upload(document.file, settings.max_document_bytes),
                )
                for document in input.documents
            ],
            started_at=input.started_at,
        )

        submission, errors = await run_mutation(
            info,
            lambda: submit_kyc(
                context.database,
                actor,
                kyc,
                store=DocumentStore(settings.documents_dir),
                max_document_bytes=settings.max_document_bytes,
                verifier=configured_provider(settings),
            ),
        )
        return SubmitKycPayload(
            kyc_submission=submission,  # type: ignore[arg-type]
            errors=to_error_list(SubmitKycError, SubmitKycErrorCode, errors),
        )
