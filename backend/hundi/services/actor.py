"""Who is acting: a signed-in user, a lender's machine client, or the system."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from hundi.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """The authenticated party of a request, and the organisation it acts for."""

    role: Role
    user_id: uuid.UUID | None = None
    sme_id: uuid.UUID | None = None
    lender_id: uuid.UUID | None = None
    email: str | None = None
    is_lender_admin: bool = False
    # Set for a lender's machine client (OAuth client credentials).
    client_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_machine(self) -> bool:
        return self.client_id is not None

    @property
    def label(self) -> str:
        """Name the actor in audit records and logs, without personal data."""
        if self.client_id is not None:
            return f"client:{self.client_id}"
        if self.user_id is not None:
            return f"user:{self.user_id}"
        return "system"


SYSTEM = Actor(role=Role.ADMIN)
