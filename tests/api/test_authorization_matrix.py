"""Every query and mutation, for every role: allowed, or refused with the right code.

The matrix lists each root field of the schema. A field the schema has and
the matrix lacks fails the test, so a new operation cannot skip the check.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest

from hundi.api.relay import to_global_id
from hundi.api.schema import schema
from hundi.db import Database
from hundi.domain.enums import Role
from hundi.services.actor import Actor
from support.factories import (
    create_buyer,
    create_invoice,
    create_lender,
    create_sme,
    lender_actor,
    sme_actor,
)
from support.graphql import GraphQLClient

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


FAKE_ID = to_global_id("User", uuid.UUID(int=1))

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
