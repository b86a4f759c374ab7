import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { CopyButton } from "../../components/CopyButton";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { Role } from "../../gql/graphql";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { CreateUserMutation } from "../mutations";
import { OrganisationsQuery } from "../queries";
import { ROLE_OPTIONS } from "./roleOptions";

const FIELDS = [
  "email",
  "fullName",
  "role",
  "phone",
  "smeId",
  "lenderId",
  "isLenderAdmin",
  "password",
];
const EMPTY = {
  email: "",
  fullName: "",
  role: "OPS",
  phone: "",
  smeId: "",
  lenderId: "",
};

/** Show the form for a new user. Without a password, Hundi returns a one-time password, shown once. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [isLenderAdmin, setIsLenderAdmin] = useState(false);
  const [created, setCreated] = useState<{
    email: string;
    password: string | null;
  } | null>(null);
  const [organisations] = useQuery({ query: OrganisationsQuery });
  const [result, createUser] = useMutation(CreateUserMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setCreated(null);
    const role = form.role as Role;
    const response = await createUser({
      input: {
        email: form.email,
        fullName: form.fullName,
        role,
        phone: form.phone.trim() || null,
        smeId: role === "SME" ? form.smeId || null : null,
        lenderId: role === "LENDER" ? form.lenderId || null : null,
        isLenderAdmin: role === "LENDER" && isLenderAdmin,
      },
    });
    const payload = response.data?.createUser;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.user) {
      setCreated({
        email: payload.user.email ?? form.email,
        password: payload.oneTimePassword ?? null,
      });
      setForm(EMPTY);
      setIsLenderAdmin(false);
      onCreated();
    }
  }

  const of = fieldErrors.of;
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="create-user-title"
    >
      <h2 id="create-user-title">Add a user</h2>
      {created ? (
        <Notice tone="success" title={`${created.email} can now sign in.`}>
          {created.password ? (
            <>
              <p>
                Their one-time password is shown only now. Give it to them in person or
                over a channel you trust; Hundi keeps only its hash.
              </p>
              <p className="secret">{created.password}</p>
              <CopyButton value={created.password} label="Copy the password" />
            </>
          ) : null}
        </Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id="user-email"
          label="E-mail address"
          type="email"
          required
          value={form.email}
          onChange={set("email")}
          errors={of("email")}
        />
        <TextField
          id="user-name"
          label="Full name"
          required
          value={form.fullName}
          onChange={set("fullName")}
          errors={of("fullName")}
        />
        <TextField
          id="user-phone"
          label="Phone (optional)"
          type="tel"
          value={form.phone}
          onChange={set("phone")}
          errors={of("phone")}
        />
        <SelectField
          id="user-role"
          label="Role"
          value={form.role}
          options={ROLE_OPTIONS}
          onChange={set("role")}
          errors={of("role")}
        />
        {form.role === "SME" ? (
          <SelectField
            id="user-sme"
            label="SME"
            placeholder="Choose…"
            value={form.smeId}
            options={(organisations.data?.smes.nodes ?? []).map((sme) => ({
              value: sme.id,
              label: sme.legalName,
            }))}
            onChange={set("smeId")}
            errors={of("smeId")}
          />
        ) : null}
        {form.role === "LENDER" ? (
          <SelectField
            id="user-lender"
            label="Lender"
            placeholder="Choose…"
            value={form.lenderId}
            options={(organisations.data?.lenders.nodes ?? []).map((lender) => ({
              value: lender.id,
              label: lender.name,
            }))}
            onChange={set("lenderId")}
            errors={of("lenderId")}
          />
        ) : null}
      </div>
      {form.role === "LENDER" ? (
        <div className="field checkbox">
          <input
            id="user-lender-admin"
            type="checkbox"
            checked={isLenderAdmin}
            onChange={(event) => setIsLenderAdmin(event.target.checked)}
          />
          <label htmlFor="user-lender-admin">May manage the lender's products</label>
        </div>
      ) : null}
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Add user
        </Button>
      </div>
    </form>
  );
}
