import { useMemo, useState } from "react";

import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TableWrap } from "../../components/TableWrap";
import type { Role } from "../../gql/graphql";
import { formatDateTime } from "../../lib/dates";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { AdminUsersQuery } from "../queries";
import { CreateUserForm } from "./CreateUserForm";
import { ROLE_OPTIONS, roleLabel } from "./roleOptions";
import { UserActions } from "./UserActions";

/** Show every user, with their role and organisation; add, change or deactivate one. */
export function UsersPage() {
  const [role, setRole] = useState("");
  const [active, setActive] = useState("true");
  const filter = useMemo(
    () => ({
      role: role ? [role as Role] : null,
      isActive: active === "" ? null : active === "true",
    }),
    [role, active],
  );
  const list = usePagedQuery(AdminUsersQuery, { filter }, (data) => data.users, [
    "User",
  ]);

  return (
    <>
      <PageHeader
        title="Users and roles"
        description="Everyone who signs in to Hundi."
      />
      <div className="filters" role="search" aria-label="Filter users">
        <SelectField
          id="users-role"
          label="Role"
          placeholder="Any"
          value={role}
          options={ROLE_OPTIONS}
          onChange={setRole}
        />
        <SelectField
          id="users-active"
          label="Status"
          placeholder="Any"
          value={active}
          options={[
            { value: "true", label: "Active" },
            { value: "false", label: "Deactivated" },
          ]}
          onChange={setActive}
        />
      </div>
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? <EmptyState>No user matches.</EmptyState> : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Users">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((user) => (
                  <tr key={user.id}>
                    <td>{user.fullName}</td>
                    <td>{user.email}</td>
                    <td>
                      {roleLabel(user.role)}
                      {user.isLenderAdmin ? (
                        <p className="field-hint">Manages products</p>
                      ) : null}
                    </td>
                    <td>{user.sme?.legalName ?? user.lender?.name ?? "Hundi"}</td>
                    <td>
                      {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}
                    </td>
                    <td>
                      <UserActions user={user} onChanged={list.refresh} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <LoadMore
            hasNextPage={list.hasNextPage}
            fetching={list.fetching}
            shown={list.nodes.length}
            total={list.totalCount}
            onLoadMore={list.loadMore}
          />
        </>
      ) : null}
      <CreateUserForm onCreated={list.refresh} />
    </>
  );
}
