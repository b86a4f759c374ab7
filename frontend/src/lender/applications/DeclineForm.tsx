import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { TextAreaField } from "../../components/TextAreaField";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { DeclineApplicationMutation } from "../mutations";

const FIELDS = ["reason"];

/**
 * Decline an application for your lender, with the reason. Declining also
 * withdraws your lender's open offer on it, which `hasOpenOffer` shows.
 */
export function DeclineForm({
  applicationId,
  hasOpenOffer = false,
  onDeclined,
}: {
  applicationId: string;
  hasOpenOffer?: boolean;
  onDeclined: () => void;
}) {
  const [reason, setReason] = useState("");
  const [result, decline] = useMutation(DeclineApplicationMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    if (!reason.trim()) {
      fieldErrors.show([
        { field: ["reason"], message: "Reason is missing; say why you decline." },
      ]);
      return;
    }
    const response = await decline({ input: { applicationId, reason } });
    const errors = response.data?.declineApplication.errors ?? [];
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (errors.length > 0) {
      fieldErrors.show(errors);
    } else {
      onDeclined();
    }
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
        onChange={(value) => {
          setReason(value);
          fieldErrors.clearField("reason");
        }}
        hint={hasOpenOffer ? "Declining withdraws your open offer." : undefined}
        errors={fieldErrors.of("reason")}
      />
      <div className="button-row" style={{ marginTop: 0 }}>
        <Button variant="danger" type="submit" busy={result.fetching}>
          Decline application
        </Button>
      </div>
    </form>
  );
}
