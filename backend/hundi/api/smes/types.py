"""GraphQL types of SMEs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from hundi import models
from hundi.api.relay import Node, register_node
from hundi.domain.enums import AcquisitionChannel, Constitution, Role, SmeStatus
from hundi.domain.masking import mask_account_number, mask_pan

if TYPE_CHECKING:
    from hundi.api.context import Context
    from hundi.api.kyc.types import KycSubmissionType


def _sees_whole_kyc(info: Info, sme: models.Sme) -> bool:
    context: Context = info.context
    actor = context.actor
    if actor is None:
        return False
    if actor.role in (Role.OPS, Role.ADMIN):
        return True
    return actor.role is Role.SME and actor.sme_id == sme.id


@strawberry.type(name="Sme", description="A small or medium enterprise on Hundi.")
class SmeType(Node):
    legal_name: str = strawberry.field(description="Registered legal name.")
    trade_name: str | None = strawberry.field(description="Name it trades under.")
    constitution: Constitution = strawberry.field(description="Legal form.")
    state_code: str = strawberry.field(
        description="GST state code of its principal place of business (01-38)."
    )
    industry: str = strawberry.field(description="Industry it works in.")
    status: SmeStatus = strawberry.field(description="Onboarding and KYC state.")
    acquisition_channel: AcquisitionChannel = strawberry.field(
        description="How it came to Hundi."
    )
    kyc_verified_at: datetime | None = strawberry.field(
        description="When OPS approved its KYC."
    )
    created_at: datetime = strawberry.field(description="When it registered.")
    udyam_number: str | None = strawberry.field(
        description="Udyam registration number."
    )
    ifsc: str | None = strawberry.field(
        description="IFSC of the branch of its bank account."
    )

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, models.Sme)

    @strawberry.field(
        description="PAN; masked (AAPPVXXXXK) unless you are this SME, OPS or ADMIN."
    )
    def pan(self, info: Info) -> str | None:
        sme: models.Sme = self  # type: ignore[assignment]
        if sme.pan is None or _sees_whole_kyc(info, sme):
            return sme.pan
        return mask_pan(sme.pan)

    @strawberry.field(
        description="Bank account for disbursals; masked to its last four digits "
        "unless you are this SME, OPS or ADMIN."
    )
    def bank_account_number(self, info: Info) -> str | None:
        sme: models.Sme = self  # type: ignore[assignment]
        number = sme.bank_account_number
        if number is None or _sees_whole_kyc(info, sme):
            return number
        return mask_account_number(number)

    @strawberry.field(
        description="Its own referral code; shown only to the SME itself and to "
        "OPS and ADMIN."
    )
    def referral_code(self, info: Info) -> str | None:
        sme: models.Sme = self  # type: ignore[assignment]
        return sme.referral_code if _sees_whole_kyc(info, sme) else None

    @strawberry.field(description="Its GSTINs, the primary one first.")
    async def gstins(self, info: Info) -> list[str]:
        context: Context = info.context
        rows = await context.loaders.gstins_by_sme_id.load(self.id)
        return [row.gstin for row in rows]

    @strawberry.field(
        description="Its KYC submissions, newest first, with their status and "
        "any rejection reason; shown only to the SME itself and to OPS and ADMIN."
    )
    async def kyc_submissions(
        self, info: Info
    ) -> list[Annotated[KycSubmissionType, strawberry.lazy("hundi.api.kyc.types")]]:
        context: Context = info.context
        return await context.loaders.kyc_submissions_by_sme_id.load(self.id)  # type: ignore[return-value]


register_node(models.Sme, "Sme")

SmeRef = Annotated["SmeType", strawberry.lazy("hundi.api.smes.types")]
