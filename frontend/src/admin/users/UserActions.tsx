import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { SelectField } from "../../components/SelectField";
import type { Role } from "../../gql/graphql";
import { describeError } from "../../lib/errorMessage";
import { AssignUserRoleMutation, DeactivateUserMutation } from "../mutations";
import { OrganisationsQuery } from "../queries";
import { ROLE_OPTIONS } from "./roleOptions";

interface UserRow {
  id: string;
  fullName: string;
  role: string;
  isActive: boolean;
  isLenderAdmin: boolean;
  sme?: { id: string } | null;
  lender?: { id: string } | null;
}

/** Change a user's role, or deactivate them; failures are said in the row. */
export function UserActions({
  user,
  onChanged,
}: {
  user: UserRow;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [deactivation, deactivate] = useMutation(DeactivateUserMutation);

  async function onDeactivate() {
    if (!window.confirm(`Deactivate ${user.fullName}? Their sessions end at once.`)) {
      return;
    }
    const response = await deactivate({ input: { userId: user.id } });
    const errors = response.data?.deactivateUser.errors ?? [];
    if (response.error) {
      setMessage(describeError(response.error));
    } else if (errors.length > 0) {
      setMessage(errors.map((error) => error.message).join(" "));
    } else {
      onChanged();
    }
  }

  if (!user.isActive) {
    return <span className="muted">Deactivated</span>;
  }
  return (
    <div>
      {editing ? (
        <RoleEditor
          user={user}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onChanged();
          }}
        />
      ) : (
        <div className="button-row" style={{ marginTop: 0 }}>
          <Button
            variant="secondary"
            onClick={() => setEditing(true)}
            aria-label={`Change the role of ${user.fullName}`}
          >
            Change role
          </Button>
          <Button
            variant="danger"
            busy={deactivation.fetching}
            onClick={onDeactivate}
            aria-label={`Deactivate ${user.fullName}`}
          >
            Deactivate
          </Button>
        </div>
      )}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

function RoleEditor({
  user,
  onDone,
}: {
  user: UserRow;
  onDone: (changed: boolean) => void;
}) {
  const [role, setRole] = useState(user.role);
  const [organisationId, setOrganisationId] = useState(
    user.sme?.id ?? user.lender?.id ?? "",
  );
  const [lenderAdmin, setLenderAdmin] = useState(user.isLenderAdmin);
  const [errors, setErrors] = useState<string[]>([]);
  const [organisations] = useQuery({ query: OrganisationsQuery });
  const [result, assign] = useMutation(AssignUserRoleMutation);

  const choices =
    role === "SME"
      ? (organisations.data?.smes.nodes ?? []).map((sme) => ({
          value: sme.id,
          label: sme.legalName,
        }))
      : (organisations.data?.lenders.nodes ?? []).map((lender) => ({
          value: lender.id,
          label: lender.name,
        }));

  async function onSave() {
    const response = await assign({
      input: {
        userId: user.id,
        role: role as Role,
        smeId: role === "SME" ? organisationId || null : null,
        lenderId: role === "LENDER" ? organisationId || null : null,
        isLenderAdmin: role === "LENDER" && lenderAdmin,
      },
    });
    const payloadErrors = response.data?.assignUserRole.errors ?? [];
    if (response.error) {
      setErrors([describeError(response.error)]);
    } else if (payloadErrors.length > 0) {
      setErrors(payloadErrors.map((error) => error.message));
    } else {
      onDone(true);
    }
  }

  const id = `role-${user.id}`;
  return (
    <div className="form" role="group" aria-label={`New role of ${user.fullName}`}>
      <SelectField
        id={id}
        label="Role"
        value={role}
        options={ROLE_OPTIONS}
        onChange={setRole}
      />
      {role === "SME" || role === "LENDER" ? (
        <SelectField
          id={`${id}-organisation`}
          label={role === "SME" ? "SME" : "Lender"}
          placeholder="Choose…"
          value={organisationId}
          options={choices}
          onChange={setOrganisationId}
        />
      ) : null}
      {role === "LENDER" ? (
        <div className="field checkbox">
          <input
            id={`${id}-admin`}
            type="checkbox"
            checked={lenderAdmin}
            onChange={(event) => setLenderAdmin(event.target.checked)}
          />
          <label htmlFor={`${id}-admin`}>May manage products</label>
        </div>
      ) : null}
      {errors.length ? (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="button-row" style={{ marginTop: 0 }}>
        <Button busy={result.fetching} onClick={onSave}>
          Save role
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
