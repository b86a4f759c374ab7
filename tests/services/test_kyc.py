"""KYC submission with an online verification provider."""

from __future__ import annotations

import dataclasses

import pytest

from hundi import models
from hundi.db import Database
from hundi.domain.enums import KycDocumentKind
from hundi.domain.identifiers import build_gstin
from hundi.services.documents import DocumentStore, UploadedFile
from hundi.services.errors import FieldErrors
from hundi.services.kyc import KycDocumentUpload, KycInput, submit_kyc
from hundi.services.verification import GSTN_LOOKUP, PENNY_DROP, CheckResult
from hundi.settings import Settings
from support.factories import unique_pan
from support.kyc import registered_sme_user
from support.rows import count_rows
from support.uploads import pdf_bytes


class RecordingProvider:
    """A verification provider that fails the given GSTINs and records its calls."""

    def __init__(self, inactive_gstins: frozenset[str] = frozenset()) -> None:
        self.inactive_gstins = inactive_gstins
        self.calls: list[str] = []

    async def lookup_gstin(self, gstin: str) -> CheckResult:
        self.calls.append(f"{GSTN_LOOKUP} {gstin}")
        if gstin in self.inactive_gstins:
            return CheckResult(GSTN_LOOKUP, False, f"GSTIN {gstin} is cancelled.")
        return CheckResult(GSTN_LOOKUP, True)

    async def penny_drop(self, account_number: str, ifsc: str) -> CheckResult:
        self.calls.append(f"{PENNY_DROP} {ifsc}")
        return CheckResult(PENNY_DROP, True)


def kyc(pan: str) -> KycInput:
    return KycInput(
        pan=pan,
        gstins=[build_gstin("27", pan)],
        udyam_number=None,
        bank_account_number="50100012345678",
        ifsc="HDFC0001234",
        signatory_name="Meera Kulkarni",
        signatory_designation=None,
        documents=[
            KycDocumentUpload(
                KycDocumentKind.PAN_CARD, UploadedFile("pan.pdf", pdf_bytes())
            )
        ],
    )


async def test_submit_kyc_records_checks_that_ran(
    database: Database, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    provider = RecordingProvider()

    submission = await submit_kyc(
        database,
        actor,
        kyc(unique_pan("C")),
        store=DocumentStore(settings.documents_dir),
        max_document_bytes=10**6,
        verifier=provider,
    )

    assert submission.checks_run == [GSTN_LOOKUP, PENNY_DROP]
    assert len(provider.calls) == 2


async def test_submit_kyc_without_provider_claims_no_check(
    database: Database, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)

    submission = await submit_kyc(
        database,
        actor,
        kyc(unique_pan("C")),
        store=DocumentStore(settings.documents_dir),
        max_document_bytes=10**6,
    )

    assert submission.checks_run == []


async def test_submit_kyc_failed_online_check_saves_nothing(
    database: Database, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    pan = unique_pan("C")
    provider = RecordingProvider(inactive_gstins=frozenset({build_gstin("27", pan)}))

    with pytest.raises(FieldErrors) as failure:
        await submit_kyc(
            database,
            actor,
            kyc(pan),
            store=DocumentStore(settings.documents_dir),
            max_document_bytes=10**6,
            verifier=provider,
        )

    [error] = failure.value.errors
    assert error.code == "ONLINE_CHECK_FAILED"
    assert "is cancelled" in error.message
    assert await count_rows(database, models.KycSubmission) == 0


async def test_submit_kyc_offline_errors_skip_provider(
    database: Database, settings: Settings
) -> None:
    _, actor = await registered_sme_user(database)
    provider = RecordingProvider()
    bad = dataclasses.replace(kyc(unique_pan("C")), ifsc="BAD")

    with pytest.raises(FieldErrors) as failure:
        await submit_kyc(
            database,
            actor,
            bad,
            store=DocumentStore(settings.documents_dir),
            max_document_bytes=10**6,
            verifier=provider,
        )

    assert [error.code for error in failure.value.errors] == ["INVALID_IFSC"]
    assert provider.calls == []
