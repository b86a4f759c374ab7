"""createMachineClient and deactivateMachineClient: lenders' own systems."""

from __future__ import annotations

import enum
import uuid
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from hundi.api.admin.types import MachineClientType
from hundi.api.lists import decode_id
from hundi.api.mutations import MutationError, run_mutation, to_error_list
from hundi.api.permissions import allow
from hundi.domain.enums import Role
from hundi.services.users import create_machine_client, deactivate_machine_client

if TYPE_CHECKING:
    from hundi.api.context import Context


@strawberry.enum(description="Why createMachineClient failed.")
class CreateMachineClientErrorCode(enum.Enum):
    REQUIRED = "REQUIRED"
    LENDER_NOT_FOUND = "LENDER_NOT_FOUND"


@strawberry.type(description="An expected failure of createMachineClient.")
class CreateMachineClientError(MutationError):
    code: CreateMachineClientErrorCode = strawberry.field(
        description="What went wrong."
    )


@strawberry.input(description="The machine client to create.")
class CreateMachineClientInput:
    lender_id: strawberry.ID = strawberry.field(description="The lender it reads for.")
    name: str = strawberry.field(
        description="What the client is, such as the lender's system."
    )


@strawberry.type(description="The result of createMachineClient.")
class CreateMachineClientPayload:
    client: MachineClientType | None = strawberry.field(description="The new client.")
    client_secret: str | None = strawberry.field(
        description="The client secret, shown only here; Hundi keeps only its hash."
    )
    errors: list[CreateMachineClientError] = strawberry.field(
        description="Expected failures."
    )


@strawberry.enum(description="Why deactivateMachineClient failed.")
class DeactivateMachineClientErrorCode(enum.Enum):
    NOT_FOUND = "NOT_FOUND"


@strawberry.type(description="An expected failure of deactivateMachineClient.")
class DeactivateMachineClientError(MutationError):
    code: DeactivateMachineClientErrorCode = strawberry.field(
        description="What went wrong."
    )


@strawberry.input(description="The machine client to deactivate.")
class DeactivateMachineClientInput:
    client_id: strawberry.ID = strawberry.field(description="The client's global id.")


@strawberry.type(description="The result of deactivateMachineClient.")
class DeactivateMachineClientPayload:
    client: MachineClientType | None = strawberry.field(
        description="The deactivated client."
    )
    errors: list[DeactivateMachineClientError] = strawberry.field(
        description="Expected failures."
    )


@strawberry.type
class MachineClientMutations:
    @strawberry.mutation(
        description="Create a machine client for a lender; its secret is shown once.",
        extensions=allow(Role.ADMIN),
    )
    async def create_machine_client(
        self,
        info: Info,
        input: CreateMachineClientInput,
    ) -> CreateMachineClientPayload:
        context: Context = info.context
        actor = context.require_actor()
        lender_id = decode_id(input.lender_id, "LenderPartner") or uuid.UUID(int=0)
        created, errors = await run_mutation(
            info,
            lambda: create_machine_client(
                context.database, actor, lender_id, input.name
            ),
        )
        return CreateMachineClientPayload(
            client=created.client if created else None,  # type: ignore[arg-type]
            client_secret=created.secret if created else None,
            errors=to_error_list(
                CreateMachineClientError, CreateMachineClientErrorCode, errors
            ),
        )

    @strawberry.mutation(
        description="Deactivate a machine client; its tokens stop working at once.",
        extensions=allow(Role.ADMIN),
    )
    async def deactivate_machine_client(
        self,
        info: Info,
        input: DeactivateMachineClientInput,
    ) -> DeactivateMachineClientPayload:
        context: Context = info.context
        actor = context.require_actor()
        row_id = decode_id(input.client_id, "MachineClient") or uuid.UUID(int=0)
        client, errors = await run_mutation(
            info, lambda: deactivate_machine_client(context.database, actor, row_id)
        )
        return DeactivateMachineClientPayload(
            client=client,  # type: ignore[arg-type]
            errors=to_error_list(
                DeactivateMachineClientError, DeactivateMachineClientErrorCode, errors
            ),
        )
