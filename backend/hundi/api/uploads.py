"""Reading files sent with the GraphQL multipart request specification.

A client sends `operations`, `map` and the files as parts of one
multipart/form-data request, and each `Upload` variable arrives as a
Starlette `UploadFile`. Only the size limit plus one byte is read into
memory: that is enough to tell that a file is too large.
"""

from __future__ import annotations

from typing import Any

from hundi.api.errors import BadUserInput
from hundi.services.documents import UploadedFile


async def read_upload(upload: Any, max_bytes: int) -> UploadedFile:
    """Read an uploaded file for a service, at most `max_bytes` + 1 bytes of it."""
    read = getattr(upload, "read", None)
    if read is None:
        raise BadUserInput(
            "An Upload variable contains no file; send the file as a part of a "
            "multipart request (GraphQL multipart request specification)."
        )

    content = await read(max_bytes + 1)
    return UploadedFile(
        filename=getattr(upload, "filename", None) or "", content=content
    )
