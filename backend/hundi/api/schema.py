"""The GraphQL schema: root types merged from each domain folder."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionResult, Info

from hundi.api import enums as _enums  # noqa: F401 - registers the enumerations
from hundi.api.admin.assign_user_role import AssignUserRoleMutation
from hundi.api.admin.create_user import CreateUserMutation
from hundi.api.admin.deactivate_user import DeactivateUserMutation
from hundi.api.admin.machine_clients import MachineClientMutations
from hundi.api.admin.queries import AdminQueries
from hundi.api.engagement.app_sessions import AppSessionMutations
from hundi.api.engagement.record_product_events import RecordProductEventsMutation
from hundi.api.engagement.surveys import AnswerSurveyMutation, SurveyQueries
from hundi.api.errors import normalize_error
from hundi.api.invoices.import_einvoice import ImportEInvoiceMutation
from hundi.api.invoices.import_invoices_csv import ImportInvoicesCsvMutation
from hundi.api.invoices.queries import InvoiceQueries
from hundi.api.invoices.upload_invoice import UploadInvoiceMutation
from hundi.api.kpis.queries import KpiQueries
from hundi.api.kpis.update_kpi_target import UpdateKpiTargetMutation
from hundi.api.kyc.queries import KycQueries
from hundi.api.kyc.review_kyc import ReviewKycMutation
from hundi.api.kyc.submit_kyc import SubmitKycMutation
from hundi.api.lending.accept_offer import AcceptOfferMutation
from hundi.api.lending.approve_disbursal import ApproveDisbursalMutation
from hundi.api.lending.create_lender_product import CreateLenderProductMutation
from hundi.api.lending.create_offer import CreateOfferMutation
from hundi.api.lending.decline_application import DeclineApplicationMutation
from hundi.api.lending.offer_quote import OfferQuoteQueries
from hundi.api.lending.onboard_lender import OnboardLenderMutation
from hundi.api.lending.portfolio import PortfolioQueries
from hundi.api.lending.queries import LendingQueries
from hundi.api.lending.record_recovery import RecordRecoveryMutation
from hundi.api.lending.record_repayment import RecordRepaymentMutation
from hundi.api.lending.reject_disbursal import RejectDisbursalMutation
from hundi.api.lending.request_disbursal import RequestDisbursalMutation
from hundi.api.lending.reverse_repayment import ReverseRepaymentMutation
from hundi.api.lending.run_day_end import RunDayEndMutation
from hundi.api.lending.submit_application import SubmitApplicationMutation
from hundi.api.lending.update_lender_product import UpdateLenderProductMutation
from hundi.api.lending.withdraw_application import WithdrawApplicationMutation
from hundi.api.lending.write_off_loan import WriteOffLoanMutation
from hundi.api.marketing.queries import MarketingQueries
from hundi.api.marketing.record_marketing_spend import RecordMarketingSpendMutation
from hundi.api.onboarding.register_sme import RegisterSmeMutation
from hundi.api.permissions import ANY_ROLE, allow
from hundi.api.relay import NODE_MODELS, Node, from_global_id
from hundi.api.scalars import SCALAR_MAP
from hundi.api.security.queries import SecurityQueries
from hundi.api.security.record_security_incident import RecordSecurityIncidentMutation
from hundi.api.security.resolve_security_incident import (
    ResolveSecurityIncidentMutation,
)
from hundi.api.smes.queries import SmeQueries
from hundi.api.support.mutations import SupportMutations
from hundi.api.support.queries import SupportQueries

if TYPE_CHECKING:
    from hundi.api.context import Context

MAX_QUERY_DEPTH = 12
MAX_ALIASES = 30

# The limits' rule classes are built once: the validation cache is keyed by
# the rule classes too, and a class built per request would never hit it.
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_QUERY_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]


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
        OfferQuoteQueries,
        PortfolioQueries,
        KpiQueries,
        MarketingQueries,
        SupportQueries,
        SurveyQueries,
        SecurityQueries,
    ),
)
cast(
    Any, Query
).__strawberry_definition__.description = "Everything Hundi lets you read."


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def has_unstorable_text(value: object) -> bool:
    """Whether any text in a query or its variables cannot be stored.

    PostgreSQL text cannot hold NUL, and UTF-8 cannot encode an unpaired
    surrogate (such as a JSON "\\ud800" without its partner), so such input
    is refused up front instead of failing deep inside a write.
    """
    if isinstance(value, str):
        return bool(_UNSTORABLE.search(value)) or "\\u0000" in value.lower()
    if isinstance(value, dict):
        return any(
            has_unstorable_text(key) or has_unstorable_text(item)
            for key, item in value.items()
        )
    if isinstance(value, list | tuple):
        return any(has_unstorable_text(item) for item in value)
    return False


class HundiSchema(strawberry.Schema):
    """Strawberry's schema with Hundi's error channels (see `hundi.api.errors`)."""

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        query = args[0] if args else kwargs.get("query")
        variables = args[1] if len(args) > 1 else kwargs.get("variable_values")
        if has_unstorable_text(query) or has_unstorable_text(variables):
            return ExecutionResult(
                data=None,
                errors=[
                    GraphQLError(
                        "Text in the request contains a NUL character (\\u0000) "
                        "or an unpaired surrogate (\\ud800 to \\udfff); remove it "
                        "and send the request again.",
                        extensions={"code": "BAD_USER_INPUT"},
                    )
                ],
            )
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
        OnboardLenderMutation,
        CreateLenderProductMutation,
        UpdateLenderProductMutation,
        SubmitApplicationMutation,
        WithdrawApplicationMutation,
        CreateOfferMutation,
        DeclineApplicationMutation,
        AcceptOfferMutation,
        RequestDisbursalMutation,
        ApproveDisbursalMutation,
        RejectDisbursalMutation,
        RecordRepaymentMutation,
        ReverseRepaymentMutation,
        RunDayEndMutation,
        WriteOffLoanMutation,
        RecordRecoveryMutation,
        RecordProductEventsMutation,
        AppSessionMutations,
        RecordMarketingSpendMutation,
        SupportMutations,
        AnswerSurveyMutation,
        RecordSecurityIncidentMutation,
        ResolveSecurityIncidentMutation,
        UpdateKpiTargetMutation,
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
            lambda: AddValidationRules(LIMIT_RULES),
        ],
        **options,
    )


schema = build_schema()


def printed_schema() -> str:
    """Print the schema in SDL, as committed in schema.graphql."""
    return schema.as_str() + "\n"
