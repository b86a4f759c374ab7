import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { LenderKind } from "../../gql/graphql";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { OnboardLenderMutation } from "../mutations";

const FIELDS = [
  "name",
  "kind",
  "registrationNumber",
  "contactName",
  "contactEmail",
  "contactPhone",
];
const EMPTY = {
  name: "",
  kind: "NBFC",
  registrationNumber: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
};

/** Show the form that onboards a bank or NBFC; its users and products follow. */
export function OnboardLenderForm({ onOnboarded }: { onOnboarded: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [onboarded, setOnboarded] = useState<string | null>(null);
  const [result, onboard] = useMutation(OnboardLenderMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const response = await onboard({
      input: {
        ...form,
        kind: form.kind as LenderKind,
        contactPhone: form.contactPhone.trim() || null,
      },
    });
    const payload = response.data?.onboardLender;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.lender) {
      setOnboarded(payload.lender.name);
      setForm(EMPTY);
      onOnboarded();
    }
  }

  const of = fieldErrors.of;
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="onboard-title"
    >
      <h2 id="onboard-title">Onboard a lender partner</h2>
      {onboarded ? (
        <Notice tone="success">
          {onboarded} is onboarded. Add its users under Users.
        </Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id="lender-name"
          label="Legal name"
          value={form.name}
          onChange={set("name")}
          errors={of("name")}
        />
        <SelectField
          id="lender-kind"
          label="Kind"
          value={form.kind}
          onChange={set("kind")}
          errors={of("kind")}
          options={[
            { value: "BANK", label: "Bank" },
            { value: "NBFC", label: "NBFC" },
          ]}
        />
        <TextField
          id="lender-registration"
          label="RBI registration or licence number"
          value={form.registrationNumber}
          onChange={set("registrationNumber")}
          errors={of("registrationNumber")}
        />
        <TextField
          id="lender-contact"
          label="Contact person"
          value={form.contactName}
          onChange={set("contactName")}
          errors={of("contactName")}
        />
        <TextField
          id="lender-email"
          label="Contact e-mail"
          type="email"
          value={form.contactEmail}
          onChange={set("contactEmail")}
          errors={of("contactEmail")}
        />
        <TextField
          id="lender-phone"
          label="Contact phone (optional)"
          type="tel"
          value={form.contactPhone}
          onChange={set("contactPhone")}
          errors={of("contactPhone")}
        />
      </div>
      <div>
        <Button type="submit" busy={result.fetching}>
          Onboard lender
        </Button>
      </div>
    </form>
  );
}
