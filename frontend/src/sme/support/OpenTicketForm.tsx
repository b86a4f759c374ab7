import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import type { TicketCategory } from "../../gql/graphql";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { OpenSupportTicketMutation } from "../../support/operations";

const CATEGORIES = [
  { value: "ACCOUNT", label: "My account" },
  { value: "KYC", label: "KYC" },
  { value: "INVOICE", label: "Invoices" },
  { value: "FINANCING", label: "Financing and offers" },
  { value: "REPAYMENT", label: "Repayments" },
  { value: "OTHER", label: "Something else" },
];

const FIELDS = ["category", "subject", "message"];
const EMPTY = { category: "OTHER", subject: "", message: "" };

/** Show the form for a question or problem for Hundi's operations team. */
export function OpenTicketForm({ onOpened }: { onOpened: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [opened, setOpened] = useState(false);
  const [result, open] = useMutation(OpenSupportTicketMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setOpened(false);
    const response = await open({
      input: { ...form, category: form.category as TicketCategory },
    });
    const payload = response.data?.openSupportTicket;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else {
      setOpened(true);
      setForm(EMPTY);
      onOpened();
    }
  }

  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="open-ticket-title"
    >
      <h2 id="open-ticket-title">Ask for help</h2>
      {opened ? (
        <Notice tone="success">Your ticket is open; operations answer here.</Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <SelectField
        id="ticket-category"
        label="What it is about"
        value={form.category}
        options={CATEGORIES}
        onChange={set("category")}
        errors={fieldErrors.of("category")}
      />
      <TextField
        id="ticket-subject"
        label="Subject"
        maxLength={200}
        value={form.subject}
        onChange={set("subject")}
        errors={fieldErrors.of("subject")}
      />
      <TextAreaField
        id="ticket-message"
        label="Your question or problem"
        maxLength={5000}
        value={form.message}
        onChange={set("message")}
        errors={fieldErrors.of("message")}
      />
      <div>
        <Button type="submit" busy={result.fetching}>
          Open ticket
        </Button>
      </div>
    </form>
  );
}
