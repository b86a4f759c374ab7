"""Root queries over KYC: the review queue of OPS."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.kyc.types import KycSubmissionType
from hundi.api.lists import list_page
from hundi.api.permissions import allow
from hundi.api.relay import Connection, Ordering
from hundi.domain.enums import KycStatus, Role
from hundi.services.scoping import kyc_submission_scope

# Oldest first, so that no SME waits behind later ones; the index
# ix_kyc_submissions_status_submitted_at serves it.
QUEUE_ORDER = Ordering(
    (models.KycSubmission.submitted_at, models.KycSubmission.id), descending=False
)


@strawberry.type
class KycQueries:
    @strawberry.field(
        description="KYC submissions waiting for review, oldest first, with the "
        "SME and documents of each.",
        extensions=allow(Role.OPS, Role.ADMIN),
    )
    async def kyc_queue(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[KycSubmissionType]:
        return await list_page(
            info,
            models.KycSubmission,
            kyc_submission_scope,
            conditions=[models.KycSubmission.status == KycStatus.SUBMITTED],
            first=first,
            after=after,
            ordering=QUEUE_ORDER,
        )
