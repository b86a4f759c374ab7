"""kycQueue: OPS's list of submissions waiting for review, oldest first."""

from __future__ import annotations

from hundi.db import Database
from hundi.domain.enums import Role
from support.factories import create_user
from support.graphql import GraphQLClient, count_statements
from support.kyc import registered_sme_user, submit_kyc

QUEUE = """
query Queue($first: Int, $after: String) {
  kycQueue(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id status submittedAt
      sme { legalName }
      documents { kind contentType sizeBytes sha256 downloadPath }
    }
  }
}
"""

REVIEW_KYC = """
mutation Review($input: ReviewKycInput!) {
  reviewKyc(input: $input) { errors { code } }
}
"""


async def test_kyc_queue_oldest_first_with_documents(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.OPS)
    names = []
    for _ in range(3):
        sme, actor = await registered_sme_user(database)
        names.append(sme.legal_name)
        await submit_kyc(gql, actor)

    data = await gql(ops, QUEUE)

    queue = data["kycQueue"]
    assert queue["totalCount"] == 3
    assert [node["sme"]["legalName"] for node in queue["nodes"]] == names
    documents = queue["nodes"][0]["documents"]
    assert [document["kind"] for document in documents] == [
        "PAN_CARD",
        "GST_CERTIFICATE",
    ]
    assert documents[1]["contentType"] == "image/jpeg"
    assert documents[0]["downloadPath"].startswith("/documents/kyc/")


async def test_kyc_queue_leaves_out_reviewed(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.OPS)
    _, first_actor = await registered_sme_user(database)
    reviewed = await submit_kyc(gql, first_actor)
    _, second_actor = await registered_sme_user(database)
    waiting = await submit_kyc(gql, second_actor)
    await gql(
        ops,
        REVIEW_KYC,
        {"input": {"submissionId": reviewed["id"], "decision": "APPROVE"}},
    )

    data = await gql(ops, QUEUE)

    assert [node["id"] for node in data["kycQueue"]["nodes"]] == [waiting["id"]]


async def test_kyc_queue_pages_follow_cursor(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.ADMIN)
    for _ in range(3):
        _, actor = await registered_sme_user(database)
        await submit_kyc(gql, actor)

    first = await gql(ops, QUEUE, {"first": 2})
    cursor = first["kycQueue"]["pageInfo"]["endCursor"]
    second = await gql(ops, QUEUE, {"first": 2, "after": cursor})

    seen = [node["id"] for node in first["kycQueue"]["nodes"]]
    seen += [node["id"] for node in second["kycQueue"]["nodes"]]
    assert len(set(seen)) == 3
    assert first["kycQueue"]["pageInfo"]["hasNextPage"] is True
    assert second["kycQueue"]["pageInfo"]["hasNextPage"] is False


async def test_kyc_queue_statements_do_not_grow_with_rows(
    database: Database, gql: GraphQLClient
) -> None:
    ops = await create_user(database, Role.OPS)
    _, actor = await registered_sme_user(database)
    await submit_kyc(gql, actor)
    with count_statements(database) as one_row:
        await gql(ops, QUEUE)

    for _ in range(4):
        _, actor = await registered_sme_user(database)
        await submit_kyc(gql, actor)
    with count_statements(database) as five_rows:
        data = await gql(ops, QUEUE)

    assert len(data["kycQueue"]["nodes"]) == 5
    assert five_rows.count == one_row.count


async def test_kyc_queue_as_sme_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    _, actor = await registered_sme_user(database)

    error = await gql.denied(actor, QUEUE, "FORBIDDEN")

    assert "OPS or ADMIN" in error["message"]
