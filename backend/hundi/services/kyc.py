"""KYC: an SME submits who it is, OPS approves or rejects it.

    SME status  REGISTERED | KYC_REJECTED --submit--> KYC_SUBMITTED
                KYC_SUBMITTED --approve--> KYC_VERIFIED
                KYC_SUBMITTED --reject---> KYC_REJECTED (the SME may resubmit)

A submission is checked offline first (identifier layouts, check
characters, the PAN inside each GSTIN, the documents' content), then against
the database, then online when a verification provider is configured. Every
failure is reported together, and nothing is written while any remains.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hundi.db import Database
from hundi.domain.enums import (
    Constitution,
    KycDecision,
    KycDocumentKind,
    KycStatus,
    SmeStatus,
)
from hundi.domain.identifiers import (
    validate_bank_account_number,
    validate_gstin,
    validate_ifsc,
    validate_pan,
    validate_udyam,
)
from hundi.domain.masking import mask_account_number, mask_pan
from hundi.models import KycDocument, KycSubmission, Sme, SmeGstin
from hundi.services.actor import Actor
from hundi.services.audit import record_audit, snapshot
from hundi.services.checks import ErrorCollector
from hundi.services.documents import (
    JPEG,
    PDF,
    PNG,
    DocumentStore,
    UploadedFile,
    check_upload,
    clean_filename,
    forget_files,
    sniff_content_type,
)
from hundi.services.errors import FieldError, FieldErrors
from hundi.services.verification import VerificationProvider, run_online_checks

logger = logging.getLogger(__name__)

KYC_DOCUMENT_TYPES = (PDF, JPEG, PNG)
MAX_KYC_DOCUMENTS = 10
MAX_REJECTION_REASON_LENGTH = 2000

_OPEN_TO_SUBMIT = (SmeStatus.REGISTERED, SmeStatus.KYC_REJECTED)

# The 4th character of the PAN for each legal form whose PAN holder type is
# fixed. A proprietorship uses its owner's personal PAN; a society may hold
# an association (A) or a trust (T) PAN, so it is not checked.
_PAN_HOLDER_BY_CONSTITUTION = {
    Constitution.PRIVATE_LIMITED: "C",
    Constitution.PUBLIC_LIMITED: "C",
    Constitution.PARTNERSHIP: "F",
    Constitution.LLP: "F",
    Constitution.PROPRIETORSHIP: "P",
    Constitution.HUF: "H",
    Constitution.TRUST: "T",
}

_SME_KYC_FIELDS = (
    "status",
    "pan",
    "udyam_number",
    "bank_account_number",
    "ifsc",
    "kyc_verified_at",
)
_SUBMISSION_REVIEW_FIELDS = (
    "status",
    "reviewed_at",
    "reviewed_by_user_id",
    "verified_at",
    "rejection_reason",
)


@dataclass(frozen=True)
class KycDocumentUpload:
    """One document of a KYC submission and what it proves."""

    kind: KycDocumentKind
    file: UploadedFile


@dataclass(frozen=True)
class KycInput:
    """The identifiers, bank account and documents an SME submits for KYC."""

    pan: str
    gstins: list[str]
    udyam_number: str | None
    bank_account_number: str
    ifsc: str
    signatory_name: str
    signatory_designation: str | None
    documents: list[KycDocumentUpload]
    # When the user opened the KYC form, as the web app saw it.
    started_at: datetime | None = None


@dataclass(frozen=True)
class _CleanKyc:
    pan: str
    # Each valid GSTIN and its position in the input, in input order.
    gstins: dict[str, int]
    udyam_number: str | None
    bank_account_number: str
    ifsc: str
    signatory_name: str
    signatory_designation: str | None
    started_at: datetime | None


@dataclass(frozen=True)
class KycReview:
    """OPS's decision on one submission."""

    # None when the given id is not the id of a KYC submission.
    submission_id: uuid.UUID | None
    decision: KycDecision
    rejection_reason: str | None = None


# Submitting ---------------------------------------------------------------------


async def submit_kyc(
    database: Database,
    actor: Actor,
    kyc: KycInput,
    *,
    store: DocumentStore,
    max_document_bytes: int,
    verifier: VerificationProvider | None = None,
) -> KycSubmission:
    """Check and save the SME's KYC submission; raise FieldErrors when it fails."""
    now = datetime.now(UTC)
    sme_id = _own_sme_id(actor)

    checks = ErrorCollector()
    clean = _check_offline(kyc, checks, now=now, max_document_bytes=max_document_bytes)
    async with database.session() as session:
        await _check_against_database(session, sme_id, clean, checks)
    checks.raise_if_any()

    checks_run = await _run_online_checks(verifier, clean)

    stored: list[str] = []
    try:
        async with database.transaction() as session:
            await _check_against_database(session, sme_id, clean, checks, lock=True)
            checks.raise_if_any()
            submission = await _save_submission(
                session, actor, sme_id, clean, checks_run, now=now
            )
            await _save_documents(session, submission, kyc.documents, store, stored)
    except BaseException:
        await forget_files(store, stored)
        raise

    logger.info("KYC submission %s of SME %s submitted", submission.id, sme_id)
    return submission


def _own_sme_id(actor: Actor) -> uuid.UUID:
    if actor.sme_id is None:
        raise PermissionError("only a user of an SME submits KYC")
    return actor.sme_id


def _check_offline(
    kyc: KycInput, checks: ErrorCollector, *, now: datetime, max_document_bytes: int
) -> _CleanKyc:
    """Check every field that needs no database; return the cleaned input.

    A field that failed is empty in the result, and its error is in `checks`.
    """
    pan = checks.identifier(validate_pan, kyc.pan, ("pan",), "INVALID_PAN")
    gstins = _check_gstins(kyc.gstins, pan, checks)
    udyam = ""
    if kyc.udyam_number and kyc.udyam_number.strip():
        udyam = checks.identifier(
            validate_udyam, kyc.udyam_number, ("udyamNumber",), "INVALID_UDYAM"
        )
    account = checks.identifier(
        validate_bank_account_number,
        kyc.bank_account_number,
        ("bankAccountNumber",),
        "INVALID_BANK_ACCOUNT",
    )
    ifsc = checks.identifier(validate_ifsc, kyc.ifsc, ("ifsc",), "INVALID_IFSC")
    signatory_name = checks.text(
        kyc.signatory_name, ("signatoryName",), "Signatory name", max_length=120
    )
    designation = checks.text(
        kyc.signatory_designation,
        ("signatoryDesignation",),
        "Signatory designation",
        max_length=80,
        required=False,
    )
    _check_documents(kyc.documents, checks, max_document_bytes)
    _check_started_at(kyc.started_at, checks, now=now)

    return _CleanKyc(
        pan=pan,
        gstins=gstins,
        udyam_number=udyam or None,
        bank_account_number=account,
        ifsc=ifsc,
        signatory_name=signatory_name,
        signatory_designation=designation or None,
        started_at=kyc.started_at,
    )


def _check_gstins(
    values: list[str], pan: str, checks: ErrorCollector
) -> dict[str, int]:
    if not values:
        checks.add(
            ("gstins",), "REQUIRED", "GSTINs are missing; give at least one GSTIN."
        )
        return {}

    gstins: dict[str, int] = {}
    for index, value in enumerate(values):
        field = ("gstins", index)
        gstin = checks.identifier(validate_gstin, value, field, "INVALID_GSTIN")
        if not gstin:
            continue

        if gstin in gstins:
            checks.add(
                field,
                "DUPLICATE_GSTIN",
                f"GSTIN {gstin} is listed twice; give each GSTIN once.",
            )
            continue

        if pan and gstin[2:12] != pan:
            checks.add(
                field,
                "GSTIN_PAN_MISMATCH",
                f"GSTIN {gstin} has PAN {gstin[2:12]} at characters 3-12, but the "
                f"PAN given is {pan}; give only GSTINs registered to this PAN.",
            )
        gstins[gstin] = index

    return gstins


def _check_documents(
    documents: list[KycDocumentUpload], checks: ErrorCollector, max_bytes: int
) -> None:
    if not documents:
        checks.add(
            ("documents",),
            "REQUIRED",
            "Documents are missing; upload at least the PAN card and the GST "
            "certificate.",
        )
        return

    if len(documents) > MAX_KYC_DOCUMENTS:
        checks.add(
            ("documents",),
            "TOO_MANY_DOCUMENTS",
            f"{len(documents)} documents were uploaded; upload at most "
            f"{MAX_KYC_DOCUMENTS}.",
        )
        return

    for index, document in enumerate(documents):
        checks.extend(
            check_upload(
                document.file,
                ("documents", index, "file"),
                allowed=KYC_DOCUMENT_TYPES,
                max_bytes=max_bytes,
            )
        )


def _check_started_at(
    started_at: datetime | None, checks: ErrorCollector, *, now: datetime
) -> None:
    if started_at is None:
        return

    if started_at.tzinfo is None or started_at.utcoffset() is None:
        checks.add(
            ("startedAt",),
            "INVALID_STARTED_AT",
            f"startedAt {started_at.isoformat()} has no time zone; send it with "
            "an offset, such as 2026-12-04T10:15:00Z.",
        )
    elif started_at > now:
        checks.add(
            ("startedAt",),
            "INVALID_STARTED_AT",
            f"startedAt {started_at.isoformat()} is after the submission time "
            f"{now.isoformat(timespec='seconds')}; send the time the user opened "
            "the KYC form.",
        )


async def _check_against_database(
    session: AsyncSession,
    sme_id: uuid.UUID,
    clean: _CleanKyc,
    checks: ErrorCollector,
    *,
    lock: bool = False,
) -> None:
    """Add the errors only the database can tell: SME state, PAN type, GSTINs taken."""
    statement = select(Sme).where(Sme.id == sme_id)
    if lock:
        # Of two submissions of one SME at once, the second waits for the
        # first and then finds KYC_SUBMITTED. SQLite ignores FOR UPDATE
        # because its writers are serialized already.
        statement = statement.with_for_update()
    sme = await session.scalar(statement)
    if sme is None:
        raise LookupError(f"SME {sme_id} of the signed-in user does not exist")

    if sme.status not in _OPEN_TO_SUBMIT:
        checks.add(
            None,
            "KYC_ALREADY_SUBMITTED",
            f"KYC is already {_status_words(sme.status)}; wait for the review "
            "instead of submitting again.",
        )

    if clean.pan:
        _check_pan_holder(sme.constitution, clean.pan, checks)
    await _check_gstins_free(session, sme_id, clean.gstins, checks)


def _status_words(status: SmeStatus) -> str:
    if status is SmeStatus.KYC_VERIFIED:
        return "verified, so there is nothing to submit"
    return "submitted and waiting for review"


def _check_pan_holder(
    constitution: Constitution, pan: str, checks: ErrorCollector
) -> None:
    expected = _PAN_HOLDER_BY_CONSTITUTION.get(constitution)
    if expected is None or pan[3] == expected:
        return

    checks.add(
        ("pan",),
        "PAN_HOLDER_MISMATCH",
        f"PAN {pan} has holder type {pan[3]}, but a business registered as "
        f"{constitution.value} has holder type {expected}; give the business's "
        "own PAN.",
    )


async def _check_gstins_free(
    session: AsyncSession,
    sme_id: uuid.UUID,
    gstins: dict[str, int],
    checks: ErrorCollector,
) -> None:
    taken = set(
        await session.scalars(
            select(SmeGstin.gstin).where(
                SmeGstin.gstin.in_(gstins), SmeGstin.sme_id != sme_id
            )
        )
    )
    for gstin, index in gstins.items():
        if gstin in taken:
            checks.add(
                ("gstins", index),
                "GSTIN_TAKEN",
                f"GSTIN {gstin} is already registered on Hundi by another "
                "business; contact support if it is yours.",
            )


async def _run_online_checks(
    verifier: VerificationProvider | None, clean: _CleanKyc
) -> list[str]:
    """Run the provider's checks; return the names of those that ran."""
    results = await run_online_checks(
        verifier, list(clean.gstins), clean.bank_account_number, clean.ifsc
    )
    failures = [
        FieldError(None, "ONLINE_CHECK_FAILED", f"{result.check}: {result.reason}")
        for result in results
        if not result.passed
    ]
    if failures:
        raise FieldErrors(failures)

    return [result.check for result in results]


async def _save_submission(
    session: AsyncSession,
    actor: Actor,
    sme_id: uuid.UUID,
    clean: _CleanKyc,
    checks_run: list[str],
    *,
    now: datetime,
) -> KycSubmission:
    submission = KycSubmission(
        sme_id=sme_id,
        status=KycStatus.SUBMITTED,
        pan=clean.pan,
        gstins=list(clean.gstins),
        udyam_number=clean.udyam_number,
        bank_account_number=clean.bank_account_number,
        ifsc=clean.ifsc,
        signatory_name=clean.signatory_name,
        signatory_designation=clean.signatory_designation,
        submitted_by_user_id=actor.user_id,
        started_at=clean.started_at,
        submitted_at=now,
        checks_run=checks_run,
    )
    session.add(submission)

    sme = await session.get_one(Sme, sme_id)
    before = snapshot(sme, "status")
    sme.status = SmeStatus.KYC_SUBMITTED
    await session.flush()

    await record_audit(
        session,
        actor,
        "kyc.submitted",
        "KycSubmission",
        submission.id,
        after=snapshot(submission, "sme_id", "status", "submitted_at", "checks_run"),
    )
    await record_audit(
        session,
        actor,
        "sme.kyc_submitted",
        "Sme",
        sme_id,
        before=before,
        after=snapshot(sme, "status"),
    )
    return submission


async def _save_documents(
    session: AsyncSession,
    submission: KycSubmission,
    documents: list[KycDocumentUpload],
    store: DocumentStore,
    stored: list[str],
) -> None:
    """Store each file and add its row; append each stored key to `stored`."""
    for document in documents:
        content = document.file.content
        key = await store.put("kyc", content)
        stored.append(key)
        content_type = sniff_content_type(content)
        assert content_type is not None  # _check_documents accepted it
        session.add(
            KycDocument(
                submission_id=submission.id,
                kind=document.kind,
                filename=clean_filename(document.file.filename),
                content_type=content_type,
                size_bytes=len(content),
                sha256=document.file.sha256,
                storage_key=key,
            )
        )


# Reviewing ----------------------------------------------------------------------


async def review_kyc(
    database: Database, actor: Actor, review: KycReview
) -> KycSubmission:
    """Approve or reject a submitted KYC; raise FieldErrors when that cannot be."""
    reason = _check_review(review)
    now = datetime.now(UTC)

    async with database.transaction() as session:
        submission = await _pending_submission(session, review.submission_id)
        sme = await session.get_one(Sme, submission.sme_id, with_for_update=True)
        before_sme = snapshot(sme, *_SME_KYC_FIELDS)
        before_submission = snapshot(submission, *_SUBMISSION_REVIEW_FIELDS)

        if review.decision is KycDecision.APPROVE:
            await _approve(session, submission, sme, actor, now=now)
        else:
            _reject(submission, sme, actor, reason, now=now)

        await session.flush()
        await _audit_review(
            session, actor, submission, sme, before_submission, before_sme
        )

    logger.info(
        "KYC submission %s of SME %s %s by %s",
        submission.id,
        sme.id,
        submission.status.value.lower(),
        actor.label,
    )
    return submission


def _check_review(review: KycReview) -> str:
    """Return the cleaned rejection reason; raise when a rejection lacks one."""
    checks = ErrorCollector()
    reason = checks.text(
        review.rejection_reason,
        ("rejectionReason",),
        "Rejection reason",
        max_length=MAX_REJECTION_REASON_LENGTH,
        required=review.decision is KycDecision.REJECT,
    )
    checks.raise_if_any()
    return reason


async def _pending_submission(
    session: AsyncSession, submission_id: uuid.UUID | None
) -> KycSubmission:
    submission = None
    if submission_id is not None:
        submission = await session.scalar(
            select(KycSubmission)
            .where(KycSubmission.id == submission_id)
            .with_for_update()
        )
    if submission is None:
        raise FieldErrors.single(
            ("submissionId",),
            "NOT_FOUND",
            "KYC submission not found; pick one from the KYC queue.",
        )

    if submission.status is not KycStatus.SUBMITTED:
        raise FieldErrors.single(
            ("submissionId",),
            "KYC_NOT_PENDING",
            f"KYC submission is already {submission.status.value}; only a "
            "SUBMITTED one can be reviewed.",
        )
    return submission


async def _approve(
    session: AsyncSession,
    submission: KycSubmission,
    sme: Sme,
    actor: Actor,
    *,
    now: datetime,
) -> None:
    await _link_gstins(session, sme, submission.gstins)

    submission.status = KycStatus.APPROVED
    submission.reviewed_at = now
    submission.reviewed_by_user_id = actor.user_id
    submission.verified_at = now

    sme.status = SmeStatus.KYC_VERIFIED
    sme.pan = submission.pan
    sme.udyam_number = submission.udyam_number
    sme.bank_account_number = submission.bank_account_number
    sme.ifsc = submission.ifsc
    sme.kyc_verified_at = now


async def _link_gstins(session: AsyncSession, sme: Sme, gstins: list[str]) -> None:
    """Give the SME its submitted GSTINs, the first one primary."""
    rows = await session.scalars(select(SmeGstin).where(SmeGstin.gstin.in_(gstins)))
    existing = {row.gstin: row for row in rows}

    taken = [gstin for gstin, row in existing.items() if row.sme_id != sme.id]
    if taken:
        # Another SME's submission with the same GSTIN was approved after
        # this one was submitted.
        raise FieldErrors(
            [
                FieldError(
                    None,
                    "GSTIN_TAKEN",
                    f"GSTIN {gstin} now belongs to another business on Hundi; "
                    "reject this submission and ask the SME to contact support.",
                )
                for gstin in sorted(taken)
            ]
        )

    for index, gstin in enumerate(gstins):
        row = existing.get(gstin)
        if row is None:
            row = SmeGstin(sme_id=sme.id, gstin=gstin)
            session.add(row)
        row.is_primary = index == 0


def _reject(
    submission: KycSubmission,
    sme: Sme,
    actor: Actor,
    reason: str,
    *,
    now: datetime,
) -> None:
    submission.status = KycStatus.REJECTED
    submission.reviewed_at = now
    submission.reviewed_by_user_id = actor.user_id
    submission.rejection_reason = reason

    sme.status = SmeStatus.KYC_REJECTED


async def _audit_review(
    session: AsyncSession,
    actor: Actor,
    submission: KycSubmission,
    sme: Sme,
    before_submission: dict[str, object],
    before_sme: dict[str, object],
) -> None:
    approved = submission.status is KycStatus.APPROVED
    await record_audit(
        session,
        actor,
        "kyc.approved" if approved else "kyc.rejected",
        "KycSubmission",
        submission.id,
        before=before_submission,
        after=snapshot(submission, *_SUBMISSION_REVIEW_FIELDS),
    )
    # The audit log keeps the PAN and account number masked, like every
    # other place that does not need them whole.
    after_sme = _masked(snapshot(sme, *_SME_KYC_FIELDS))
    if approved:
        after_sme["gstins"] = list(submission.gstins)
    await record_audit(
        session,
        actor,
        "sme.kyc_verified" if approved else "sme.kyc_rejected",
        "Sme",
        sme.id,
        before=_masked(before_sme),
        after=after_sme,
    )


def _masked(values: dict[str, object]) -> dict[str, object]:
    masked = dict(values)
    if isinstance(masked.get("pan"), str):
        masked["pan"] = mask_pan(str(masked["pan"]))
    if isinstance(masked.get("bank_account_number"), str):
        masked["bank_account_number"] = mask_account_number(
            str(masked["bank_account_number"])
        )
    return masked
