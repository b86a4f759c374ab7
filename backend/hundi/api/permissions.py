"""Role requirements, declared next to each field and mutation.

    @strawberry.field(extensions=allow(Role.OPS, Role.ADMIN))

An anonymous request gets `UNAUTHENTICATED`; a signed-in actor without one
of the roles gets `FORBIDDEN` naming the roles needed. A lender's machine
client is read-only: it passes only where `machine_clients=True`.
"""

from __future__ import annotations

from typing import Any

from graphql import OperationType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from hundi.api.errors import Forbidden, Unauthenticated
from hundi.domain.enums import Role

# The root queries open to machine clients (a test checks this against the
# fields declared with `machine_clients=True`).
MACHINE_CLIENT_QUERIES = (
    "viewer",
    "node",
    "lenders",
    "applications",
    "offers",
    "loans",
    "disbursals",
    "portfolio",
)


class RolePermission(BasePermission):
    """Pass actors with one of `roles`; raise the matching error for the rest.

    The instance is shared by every request, so it raises from
    `has_permission` instead of keeping the failure for `on_unauthorized`.
    """

    def __init__(self, roles: tuple[Role, ...], *, machine_clients: bool) -> None:
        self.roles = roles
        self.machine_clients = machine_clients

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        actor = info.context.actor
        if actor is None:
            reason = info.context.auth_error
            raise Unauthenticated(reason) if reason else Unauthenticated()
        if actor.is_machine and not (self.machine_clients and actor.role in self.roles):
            raise Forbidden(
                _machine_client_message(info, self.roles),
                requiredRoles=[role.value for role in self.roles],
            )
        if actor.role not in self.roles:
            raise Forbidden(
                f"This needs the role {_role_list(self.roles)}; "
                f"you are signed in as {actor.role.value}.",
                requiredRoles=[role.value for role in self.roles],
            )
        return True


def _machine_client_message(info: Info, roles: tuple[Role, ...]) -> str:
    field = info.field_name
    next_step = (
        f"a lender user may use {field}"
        if Role.LENDER in roles
        else f"{field} needs a user with the role {_role_list(roles)}"
    )
    if info.operation.operation is OperationType.MUTATION:
        return f"Machine clients have read-only access; {next_step}."
    readable = ", ".join(MACHINE_CLIENT_QUERIES)
    return f"Machine clients may read {readable} only; {next_step}."


def _role_list(roles: tuple[Role, ...]) -> str:
    names = [role.value for role in roles]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def allow(*roles: Role, machine_clients: bool = False) -> list[FieldExtension]:
    """Field extensions that let only `roles` resolve the field."""
    return [
        PermissionExtension(
            permissions=[RolePermission(roles, machine_clients=machine_clients)],
            use_directives=False,
        )
    ]


ANY_ROLE = tuple(Role)
