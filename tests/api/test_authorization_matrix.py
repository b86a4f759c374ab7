"""Every query and mutation, for every role: allowed, or refused with the right code.

The matrix lists each root field of the schema. A field the schema has and
the matrix lacks fails the test, so a new operation cannot skip the check.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from hundi import models
from hundi.api.permissions import MACHINE_CLIENT_QUERIES
from hundi.api.relay import to_global_id
from hundi.api.schema import schema
from hundi.db import Database
from hundi.domain.enums import IncidentSeverity, Role, TicketCategory
from hundi.services.actor import Actor
from support.factories import (
    add,
    create_buyer,
    create_invoice,
    create_lender,
    create_sme,
    lender_actor,
    sme_actor,
)
from support.graphql import GraphQLClient
from support.lending import loans_of, open_book, requested_disbursal

ALL = frozenset(Role)
PLATFORM = frozenset({Role.OPS, Role.ADMIN})
READERS = frozenset({Role.SME, Role.LENDER, Role.OPS, Role.ADMIN})
ANYONE = "anyone"  # also anonymous callers


@dataclass(frozen=True)
class Operation:
    document: str
    allowed: frozenset[Role] | str
    machine: bool = False
    variables: dict[str, Any] = field(default_factory=dict)
    # LENDER users pass only when they are lender admins.
    lender_admin: bool = False


FAKE_ID = to_global_id("User", uuid.UUID(int=1))

LENDER = frozenset({Role.LENDER})
SME = frozenset({Role.SME})
ID = {"id": to_global_id("Offer", uuid.UUID(int=1))}
# An advance rate above 1 fails the service's checks before it writes, so an
# allowed caller gets a field error and no lender row is needed.
PRODUCT_TERMS = {
    "name": "Matrix product",
    "advanceRate": "1.5",
    "minAnnualRate": "0.1",
    "maxAnnualRate": "0.2",
    "processingFeeRate": "0.005",
    "processingFeeMin": "500.00",
    "dayCount": "ACT_365F",
    "minTenorDays": 15,
    "maxTenorDays": 120,
    "minAmount": "10000.00",
    "maxAmount": "5000000.00",
    "minDaysToDue": 15,
    "recourse": True,
    "eligibleIndustries": [],
    "eligibleStates": [],
    "limitPerBuyer": "1000000.00",
    "limitPerSme": "1000000.00",
    "concentrationCap": "0.3",
    "concentrationFloor": "0.00",
}

MATRIX: dict[str, Operation] = {
    # queries
    "node": Operation(
        "query($id: ID!) { node(id: $id) { id } }",
        ALL,
        machine=True,
        variables={"id": FAKE_ID},
    ),
    "viewer": Operation("{ viewer { role } }", ALL, machine=True),
    "users": Operation("{ users { totalCount } }", frozenset({Role.ADMIN})),
    "machineClients": Operation(
        "{ machineClients { totalCount } }", frozenset({Role.ADMIN})
    ),
    "smes": Operation("{ smes { totalCount } }", READERS),
    "invoices": Operation("{ invoices { totalCount } }", READERS),
    "lenders": Operation("{ lenders { totalCount } }", READERS, machine=True),
    "applications": Operation("{ applications { totalCount } }", READERS, machine=True),
    "offers": Operation("{ offers { totalCount } }", READERS, machine=True),
    "loans": Operation("{ loans { totalCount } }", READERS, machine=True),
    # mutations
    "createUser": Operation(
        'mutation { createUser(input: {email: "n@x.example", fullName: "N", role: OPS}) { errors { code } } }',
        frozenset({Role.ADMIN}),
    ),
    "deactivateUser": Operation(
        "mutation($id: ID!) { deactivateUser(input: {userId: $id}) { errors { code } } }",
        frozenset({Role.ADMIN}),
        variables={"id": FAKE_ID},
    ),
    "assignUserRole": Operation(
        "mutation($id: ID!) { assignUserRole(input: {userId: $id, role: OPS}) { errors { code } } }",
        frozenset({Role.ADMIN}),
        variables={"id": FAKE_ID},
    ),
    "createMachineClient": Operation(
        'mutation($id: ID!) { createMachineClient(input: {lenderId: $id, name: "x"}) { errors { code } } }',
        frozenset({Role.ADMIN}),
        variables={"id": to_global_id("LenderPartner", uuid.UUID(int=1))},
    ),
    "deactivateMachineClient": Operation(
        "mutation($id: ID!) { deactivateMachineClient(input: {clientId: $id}) { errors { code } } }",
        frozenset({Role.ADMIN}),
        variables={"id": to_global_id("MachineClient", uuid.UUID(int=1))},
    ),
    # onboarding, KYC and invoice intake
    "kycQueue": Operation("{ kycQueue { totalCount } }", PLATFORM),
    "buyers": Operation("{ buyers { totalCount } }", READERS),
    "invoiceImport": Operation(
        "query($id: UUID!) { invoiceImport(id: $id) { status } }",
        frozenset({Role.SME, Role.OPS, Role.ADMIN}),
        variables={"id": str(uuid.UUID(int=1))},
    ),
    "registerSme": Operation(
        "mutation($input: RegisterSmeInput!) { registerSme(input: $input) { errors { code } } }",
        ANYONE,
        variables={
            "input": {
                "legalName": "Matrix Traders",
                "constitution": "PARTNERSHIP",
                "stateCode": "27",
                "industry": "Trading",
                "fullName": "Matrix Owner",
                "email": "owner@matrix.example",
                "phone": "+919800000000",
                "password": "a long enough password",
                "acquisitionChannel": "ORGANIC",
            }
        },
    ),
    "reviewKyc": Operation(
        "mutation($id: ID!) { reviewKyc(input: {submissionId: $id, decision: APPROVE}) { errors { code } } }",
        PLATFORM,
        variables={"id": to_global_id("KycSubmission", uuid.UUID(int=1))},
    ),
    # A JSON request cannot carry a file, so these send a string where an
    # Upload goes: allowed roles get BAD_USER_INPUT, the rest their denial.
    "submitKyc": Operation(
        "mutation($input: SubmitKycInput!) { submitKyc(input: $input) { errors { code } } }",
        frozenset({Role.SME}),
        variables={
            "input": {
                "pan": "AAPFU0939F",
                "gstins": ["27AAPFU0939F1ZV"],
                "bankAccountNumber": "123456789",
                "ifsc": "HDFC0001234",
                "signatoryName": "X",
                "documents": [{"kind": "PAN_CARD", "file": "not a file"}],
            }
        },
    ),
    "uploadInvoice": Operation(
        "mutation($input: UploadInvoiceInput!) { uploadInvoice(input: $input) { errors { code } } }",
        frozenset({Role.SME}),
        variables={
            "input": {
                "buyerGstin": "27AAPFU0939F1ZV",
                "buyerName": "X",
                "invoiceNumber": "INV/1",
                "invoiceDate": "2026-01-01",
                "dueDate": "2026-02-01",
                "taxableValue": "1.00",
                "gstAmount": "0.00",
                "totalAmount": "1.00",
                "document": "not a file",
            }
        },
    ),
    "importEInvoice": Operation(
        'mutation { importEInvoice(input: {file: "not a file"}) { errors { code } } }',
        frozenset({Role.SME}),
    ),
    "importInvoicesCsv": Operation(
        'mutation { importInvoicesCsv(input: {file: "not a file"}) { errors { code } } }',
        frozenset({Role.SME}),
    ),
    # financing lifecycle
    "disbursals": Operation("{ disbursals { totalCount } }", READERS, machine=True),
    "portfolio": Operation(
        "{ portfolio { outstanding { principal } } }", LENDER, machine=True
    ),
    "onboardLender": Operation(
        'mutation { onboardLender(input: {name: "Matrix Bank", kind: BANK, registrationNumber: "RBI-1", contactName: "A", contactEmail: "a@bank.example"}) { errors { code } } }',
        frozenset({Role.ADMIN}),
    ),
    "createLenderProduct": Operation(
        "mutation($terms: LenderProductTermsInput!) { createLenderProduct(input: {terms: $terms}) { errors { code } } }",
        LENDER,
        lender_admin=True,
        variables={"terms": PRODUCT_TERMS},
    ),
    "updateLenderProduct": Operation(
        "mutation($id: ID!) { updateLenderProduct(input: {productId: $id, changes: {isActive: false}}) { errors { code } } }",
        LENDER,
        lender_admin=True,
        variables={"id": to_global_id("LenderProduct", uuid.UUID(int=1))},
    ),
    "submitApplication": Operation(
        "mutation { submitApplication(input: {invoiceIds: []}) { errors { code } } }",
        SME,
    ),
    "withdrawApplication": Operation(
        "mutation($id: ID!) { withdrawApplication(input: {applicationId: $id}) { errors { code } } }",
        SME,
        variables={"id": to_global_id("FinancingApplication", uuid.UUID(int=1))},
    ),
    "offerQuote": Operation(
        'query($id: ID!) { offerQuote(input: {applicationId: $id, productId: $id, advanceRate: "0.8", annualRate: "0.12", processingFeeRate: "0"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("FinancingApplication", uuid.UUID(int=1))},
    ),
    "createOffer": Operation(
        'mutation($id: ID!) { createOffer(input: {applicationId: $id, productId: $id, advanceRate: "0.8", annualRate: "0.12", processingFeeRate: "0"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("FinancingApplication", uuid.UUID(int=1))},
    ),
    "declineApplication": Operation(
        'mutation($id: ID!) { declineApplication(input: {applicationId: $id, reason: "No appetite"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("FinancingApplication", uuid.UUID(int=1))},
    ),
    "acceptOffer": Operation(
        'mutation($id: ID!) { acceptOffer(input: {offerId: $id, idempotencyKey: "k1"}) { errors { code } } }',
        SME,
        variables=ID,
    ),
    "requestDisbursal": Operation(
        'mutation($id: ID!) { requestDisbursal(input: {offerId: $id, utr: "UTIB000000000001", valueDate: "2026-01-01", idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        variables=ID,
    ),
    "approveDisbursal": Operation(
        'mutation($id: ID!) { approveDisbursal(input: {disbursalId: $id, idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("Disbursal", uuid.UUID(int=1))},
    ),
    "rejectDisbursal": Operation(
        'mutation($id: ID!) { rejectDisbursal(input: {disbursalId: $id, reason: "Wrong UTR"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("Disbursal", uuid.UUID(int=1))},
    ),
    "recordRepayment": Operation(
        'mutation($id: ID!) { recordRepayment(input: {loanId: $id, amount: "10.00", receivedOn: "2026-01-01", bankReference: "NEFT1", idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("Loan", uuid.UUID(int=1))},
    ),
    "reverseRepayment": Operation(
        'mutation($id: ID!) { reverseRepayment(input: {repaymentId: $id, reason: "Bounced", idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("Repayment", uuid.UUID(int=1))},
    ),
    "runDayEnd": Operation(
        'mutation { runDayEnd(input: {businessDate: "2099-01-01"}) { errors { code } } }',
        PLATFORM,
    ),
    "writeOffLoan": Operation(
        'mutation($id: ID!) { writeOffLoan(input: {loanId: $id, reason: "Buyer insolvent", idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        lender_admin=True,
        variables={"id": to_global_id("Loan", uuid.UUID(int=1))},
    ),
    "recordRecovery": Operation(
        'mutation($id: ID!) { recordRecovery(input: {loanId: $id, amount: "10.00", receivedOn: "2026-01-01", bankReference: "NEFT2", idempotencyKey: "k1"}) { errors { code } } }',
        LENDER,
        variables={"id": to_global_id("Loan", uuid.UUID(int=1))},
    ),
    # success metrics and what they are computed from
    "kpis": Operation(
        '{ kpis(from: "2026-07-01", to: "2026-07-31") { key value status } }',
        frozenset({Role.MANAGEMENT, Role.ADMIN}),
    ),
    "milestones": Operation(
        "{ milestones { key actual status } }",
        frozenset({Role.MANAGEMENT, Role.ADMIN}),
    ),
    "marketingSpend": Operation(
        '{ marketingSpend(from: "2026-07-01", to: "2026-07-31") { amount } }',
        frozenset({Role.MANAGEMENT, Role.ADMIN}),
    ),
    "supportTickets": Operation(
        "{ supportTickets { totalCount } }", frozenset({Role.SME, Role.OPS, Role.ADMIN})
    ),
    "satisfactionSurvey": Operation("{ satisfactionSurvey { isDue } }", SME),
    "securityIncidents": Operation(
        "{ securityIncidents { totalCount } }", frozenset({Role.ADMIN})
    ),
    # An invalid visitor id fails before anything is written, so the actors
    # of this test need no SME or user rows.
    "recordProductEvents": Operation(
        'mutation { recordProductEvents(input: {visitorId: "not-a-uuid", events: [VISIT]}) { errors { code } } }',
        ANYONE,
    ),
    "startAppSession": Operation(
        'mutation { startAppSession(input: {visitorId: "not-a-uuid"}) { errors { code } } }',
        ALL,
    ),
    "touchAppSession": Operation(
        'mutation { touchAppSession(input: {sessionId: "00000000-0000-0000-0000-000000000001"}) { errors { code } } }',
        ALL,
    ),
    "endAppSession": Operation(
        'mutation { endAppSession(input: {sessionId: "00000000-0000-0000-0000-000000000001"}) { errors { code } } }',
        ALL,
    ),
    "recordMarketingSpend": Operation(
        'mutation { recordMarketingSpend(input: {month: "2026-07-01", channel: SOCIAL, amount: "100.00"}) { errors { code } } }',
        frozenset({Role.ADMIN}),
    ),
    "openSupportTicket": Operation(
        'mutation { openSupportTicket(input: {category: KYC, subject: "", message: "x"}) { errors { code } } }',
        SME,
    ),
    "addSupportTicketMessage": Operation(
        'mutation($id: ID!) { addSupportTicketMessage(input: {ticketId: $id, message: "x"}) { errors { code } } }',
        SME,
        variables={"id": to_global_id("SupportTicket", uuid.UUID(int=1))},
    ),
    "answerSupportTicket": Operation(
        'mutation($id: ID!) { answerSupportTicket(input: {ticketId: $id, message: "x"}) { errors { code } } }',
        PLATFORM,
        variables={"id": to_global_id("SupportTicket", uuid.UUID(int=1))},
    ),
    "resolveSupportTicket": Operation(
        "mutation($id: ID!) { resolveSupportTicket(input: {ticketId: $id}) { errors { code } } }",
        PLATFORM,
        variables={"id": to_global_id("SupportTicket", uuid.UUID(int=1))},
    ),
    "answerSurvey": Operation(
        "mutation { answerSurvey(input: {}) { errors { code } } }", SME
    ),
    "recordSecurityIncident": Operation(
        'mutation { recordSecurityIncident(input: {occurredAt: "2026-07-01T10:00:00+05:30", detectedAt: "2026-07-01T11:00:00+05:30", severity: LOW, title: "Matrix", description: "Matrix", personalDataExposed: false}) { errors { code } } }',
        frozenset({Role.ADMIN}),
    ),
    "resolveSecurityIncident": Operation(
        "mutation($id: ID!) { resolveSecurityIncident(input: {incidentId: $id}) { errors { code } } }",
        frozenset({Role.ADMIN}),
        variables={"id": to_global_id("SecurityIncident", uuid.UUID(int=1))},
    ),
    "updateKpiTarget": Operation(
        'mutation { updateKpiTarget(input: {key: CHURN_RATE, direction: AT_MOST, high: "5"}) { errors { code } } }',
        frozenset({Role.ADMIN}),
    ),
}


def root_fields() -> set[str]:
    graphql_schema = schema._schema
    names = (
        set(graphql_schema.query_type.fields) if graphql_schema.query_type else set()
    )
    if graphql_schema.mutation_type:
        names |= set(graphql_schema.mutation_type.fields)
    return names


def test_matrix_lists_every_operation() -> None:
    missing = root_fields() - set(MATRIX)
    unknown = set(MATRIX) - root_fields()

    assert missing == set(), (
        f"add these operations to the authorization matrix: {sorted(missing)}"
    )
    assert unknown == set()


def _actors() -> list[tuple[str, Actor | None]]:
    organisation = uuid.uuid4()
    actors: list[tuple[str, Actor | None]] = [("anonymous", None)]
    for role in Role:
        actors.append(
            (
                role.value,
                Actor(
                    role=role,
                    user_id=uuid.uuid4(),
                    sme_id=organisation if role is Role.SME else None,
                    lender_id=organisation if role is Role.LENDER else None,
                ),
            )
        )
    actors.append(
        (
            "machine",
            Actor(role=Role.LENDER, lender_id=organisation, client_id="lender-system"),
        )
    )
    actors.append(
        (
            "lender admin",
            Actor(
                role=Role.LENDER,
                user_id=uuid.uuid4(),
                lender_id=organisation,
                is_lender_admin=True,
            ),
        )
    )
    return actors


def _expected_code(operation: Operation, label: str, actor: Actor | None) -> str | None:
    if operation.allowed == ANYONE:
        return None
    if actor is None:
        return "UNAUTHENTICATED"
    assert isinstance(operation.allowed, frozenset)
    if actor.role not in operation.allowed:
        return "FORBIDDEN"
    if actor.is_machine and not operation.machine:
        return "FORBIDDEN"
    if operation.lender_admin and not actor.is_lender_admin:
        return "FORBIDDEN"
    return None


@pytest.mark.parametrize("name", sorted(MATRIX))
async def test_operation_for_every_role(name: str, gql: GraphQLClient) -> None:
    operation = MATRIX[name]
    for label, actor in _actors():
        response = await gql.raw(actor, operation.document, operation.variables)
        codes = [
            error.get("extensions", {}).get("code")
            for error in response.get("errors", [])
        ]
        expected = _expected_code(operation, label, actor)

        if expected is None:
            assert "FORBIDDEN" not in codes, f"{name} as {label}: {response}"
            assert "UNAUTHENTICATED" not in codes, f"{name} as {label}: {response}"
            assert "INTERNAL_SERVER_ERROR" not in codes, (
                f"{name} as {label}: {response}"
            )
        else:
            assert codes[:1] == [expected], f"{name} as {label}: {response}"


async def test_forbidden_names_the_role_needed(gql: GraphQLClient) -> None:
    error = await gql.denied(
        Actor(role=Role.SME, user_id=uuid.uuid4()),
        "{ users { totalCount } }",
        "FORBIDDEN",
    )

    assert "ADMIN" in error["message"]
    assert error["extensions"]["requiredRoles"] == ["ADMIN"]


def test_machine_client_queries_match_schema() -> None:
    graphql_schema = schema._schema
    assert graphql_schema.query_type is not None
    open_to_machines = {
        name for name, operation in MATRIX.items() if operation.machine
    } & set(graphql_schema.query_type.fields)

    assert set(MACHINE_CLIENT_QUERIES) == open_to_machines


async def test_machine_client_read_refusal_lists_queries(
    gql: GraphQLClient,
) -> None:
    machine = Actor(role=Role.LENDER, lender_id=uuid.uuid4(), client_id="system")

    error = await gql.denied(machine, "{ invoices { totalCount } }", "FORBIDDEN")

    assert error["message"] == (
        "Machine clients may read viewer, node, lenders, applications, offers, "
        "loans, disbursals, portfolio only; a lender user may use invoices."
    )


async def test_machine_client_admin_read_refusal(
    gql: GraphQLClient,
) -> None:
    machine = Actor(role=Role.LENDER, lender_id=uuid.uuid4(), client_id="system")

    error = await gql.denied(machine, "{ users { totalCount } }", "FORBIDDEN")

    assert error["message"].startswith("Machine clients may read viewer, node,")
    assert error["message"].endswith("users needs a user with the role ADMIN.")


async def test_machine_client_mutation_refusal(
    gql: GraphQLClient,
) -> None:
    machine = Actor(role=Role.LENDER, lender_id=uuid.uuid4(), client_id="system")

    error = await gql.denied(
        machine,
        'mutation { declineApplication(input: {applicationId: "x", reason: "r"}) '
        "{ errors { code } } }",
        "FORBIDDEN",
    )

    assert error["message"] == (
        "Machine clients have read-only access; a lender user may use "
        "declineApplication."
    )


NODE = "query($id: ID!) { node(id: $id) { id } }"


async def test_other_sme_rows_not_found(database: Database, gql: GraphQLClient) -> None:
    owner = await create_sme(database)
    intruder = await create_sme(database)
    buyer = await create_buyer(database)
    invoice = await create_invoice(database, owner, buyer)

    for type_name, row_id in (
        ("Invoice", invoice.id),
        ("Sme", owner.id),
        ("Buyer", buyer.id),
    ):
        data = await gql(
            sme_actor(intruder), NODE, {"id": to_global_id(type_name, row_id)}
        )
        assert data["node"] is None, type_name


async def test_other_lender_rows_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    lender = await create_lender(database)
    stranger = await create_lender(database)
    owner = await create_sme(database)
    invoice = await create_invoice(database, owner, await create_buyer(database))

    for type_name, row_id in (
        ("Invoice", invoice.id),
        ("Sme", owner.id),
        ("LenderPartner", lender.id),
    ):
        data = await gql(
            lender_actor(stranger), NODE, {"id": to_global_id(type_name, row_id)}
        )
        assert data["node"] is None, type_name


# Richer documents than the matrix's for queries MANAGEMENT reads, so that
# every aggregate field is looked at.
MANAGEMENT_DOCUMENTS = {
    "kpis": """{ kpis(from: "2026-06-01", to: "2026-07-31") {
        key name definition value unit status targetToDate
        target { key direction low high wording } series { month value } } }""",
    "milestones": "{ milestones { key name definition actual dueOn status } }",
    "marketingSpend": """{ marketingSpend(from: "2026-06-01", to: "2026-07-31") {
        month channel amount createdAt } }""",
    "smes": "{ smes { totalCount nodes { legalName pan } } }",
    "viewer": "{ viewer { role user { email fullName phone } sme { legalName } } }",
}
PERSONAL_DATA = (
    "Marker Looms",
    "AAPCM4321K",
    "owner@marker-looms.example",
    "+919812345678",
    "Marker Signatory",
    "Marker ticket subject",
    "Marker ticket message",
    "Marker survey comment",
    "Marker incident",
)


async def _store_personal_data(database: Database) -> None:
    sme = await create_sme(
        database,
        legal_name="Marker Looms Private Limited",
        pan="AAPCM4321K",
        kyc_verified_at=datetime(2026, 7, 2, tzinfo=UTC),
    )
    user = models.User(
        email="owner@marker-looms.example",
        full_name="Marker Owner",
        phone="+919812345678",
        role=Role.SME,
        sme_id=sme.id,
    )
    ticket = models.SupportTicket(
        sme_id=sme.id,
        category=TicketCategory.KYC,
        subject="Marker ticket subject",
        opened_at=datetime(2026, 7, 3, tzinfo=UTC),
    )
    await add(database, user, ticket)
    await add(
        database,
        models.TicketMessage(ticket_id=ticket.id, body="Marker ticket message"),
        models.KycSubmission(
            sme_id=sme.id,
            pan="AAPCM4321K",
            gstins=[],
            bank_account_number="123456789012",
            ifsc="HDFC0001234",
            signatory_name="Marker Signatory",
        ),
        models.SurveyResponse(
            sme_id=sme.id,
            user_id=user.id,
            period="2026-Q3",
            nps_score=9,
            comment="Marker survey comment",
            answered_at=datetime(2026, 7, 5, tzinfo=UTC),
        ),
        models.SecurityIncident(
            occurred_at=datetime(2026, 7, 6, tzinfo=UTC),
            detected_at=datetime(2026, 7, 6, tzinfo=UTC),
            severity=IncidentSeverity.HIGH,
            title="Marker incident",
            description="Marker incident details",
            personal_data_exposed=True,
        ),
    )


def _counts(value: Any) -> list[int]:
    """Every totalCount anywhere in a response."""
    if isinstance(value, dict):
        found = [value["totalCount"]] if "totalCount" in value else []
        return found + [n for item in value.values() for n in _counts(item)]
    if isinstance(value, list):
        return [n for item in value for n in _counts(item)]
    return []


async def test_management_reads_no_personal_data(
    database: Database, gql: GraphQLClient
) -> None:
    await _store_personal_data(database)
    management = Actor(role=Role.MANAGEMENT, user_id=uuid.uuid4())
    query_type = schema._schema.query_type
    assert query_type is not None
    readable = [
        name
        for name in sorted(query_type.fields)
        if isinstance(MATRIX[name].allowed, frozenset)
        and Role.MANAGEMENT in MATRIX[name].allowed
    ]

    for name in readable:
        document = MANAGEMENT_DOCUMENTS.get(name, MATRIX[name].document)
        response = await gql.raw(management, document, MATRIX[name].variables)
        text = json.dumps(response)

        assert "errors" not in response, f"{name}: {response}"
        for value in PERSONAL_DATA:
            assert value not in text, f"{name} shows {value!r} to MANAGEMENT"
        assert set(_counts(response)) <= {0}, f"{name} lists rows: {text}"
    assert {"kpis", "milestones", "marketingSpend"} <= set(readable)


async def test_other_lender_financing_not_found(
    database: Database, gql: GraphQLClient
) -> None:
    book, offer, disbursal = await requested_disbursal(database)
    [loan, _] = await loans_of(database, offer)
    stranger = await open_book(database)

    for type_name, row_id in (
        ("FinancingApplication", offer.application_id),
        ("Offer", offer.id),
        ("Loan", loan.id),
        ("Disbursal", disbursal.id),
        ("LenderProduct", book.product.id),
    ):
        data = await gql(stranger.maker, NODE, {"id": to_global_id(type_name, row_id)})
        assert data["node"] is None, type_name
