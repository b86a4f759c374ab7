"""The GraphQL schema: root types merged from each domain folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import Info

from hundi.api import enums as _enums  # noqa: F401 - registers the enumerations
from hundi.api.admin.assign_user_role import AssignUserRoleMutation
from hundi.api.admin.create_user import CreateUserMutation
from hundi.api.admin.deactivate_user import DeactivateUserMutation
from hundi.api.admin.machine_clients import MachineClientMutations
from hundi.api.admin.queries import AdminQueries
from hundi.api.errors import normalize_error
from hundi.api.invoices.import_einvoice import ImportEInvoiceMutation
from hundi.api.invoices.import_invoices_csv import ImportInvoicesCsvMutation
from hundi.api.invoices.queries import InvoiceQueries
from hundi.api.invoices.upload_invoice import UploadInvoiceMutation
from hundi.api.kyc.queries import KycQueries
from hundi.api.kyc.review_kyc import ReviewKycMutation
from hundi.api.kyc.submit_kyc import SubmitKycMutation
from hundi.api.lending.queries import LendingQueries
from hundi.api.onboarding.register_sme import RegisterSmeMutation
from hundi.api.permissions import ANY_ROLE, allow
from hundi.api.relay import NODE_MODELS, Node, from_global_id
from hundi.api.scalars import SCALAR_MAP
from hundi.api.smes.queries import SmeQueries

if TYPE_CHECKING:
    from hundi.api.context import Context

MAX_QUERY_DEPTH = 12
MAX_ALIASES = 30


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="Fetch any object by its global id; null when it does not "
        "exist or you may not see it.",
        extensions=allow(*ANY_ROLE, machine_clients=True),
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        context: Context = info.context
        decoded = from_global_id(id)
        if decoded is None or decoded[0] not in NODE_MODELS:
            return None
        loader = context.loaders.by_id(NODE_MODELS[decoded[0]])
        return await loader.load(decoded[1])


Query = merge_types(
    "Query",
    (
        NodeQueries,
        AdminQueries,
        SmeQueries,
        KycQueries,
        InvoiceQueries,
        LendingQueries,
    ),
)
cast(
    Any, Query
).__strawberry_definition__.description = "Everything Hundi lets you read."


class HundiSchema(strawberry.Schema):
    """Strawberry's schema with Hundi's error channels (see `hundi.api.errors`)."""

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = [normalize_error(error) for error in result.errors]
        return result

    def process_errors(
        self, errors: list[GraphQLError], execution_context: Any = None
    ) -> None:
        # `normalize_error` logs each unexpected error once. Client errors are
        # expected results, not faults, so they are not logged.
        return None


Mutation = merge_types(
    "Mutation",
    (
        CreateUserMutation,
        DeactivateUserMutation,
        AssignUserRoleMutation,
        MachineClientMutations,
        RegisterSmeMutation,
        SubmitKycMutation,
        ReviewKycMutation,
        UploadInvoiceMutation,
        ImportEInvoiceMutation,
        ImportInvoicesCsvMutation,
    ),
)
cast(Any, Mutation).__strawberry_definition__.description = (
    "Everything Hundi lets you change. Each mutation takes one `input` and "
    "returns a payload with its result and `errors`."
)


def build_schema(**options: Any) -> strawberry.Schema:
    return HundiSchema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        extensions=[
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            lambda: QueryDepthLimiter(max_depth=MAX_QUERY_DEPTH),
            lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        ],
        **options,
    )


schema = build_schema()


def printed_schema() -> str:
    """Print the schema in SDL, as committed in schema.graphql."""
    return schema.as_str() + "\n"
