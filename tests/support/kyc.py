"""Valid KYC input for tests, and a helper that submits it through the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Constitution, Role
from hundi.domain.identifiers import build_gstin
from hundi.services.actor import Actor
from support.factories import create_registered_sme, create_user, unique_pan
from support.graphql import GraphQLClient
from support.uploads import jpeg_bytes, pdf_bytes, upload

SUBMIT_KYC = """
mutation Submit($input: SubmitKycInput!) {
  submitKyc(input: $input) {
    kycSubmission {
      id status pan gstins udyamNumber bankAccountNumber ifsc
      signatoryName signatoryDesignation startedAt submittedAt onlineChecks
      documents { id kind filename contentType sizeBytes sha256 downloadPath }
    }
    errors { field message code }
  }
}
"""


def kyc_input(pan: str, **overrides: Any) -> dict[str, Any]:
    """Valid KYC input for a private limited company with PAN `pan`."""
    if "gstins" not in overrides:
        overrides["gstins"] = [build_gstin("27", pan), build_gstin("29", pan)]
    values: dict[str, Any] = {
        "pan": pan,
        "udyamNumber": "UDYAM-MH-19-0001234",
        "bankAccountNumber": "50100012345678",
        "ifsc": "HDFC0001234",
        "signatoryName": "Meera Kulkarni",
        "signatoryDesignation": "Director",
        "documents": [
            {"kind": "PAN_CARD", "file": upload(pdf_bytes(), "pan.pdf")},
            {"kind": "GST_CERTIFICATE", "file": upload(jpeg_bytes(), "gst.jpg")},
        ],
        "startedAt": (datetime.now(UTC) - timedelta(minutes=12)).isoformat(),
    }
    values.update(overrides)
    return {"input": values}


async def registered_sme_user(
    database: Database, constitution: Constitution = Constitution.PRIVATE_LIMITED
) -> tuple[models.Sme, Actor]:
    sme = await create_registered_sme(database, constitution=constitution)
    return sme, await create_user(database, Role.SME, sme=sme)


async def submit_kyc(
    gql: GraphQLClient, actor: Actor, pan: str | None = None, **overrides: Any
) -> dict[str, Any]:
    """Submit valid KYC as `actor`; fail the test unless it succeeds."""
    data = await gql(actor, SUBMIT_KYC, kyc_input(pan or unique_pan("C"), **overrides))
    payload: dict[str, Any] = data["submitKyc"]
    assert payload["errors"] == [], payload["errors"]
    submission: dict[str, Any] = payload["kycSubmission"]
    return submission
