import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { TextAreaField } from "../../components/TextAreaField";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { DeclineApplicationMutation } from "../mutations";

const FIELDS = ["reason"];

/** Decline an application for your lender, with the reason. */
export function DeclineForm({ applicationId }: { applicationId: string }) {
  const [reason, setReason] = useState("");
  const [declined, setDeclined] = useState(false);
  const [result, decline] = useMutation(DeclineApplicationMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const response = await decline({ input: { applicationId, reason } });
    const errors = response.data?.declineApplication.errors ?? [];
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (errors.length > 0) {
      fieldErrors.show(errors);
    } else {
      setDeclined(true);
    }
  }

  if (declined) {
    return <Notice tone="success">You declined the application.</Notice>;
  }
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="decline-title"
    >
      <h2 id="decline-title">Decline</h2>
      <FormErrors messages={fieldErrors.errors.general} />
      <TextAreaField
        id="decline-reason"
        label="Why you decline"
        maxLength={2000}
        value={reason}
        onChange={setReason}
        errors={fieldErrors.of("reason")}
      />
      <div className="button-row">
        <Button variant="danger" type="submit" busy={result.fetching}>
          Decline application
        </Button>
      </div>
    </form>
  );
}
