"""The lender-admin requirement of product and write-off mutations.

    @strawberry.mutation(extensions=allow_lender_admin())

Like `hundi.api.permissions.allow(Role.LENDER)`, and the LENDER user must
also be a lender admin: others get `FORBIDDEN` naming what is missing.
"""

from __future__ import annotations

from typing import Any

from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from hundi.api.errors import Forbidden
from hundi.api.permissions import RolePermission
from hundi.domain.enums import Role


class LenderAdminPermission(BasePermission):
    """Pass a LENDER user who is a lender admin; raise FORBIDDEN for the rest.

    It runs after the role check, so the actor is a signed-in LENDER user.
    """

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        actor = info.context.actor
        if actor is None or not actor.is_lender_admin:
            raise Forbidden(
                "This needs a lender admin; ask your lender's admin to do it.",
                requiredRoles=[Role.LENDER.value],
                requiresLenderAdmin=True,
            )
        return True


def allow_lender_admin() -> list[FieldExtension]:
    """Field extensions that let only a lender admin resolve the field."""
    return [
        PermissionExtension(
            permissions=[
                RolePermission((Role.LENDER,), machine_clients=False),
                LenderAdminPermission(),
            ],
            use_directives=False,
        )
    ]
