"""reviewKyc: OPS approves or rejects, and the outcome is shown to the SME."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from hundi import models
from hundi.api.relay import to_global_id
from hundi.db import Database
from hundi.domain.enums import KycStatus, Role, SmeStatus
from hundi.domain.identifiers import build_gstin
from hundi.services.actor import Actor
from support.factories import create_sme, create_user, unique_pan
from support.graphql import GraphQLClient
from support.kyc import registered_sme_user, submit_kyc
from support.rows import all_rows, audit_actions

REVIEW_KYC = """
mutation Review($input: ReviewKycInput!) {
  reviewKyc(input: $input) {
    kycSubmission { id status reviewedAt verifiedAt rejectionReason }
    errors { field message code }
  }
}
"""

OWN_KYC = """
query OwnKyc($id: ID!) {
  node(id: $id) {
    ... on Sme { status gstins kycSubmissions { status rejectionReason } }
  }
}
"""


async def review(
    gql: GraphQLClient, actor: Actor, submission_id: str, **fields: Any
) -> dict[str, Any]:
    variables = {"input": {"submissionId": submission_id, **fields}}
    data = await gql(actor, REVIEW_KYC, variables)
    payload: dict[str, Any] = data["reviewKyc"]
    return payload


@pytest.fixture
async def ops(database: Database) -> Actor:
    return await create_user(database, Role.OPS)


async def test_review_kyc_approve_verifies_sme(
    database: Database, gql: GraphQLClient, ops: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    sme, actor = await registered_sme_user(database)
    pan = unique_pan("C")
    submitted = await submit_kyc(gql, actor, pan)
    caplog.set_level(logging.INFO, logger="hundi.services.kyc")

    payload = await review(gql, ops, submitted["id"], decision="APPROVE")

    assert payload["errors"] == []
    assert payload["kycSubmission"]["status"] == "APPROVED"
    assert payload["kycSubmission"]["verifiedAt"] is not None
    [row] = await all_rows(database, models.Sme)
    assert row.status is SmeStatus.KYC_VERIFIED
    assert row.pan == pan
    assert row.udyam_number == "UDYAM-MH-19-0001234"
    assert row.bank_account_number == "50100012345678"
    assert row.ifsc == "HDFC0001234"
    assert row.kyc_verified_at is not None
    [submission] = await all_rows(database, models.KycSubmission)
    assert submission.reviewed_by_user_id == ops.user_id
    assert submission.reviewed_at == submission.verified_at == row.kyc_verified_at
    async with database.session() as session:
        gstins = list(
            await session.execute(
                select(models.SmeGstin.gstin, models.SmeGstin.is_primary)
                .where(models.SmeGstin.sme_id == sme.id)
                .order_by(models.SmeGstin.is_primary.desc())
            )
        )
    assert [tuple(item) for item in gstins] == [
        (build_gstin("27", pan), True),
        (build_gstin("29", pan), False),
    ]
    assert (await audit_actions(database))[-2:] == ["kyc.approved", "sme.kyc_verified"]
    assert any("approved" in record.getMessage() for record in caplog.records)
    assert all(pan not in record.getMessage() for record in caplog.records)


async def test_review_kyc_audit_masks_pan(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    _, actor = await registered_sme_user(database)
    pan = unique_pan("C")
    submitted = await submit_kyc(gql, actor, pan)

    await review(gql, ops, submitted["id"], decision="APPROVE")

    async with database.session() as session:
        record = await session.scalar(
            select(models.AuditRecord).where(
                models.AuditRecord.action == "sme.kyc_verified"
            )
        )
    assert record is not None
    assert record.after is not None
    assert record.after["pan"] == pan[:5] + "XXXX" + pan[9]
    assert record.after["bank_account_number"].endswith("5678")
    assert "50100012345678" not in str(record.after)
    assert record.after["gstins"] == [build_gstin("27", pan), build_gstin("29", pan)]


async def test_review_kyc_reject_shown_to_sme(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    sme, actor = await registered_sme_user(database)
    submitted = await submit_kyc(gql, actor)

    payload = await review(
        gql,
        ops,
        submitted["id"],
        decision="REJECT",
        rejectionReason="The GST certificate is unreadable; upload a clear scan.",
    )

    assert payload["kycSubmission"]["status"] == "REJECTED"
    assert payload["kycSubmission"]["verifiedAt"] is None
    seen = await gql(actor, OWN_KYC, {"id": to_global_id("Sme", sme.id)})
    assert seen["node"]["status"] == "KYC_REJECTED"
    assert seen["node"]["gstins"] == []
    assert seen["node"]["kycSubmissions"] == [
        {
            "status": "REJECTED",
            "rejectionReason": "The GST certificate is unreadable; upload a clear "
            "scan.",
        }
    ]


async def test_review_kyc_resubmit_after_rejection_then_approve(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    sme, actor = await registered_sme_user(database)
    first = await submit_kyc(gql, actor)
    await review(gql, ops, first["id"], decision="REJECT", rejectionReason="Blurred")

    second = await submit_kyc(gql, actor)
    payload = await review(gql, ops, second["id"], decision="APPROVE")

    assert payload["errors"] == []
    seen = await gql(actor, OWN_KYC, {"id": to_global_id("Sme", sme.id)})
    assert [item["status"] for item in seen["node"]["kycSubmissions"]] == [
        "APPROVED",
        "REJECTED",
    ]


async def test_review_kyc_reject_without_reason(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    _, actor = await registered_sme_user(database)
    submitted = await submit_kyc(gql, actor)
    actions_before = await audit_actions(database)

    payload = await review(gql, ops, submitted["id"], decision="REJECT")

    assert payload["kycSubmission"] is None
    [error] = payload["errors"]
    assert error["field"] == ["input", "rejectionReason"]
    assert error["code"] == "REQUIRED"
    [submission] = await all_rows(database, models.KycSubmission)
    assert submission.status is KycStatus.SUBMITTED
    [row] = await all_rows(database, models.Sme)
    assert row.status is SmeStatus.KYC_SUBMITTED
    assert await audit_actions(database) == actions_before


async def test_review_kyc_not_pending(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    _, actor = await registered_sme_user(database)
    submitted = await submit_kyc(gql, actor)
    await review(gql, ops, submitted["id"], decision="APPROVE")

    payload = await review(
        gql, ops, submitted["id"], decision="REJECT", rejectionReason="x"
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "submissionId"]
    assert error["code"] == "KYC_NOT_PENDING"
    assert "APPROVED" in error["message"]
    [row] = await all_rows(database, models.Sme)
    assert row.status is SmeStatus.KYC_VERIFIED


@pytest.mark.parametrize(
    "submission_id",
    [to_global_id("KycSubmission", uuid.uuid4()), to_global_id("Sme", uuid.uuid4())],
    ids=["unknown", "other-type"],
)
async def test_review_kyc_unknown_submission(
    gql: GraphQLClient, ops: Actor, submission_id: str
) -> None:
    payload = await review(gql, ops, submission_id, decision="APPROVE")

    [error] = payload["errors"]
    assert error["field"] == ["input", "submissionId"]
    assert error["code"] == "NOT_FOUND"


async def test_review_kyc_gstin_taken_meanwhile(
    database: Database, gql: GraphQLClient, ops: Actor
) -> None:
    _, actor = await registered_sme_user(database)
    pan = unique_pan("C")
    submitted = await submit_kyc(gql, actor, pan)
    # Another SME got the first GSTIN verified after this submission.
    await create_sme(database, pan=pan)

    payload = await review(gql, ops, submitted["id"], decision="APPROVE")

    [error] = payload["errors"]
    assert error["code"] == "GSTIN_TAKEN"
    assert build_gstin("27", pan) in error["message"]
    [submission] = await all_rows(database, models.KycSubmission)
    assert submission.status is KycStatus.SUBMITTED


async def test_review_kyc_as_sme_forbidden(
    database: Database, gql: GraphQLClient
) -> None:
    _, actor = await registered_sme_user(database)
    submitted = await submit_kyc(gql, actor)

    await gql.denied(
        actor,
        REVIEW_KYC,
        "FORBIDDEN",
        {"input": {"submissionId": submitted["id"], "decision": "APPROVE"}},
    )
