import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { CopyButton } from "../../components/CopyButton";
import { Facts } from "../../components/Facts";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { CreateMachineClientMutation } from "../mutations";
import { OrganisationsQuery } from "../queries";

const FIELDS = ["lenderId", "name"];

interface Created {
  clientId: string;
  clientSecret: string;
}

/** Show the form for a lender's system, and its secret once. */
export function CreateMachineClientForm({ onCreated }: { onCreated: () => void }) {
  const [lenderId, setLenderId] = useState("");
  const [name, setName] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const [organisations] = useQuery({ query: OrganisationsQuery });
  const [result, create] = useMutation(CreateMachineClientMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    if (!lenderId) {
      fieldErrors.show([
        { field: ["lenderId"], message: "Lender is missing; choose one." },
      ]);
      return;
    }
    const response = await create({ input: { lenderId, name } });
    const payload = response.data?.createMachineClient;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.client && payload.clientSecret) {
      setCreated({
        clientId: payload.client.clientId,
        clientSecret: payload.clientSecret,
      });
      setName("");
      onCreated();
    }
  }

  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="create-client-title"
    >
      <h2 id="create-client-title">Add a machine client</h2>
      {created ? (
        <Notice tone="warning" title="Copy the secret now: it is shown only this once.">
          <p>
            Hundi keeps only a hash of it. If it is lost, deactivate this client and
            create a new one. Give it to the lender over a channel you trust.
          </p>
          <Facts
            items={[
              [
                "Client id",
                <span key="id" className="secret">
                  {created.clientId}
                </span>,
              ],
              [
                "Client secret",
                <span key="secret" className="secret">
                  {created.clientSecret}
                </span>,
              ],
            ]}
          />
          <p style={{ marginTop: "0.75rem" }}>
            <CopyButton value={created.clientSecret} label="Copy the secret" />
          </p>
        </Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <SelectField
        id="client-lender"
        label="Lender"
        placeholder="Choose…"
        value={lenderId}
        options={(organisations.data?.lenders.nodes ?? []).map((lender) => ({
          value: lender.id,
          label: lender.name,
        }))}
        onChange={setLenderId}
        errors={fieldErrors.of("lenderId")}
      />
      <TextField
        id="client-name"
        label="What the client is"
        required
        value={name}
        hint="Such as the lender's loan management system."
        onChange={setName}
        errors={fieldErrors.of("name")}
      />
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Create client
        </Button>
      </div>
    </form>
  );
}
