import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextAreaField } from "../../components/TextAreaField";
import { TextField } from "../../components/TextField";
import type { IncidentSeverity } from "../../gql/graphql";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { RecordSecurityIncidentMutation } from "../mutations";

const FIELDS = [
  "occurredAt",
  "detectedAt",
  "severity",
  "title",
  "description",
  "personalDataExposed",
];
const EMPTY = {
  occurredAt: "",
  detectedAt: "",
  severity: "LOW",
  title: "",
  description: "",
};

/** Turn a date and time typed in India ("2026-11-20T14:30") into an instant with its offset. */
function indiaInstant(local: string): string {
  return local ? `${local}:00+05:30` : "";
}

/** Show the form for a security incident, with times in India and whether personal data was exposed. */
export function RecordIncidentForm({ onRecorded }: { onRecorded: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [exposed, setExposed] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const [result, record] = useMutation(RecordSecurityIncidentMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setRecorded(false);
    const missing = (["occurredAt", "detectedAt"] as const).filter((key) => !form[key]);
    if (missing.length) {
      fieldErrors.show(
        missing.map((key) => ({
          field: [key],
          message: "The time is missing; give a date and time.",
        })),
      );
      return;
    }
    const response = await record({
      input: {
        ...form,
        severity: form.severity as IncidentSeverity,
        occurredAt: indiaInstant(form.occurredAt),
        detectedAt: indiaInstant(form.detectedAt),
        personalDataExposed: exposed,
      },
    });
    const payload = response.data?.recordSecurityIncident;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else {
      setRecorded(true);
      setForm(EMPTY);
      setExposed(false);
      onRecorded();
    }
  }

  const of = fieldErrors.of;
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="incident-title"
    >
      <h2 id="incident-title">Record an incident</h2>
      {recorded ? <Notice tone="success">The incident is recorded.</Notice> : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id="incident-occurred"
          label="Happened at (India time)"
          type="datetime-local"
          value={form.occurredAt}
          onChange={set("occurredAt")}
          errors={of("occurredAt")}
        />
        <TextField
          id="incident-detected"
          label="Noticed at (India time)"
          type="datetime-local"
          value={form.detectedAt}
          onChange={set("detectedAt")}
          errors={of("detectedAt")}
        />
        <SelectField
          id="incident-severity"
          label="Severity"
          value={form.severity}
          onChange={set("severity")}
          errors={of("severity")}
          options={[
            { value: "LOW", label: "Low" },
            { value: "MEDIUM", label: "Medium" },
            { value: "HIGH", label: "High" },
            { value: "CRITICAL", label: "Critical" },
          ]}
        />
      </div>
      <TextField
        id="incident-title-field"
        label="Title"
        maxLength={200}
        value={form.title}
        onChange={set("title")}
        errors={of("title")}
      />
      <TextAreaField
        id="incident-description"
        label="What happened and what was done (no personal data)"
        value={form.description}
        onChange={set("description")}
        errors={of("description")}
      />
      <div className="field checkbox">
        <input
          id="incident-exposed"
          type="checkbox"
          checked={exposed}
          onChange={(event) => setExposed(event.target.checked)}
        />
        <label htmlFor="incident-exposed">
          Personal data was exposed (a data breach)
        </label>
      </div>
      <div>
        <Button type="submit" busy={result.fetching}>
          Record incident
        </Button>
      </div>
    </form>
  );
}
