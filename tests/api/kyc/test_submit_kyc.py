"""submitKyc: offline checks of identifiers and documents, state, what is saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.enums import Constitution, KycStatus, Role, SmeStatus
from hundi.domain.identifiers import build_gstin, gstin_check_character
from hundi.settings import Settings
from support.factories import create_sme, create_user, platform_actor, unique_pan
from support.graphql import GraphQLClient
from support.kyc import SUBMIT_KYC, kyc_input, registered_sme_user, submit_kyc
from support.rows import all_rows, audit_actions, count_rows, stored_files
from support.uploads import EXECUTABLE_BYTES, pdf_bytes, png_bytes, upload

FIRM_PAN = "AAPFU0939F"
FIRM_GSTIN = "27AAPFU0939F1ZV"


async def submit(
    gql: GraphQLClient, actor: Any, pan: str, **overrides: Any
) -> dict[str, Any]:
    data = await gql(actor, SUBMIT_KYC, kyc_input(pan, **overrides))
    payload: dict[str, Any] = data["submitKyc"]
    return payload


def errors_by_field(payload: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    return {tuple(error["field"] or ()): error for error in payload["errors"]}


async def assert_nothing_saved(database: Database, settings: Settings) -> None:
    assert await count_rows(database, models.KycSubmission) == 0
    assert await count_rows(database, models.KycDocument) == 0
    assert await count_rows(database, models.AuditRecord) == 0
    assert stored_files(settings.documents_dir) == []
    for sme in await all_rows(database, models.Sme):
        assert sme.status is SmeStatus.REGISTERED


async def test_submit_kyc_saves_submission_and_documents(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    pan = unique_pan("C")
    started = datetime.now(UTC) - timedelta(minutes=12)

    submission = await submit_kyc(gql, actor, pan, startedAt=started.isoformat())

    assert submission["status"] == "SUBMITTED"
    assert submission["pan"] == pan
    assert submission["gstins"] == [build_gstin("27", pan), build_gstin("29", pan)]
    assert submission["onlineChecks"] == []
    assert datetime.fromisoformat(submission["startedAt"]) == started
    [row] = await all_rows(database, models.KycSubmission)
    assert row.submitted_at >= started
    assert row.submitted_by_user_id == actor.user_id
    [sme_row] = await all_rows(database, models.Sme)
    assert sme_row.status is SmeStatus.KYC_SUBMITTED
    assert await audit_actions(database) == ["kyc.submitted", "sme.kyc_submitted"]


async def test_submit_kyc_documents_stored_by_content(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    content = pdf_bytes()
    documents = [{"kind": "PAN_CARD", "file": upload(content, "../../etc/pan.png")}]

    submission = await submit_kyc(gql, actor, documents=documents)

    [document] = submission["documents"]
    assert document["contentType"] == "application/pdf"
    assert document["filename"] == "pan.png"
    assert document["sizeBytes"] == len(content)
    assert document["downloadPath"] == f"/documents/kyc/{document['id']}"
    [row] = await all_rows(database, models.KycDocument)
    stored = Path(settings.documents_dir) / row.storage_key
    assert stored.read_bytes() == content
    assert row.storage_key.startswith("kyc/")
    assert "pan" not in row.storage_key


async def test_submit_kyc_png_accepted(database: Database, gql: GraphQLClient) -> None:
    _, actor = await registered_sme_user(database)
    documents = [{"kind": "CANCELLED_CHEQUE", "file": upload(png_bytes(), "c.png")}]

    submission = await submit_kyc(gql, actor, documents=documents)

    assert submission["documents"][0]["contentType"] == "image/png"


async def test_submit_kyc_bad_gstin_check_character(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)

    payload = await submit(gql, actor, FIRM_PAN, gstins=["27AAPFU0939F1ZX"])

    assert payload["kycSubmission"] is None
    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins", "0"]
    assert error["code"] == "INVALID_GSTIN"
    assert "GSTIN 27AAPFU0939F1ZX has check character X, expected V" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_bad_gstin_state_code(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)
    prefix = "39AAPFU0939F1Z"
    gstin = prefix + gstin_check_character(prefix)

    payload = await submit(gql, actor, FIRM_PAN, gstins=[FIRM_GSTIN, gstin])

    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins", "1"]
    assert error["code"] == "INVALID_GSTIN"
    assert f"GSTIN {gstin} has unknown state code 39" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_gstin_pan_mismatch(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)

    payload = await submit(gql, actor, FIRM_PAN, gstins=["33AAPFD1365C1ZR"])

    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins", "0"]
    assert error["code"] == "GSTIN_PAN_MISMATCH"
    assert "33AAPFD1365C1ZR" in error["message"]
    assert "AAPFD1365C" in error["message"]
    assert FIRM_PAN in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_bad_ifsc(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, unique_pan("C"), ifsc="HDFC1234567")

    [error] = payload["errors"]
    assert error["field"] == ["input", "ifsc"]
    assert error["code"] == "INVALID_IFSC"
    assert "IFSC HDFC1234567 is invalid" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_bad_udyam(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, unique_pan("C"), udyamNumber="UDYAM-MH-1-12345")

    [error] = payload["errors"]
    assert error["field"] == ["input", "udyamNumber"]
    assert error["code"] == "INVALID_UDYAM"
    assert "UDYAM-MH-1-12345" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_bad_pan_holder_type(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, "AAPXU0939F", gstins=[FIRM_GSTIN])

    errors = errors_by_field(payload)
    assert errors[("input", "pan")]["code"] == "INVALID_PAN"
    assert "PAN AAPXU0939F has holder type X" in errors[("input", "pan")]["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_pan_holder_not_constitution(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PRIVATE_LIMITED)

    payload = await submit(gql, actor, FIRM_PAN, gstins=[FIRM_GSTIN])

    [error] = payload["errors"]
    assert error["field"] == ["input", "pan"]
    assert error["code"] == "PAN_HOLDER_MISMATCH"
    assert "holder type F" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_bad_bank_account(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, unique_pan("C"), bankAccountNumber="12AB34")

    [error] = payload["errors"]
    assert error["field"] == ["input", "bankAccountNumber"]
    assert error["code"] == "INVALID_BANK_ACCOUNT"
    assert "12AB34" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_duplicate_gstin_in_list(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)

    payload = await submit(gql, actor, FIRM_PAN, gstins=[FIRM_GSTIN, FIRM_GSTIN])

    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins", "1"]
    assert error["code"] == "DUPLICATE_GSTIN"
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_without_gstins(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, unique_pan("C"), gstins=[])

    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins"]
    assert error["code"] == "REQUIRED"
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_every_bad_field_reported(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)

    payload = await submit(
        gql,
        actor,
        FIRM_PAN,
        gstins=["27AAPFU0939F1ZX", "33AAPFD1365C1ZR"],
        ifsc="HDFC1234567",
        udyamNumber="UDYAM-MH-1-12345",
        bankAccountNumber="12",
        signatoryName=" ",
    )

    errors = errors_by_field(payload)
    assert errors[("input", "gstins", "0")]["code"] == "INVALID_GSTIN"
    assert errors[("input", "gstins", "1")]["code"] == "GSTIN_PAN_MISMATCH"
    assert errors[("input", "ifsc")]["code"] == "INVALID_IFSC"
    assert errors[("input", "udyamNumber")]["code"] == "INVALID_UDYAM"
    assert errors[("input", "bankAccountNumber")]["code"] == "INVALID_BANK_ACCOUNT"
    assert errors[("input", "signatoryName")]["code"] == "REQUIRED"
    assert len(payload["errors"]) == 6
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_gstin_of_other_sme(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    other = await create_sme(database, pan=FIRM_PAN, legal_name="Umang Fabrics")
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)
    gstin = build_gstin("27", FIRM_PAN)

    payload = await submit(gql, actor, FIRM_PAN, gstins=[gstin])

    [error] = payload["errors"]
    assert error["field"] == ["input", "gstins", "0"]
    assert error["code"] == "GSTIN_TAKEN"
    assert gstin in error["message"]
    assert other.legal_name not in error["message"]
    assert await count_rows(database, models.KycSubmission) == 0


async def test_submit_kyc_taken_gstin_reported_at_its_index(
    database: Database, gql: GraphQLClient
) -> None:
    await create_sme(database, pan=FIRM_PAN, state_code="29")
    _, actor = await registered_sme_user(database, Constitution.PARTNERSHIP)
    taken = build_gstin("29", FIRM_PAN)

    payload = await submit(gql, actor, FIRM_PAN, gstins=["27AAPFU0939F1ZX", taken])

    errors = errors_by_field(payload)
    assert errors[("input", "gstins", "0")]["code"] == "INVALID_GSTIN"
    assert errors[("input", "gstins", "1")]["code"] == "GSTIN_TAKEN"
    assert len(payload["errors"]) == 2
    assert await count_rows(database, models.KycSubmission) == 0


@pytest.mark.parametrize(
    "status", [SmeStatus.KYC_SUBMITTED, SmeStatus.KYC_VERIFIED], ids=str
)
async def test_submit_kyc_already_submitted(
    database: Database, gql: GraphQLClient, status: SmeStatus
) -> None:
    sme = await create_sme(database, status=status)
    actor = await create_user(database, Role.SME, sme=sme)

    payload = await submit(gql, actor, unique_pan("C"))

    [error] = payload["errors"]
    assert error["field"] is None
    assert error["code"] == "KYC_ALREADY_SUBMITTED"
    assert await count_rows(database, models.KycSubmission) == 0
    [row] = await all_rows(database, models.Sme)
    assert row.status is status


async def test_submit_kyc_again_after_rejection(
    database: Database, gql: GraphQLClient
) -> None:
    sme, actor = await registered_sme_user(database)
    async with database.transaction() as session:
        row = await session.get_one(models.Sme, sme.id)
        row.status = SmeStatus.KYC_REJECTED

    submission = await submit_kyc(gql, actor)

    assert submission["status"] == KycStatus.SUBMITTED.value
    [row] = await all_rows(database, models.Sme)
    assert row.status is SmeStatus.KYC_SUBMITTED


async def test_submit_kyc_started_at_in_future(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    later = datetime.now(UTC) + timedelta(minutes=5)

    payload = await submit(gql, actor, unique_pan("C"), startedAt=later.isoformat())

    [error] = payload["errors"]
    assert error["field"] == ["input", "startedAt"]
    assert error["code"] == "INVALID_STARTED_AT"
    assert "after the submission time" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_without_started_at(
    database: Database, gql: GraphQLClient
) -> None:
    _, actor = await registered_sme_user(database)

    submission = await submit_kyc(gql, actor, startedAt=None)

    assert submission["startedAt"] is None
    assert submission["submittedAt"] is not None


async def test_submit_kyc_executable_named_pdf_rejected(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    file = upload(EXECUTABLE_BYTES, "pan-card.pdf", "application/pdf")

    payload = await submit(
        gql, actor, unique_pan("C"), documents=[{"kind": "PAN_CARD", "file": file}]
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "documents", "0", "file"]
    assert error["code"] == "UNSUPPORTED_FILE_TYPE"
    assert "pan-card.pdf" in error["message"]
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_empty_file_rejected(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    documents = [
        {"kind": "PAN_CARD", "file": upload(pdf_bytes(), "pan.pdf")},
        {"kind": "GST_CERTIFICATE", "file": upload(b"", "gst.pdf")},
    ]

    payload = await submit(gql, actor, unique_pan("C"), documents=documents)

    [error] = payload["errors"]
    assert error["field"] == ["input", "documents", "1", "file"]
    assert error["code"] == "EMPTY_FILE"
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_file_over_limit_rejected(
    database: Database, settings: Settings
) -> None:
    small_limit = settings.model_copy(update={"max_document_bytes": 2048})
    gql = GraphQLClient(database, small_limit)
    _, actor = await registered_sme_user(database)
    content = pdf_bytes() + b"0" * 2048

    payload = await submit(
        gql,
        actor,
        unique_pan("C"),
        documents=[{"kind": "PAN_CARD", "file": upload(content, "pan.pdf")}],
    )

    [error] = payload["errors"]
    assert error["field"] == ["input", "documents", "0", "file"]
    assert error["code"] == "FILE_TOO_LARGE"
    assert "2048 bytes" in error["message"]
    await assert_nothing_saved(database, small_limit)


async def test_submit_kyc_without_documents(
    database: Database, gql: GraphQLClient, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    payload = await submit(gql, actor, unique_pan("C"), documents=[])

    [error] = payload["errors"]
    assert error["field"] == ["input", "documents"]
    assert error["code"] == "REQUIRED"
    await assert_nothing_saved(database, settings)


async def test_submit_kyc_as_ops_forbidden(gql: GraphQLClient) -> None:
    await gql.denied(
        platform_actor(Role.OPS),
        SUBMIT_KYC,
        "FORBIDDEN",
        kyc_input(unique_pan("C")),
    )


async def test_submit_kyc_anonymous_unauthenticated(gql: GraphQLClient) -> None:
    await gql.denied(None, SUBMIT_KYC, "UNAUTHENTICATED", kyc_input(unique_pan("C")))
