"""Uploaded documents: checking their content and keeping their bytes on disk.

A document's kind is decided by its first bytes, never by the file name or
the content type the client declared:

    PDF   %PDF-
    JPEG  FF D8 FF
    PNG   89 50 4E 47 0D 0A 1A 0A

Files live under `Settings.documents_dir`, each at a key the store generates
(`<area>/<32 hex digits>`). The client's file name is kept in the database
for display only and never becomes part of a path.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from hundi.services.errors import FieldError

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
_KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}

_KEY_LAYOUT = re.compile(r"\A[a-z]+/[0-9a-f]{32}\Z")
_AREA_LAYOUT = re.compile(r"\A[a-z]+\Z")
_UNSAFE_NAME_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\"\\/]")
MAX_FILENAME_LENGTH = 255


@dataclass(frozen=True)
class UploadedFile:
    """An uploaded file as the services see it.

    `content` contains at most the size limit plus one byte, which is
    enough to tell that a file is too large without reading all of it.
    """

    filename: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)


def sniff_content_type(content: bytes) -> str | None:
    """Return the content type that the file's first bytes show, or None."""
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    return None


def clean_filename(filename: str | None) -> str:
    """Return a display name: the last path part, no control characters or quotes."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME_CHARACTERS.sub("", name).strip()
    return name[:MAX_FILENAME_LENGTH] or "document"


def check_upload(
    upload: UploadedFile,
    field: tuple[str | int, ...],
    *,
    allowed: tuple[str, ...],
    max_bytes: int,
) -> list[FieldError]:
    """Return the errors of an uploaded document: empty, too large or wrong kind."""
    name = clean_filename(upload.filename)
    if upload.size == 0:
        message = f"File {name} is empty; upload the document again."
        return [FieldError(field, "EMPTY_FILE", message)]

    if upload.size > max_bytes:
        message = (
            f"File {name} is larger than the limit of {max_bytes} bytes; "
            "upload a smaller file."
        )
        return [FieldError(field, "FILE_TOO_LARGE", message)]

    if sniff_content_type(upload.content) not in allowed:
        kinds = " or ".join(_KIND_NAMES[kind] for kind in allowed)
        message = (
            f"File {name} is not a {kinds} file by its content; upload the "
            f"document as {kinds}."
        )
        return [FieldError(field, "UNSUPPORTED_FILE_TYPE", message)]

    return []


def check_text_upload(
    upload: UploadedFile, field: tuple[str | int, ...], *, max_bytes: int
) -> list[FieldError]:
    """Return the errors of an uploaded data file (JSON, CSV): empty or too large."""
    name = clean_filename(upload.filename)
    if upload.size == 0:
        message = f"File {name} is empty; upload the file again."
        return [FieldError(field, "EMPTY_FILE", message)]

    if upload.size > max_bytes:
        message = (
            f"File {name} is larger than the limit of {max_bytes} bytes; "
            "split it into smaller files."
        )
        return [FieldError(field, "FILE_TOO_LARGE", message)]

    return []


class DocumentStore:
    """Files under one folder, each at a key the store generates."""

    def __init__(self, root: Path) -> None:
        self.root = root

    async def put(self, area: str, content: bytes) -> str:
        """Write `content` under a new key in `area` (such as "kyc") and return it."""
        if not _AREA_LAYOUT.fullmatch(area):
            raise ValueError(f"document area {area!r} must be lowercase letters")

        key = f"{area}/{uuid.uuid4().hex}"
        await asyncio.to_thread(self._write, self.path(key), content)
        return key

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def delete(self, key: str) -> None:
        """Remove the file at `key`; a missing file is not an error."""
        await asyncio.to_thread(self.path(key).unlink, missing_ok=True)

    def path(self, key: str) -> Path:
        """Return the file's path; raise ValueError for a key the store never made."""
        if not _KEY_LAYOUT.fullmatch(key):
            raise ValueError(f"document key {key!r} is not one this store generates")
        return self.root / key

    @staticmethod
    def _write(path: Path, content: bytes) -> None:
        # Write to a temporary file and rename it, so that a reader never
        # sees half a document.
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


async def forget_files(store: DocumentStore, keys: list[str]) -> None:
    """Delete files stored for a transaction that then failed."""
    for key in keys:
        await store.delete(key)
