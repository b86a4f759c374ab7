import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { TextField } from "../../components/TextField";
import { todayInIndia } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { RequestDisbursalMutation } from "../mutations";

const FIELDS = ["utr", "valueDate"];

/** Show the maker's request: the bank transfer's UTR and value date, for a checker to approve. */
export function RequestDisbursalForm({
  offerId,
  label,
  onRequested,
}: {
  offerId: string;
  label: string;
  onRequested: () => void;
}) {
  const idempotencyKey = useRef(crypto.randomUUID());
  const [utr, setUtr] = useState("");
  const [valueDate, setValueDate] = useState(todayInIndia());
  const [result, request] = useMutation(RequestDisbursalMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const response = await request({
      input: {
        offerId,
        utr: utr.trim().toUpperCase(),
        valueDate,
        idempotencyKey: idempotencyKey.current,
      },
    });
    const payload = response.data?.requestDisbursal;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else {
      onRequested();
    }
  }

  const id = `disburse-${offerId}`;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id={`${id}-utr`}
          label="UTR of the transfer"
          maxLength={22}
          value={utr}
          onChange={setUtr}
          hint="12 to 22 letters and digits."
          errors={fieldErrors.of("utr")}
        />
        <TextField
          id={`${id}-date`}
          label="Value date"
          type="date"
          max={todayInIndia()}
          value={valueDate}
          onChange={setValueDate}
          errors={fieldErrors.of("valueDate")}
        />
      </div>
      <div>
        <Button type="submit" busy={result.fetching}>
          Request approval
        </Button>
      </div>
    </form>
  );
}
