"""reviewKyc: OPS approves or rejects a submitted KYC."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.kyc.types import KycSubmissionType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import KycDecision, Role
from hundi.services.kyc import KycReview, review_kyc

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why reviewKyc failed.")
class ReviewKycErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"
    KYC_NOT_PENDING = "KYC_NOT_PENDING"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    GSTIN_TAKEN = "GSTIN_TAKEN"


@strawberry.type(description="An expected failure of reviewKyc.")
class ReviewKycError(MutationError):
    code: ReviewKycErrorCode = strawberry.field(description="What failed.")


@strawberry.input(description="A decision on one KYC submission.")
class ReviewKycInput:
    submission_id: strawberry.ID = strawberry.field(
        description="Global id of the KYC submission."
    )
    decision: KycDecision = strawberry.field(description="Approve or reject.")
    rejection_reason: str | None = strawberry.field(
        default=None,
        description="Why it is rejected, shown to the SME; required to reject.",
    )


@strawberry.type(description="The result of reviewKyc.")
class ReviewKycPayload:
    kyc_submission: KycSubmissionType | None = strawberry.field(
        description="The reviewed submission; null when the review failed."
    )
    errors: list[ReviewKycError] = strawberry.field(
        description="Why the review failed; empty when it succeeded."
    )


@strawberry.type
class ReviewKycMutation:
    @strawberry.mutation(
        description="Approve a submitted KYC, which verifies the SME and gives it "
        "its GSTINs, or reject it with a reason the SME sees.",
        extensions=allow(Role.OPS, Role.ADMIN),
    )
    async def review_kyc(self, info: Info, input: ReviewKycInput) -> ReviewKycPayload:
        context: Context = info.context
        actor = context.require_actor()
        review = KycReview(
            submission_id=decode_id(input.submission_id, "KycSubmission"),
            decision=input.decision,
            rejection_reason=input.rejection_reason,
        )

        submission, errors = await run_mutation(
            info, lambda: review_kyc(context.database, actor, review)
        )
        return ReviewKycPayload(
            kyc_submission=submission,  # type: ignore[arg-type]
            errors=to_error_list(ReviewKycError, ReviewKycErrorCode, errors),
        )
