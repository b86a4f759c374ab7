import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { TextField } from "../../components/TextField";
import { todayInIndia } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { checkMoney, problemsOf } from "../../lib/inputChecks";
import { formatRupees, normalizeMoney } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { RecordRepaymentMutation } from "../mutations";

const FIELDS = ["amount", "receivedOn", "bankReference"];

/**
 * Show money received against one loan; the server allocates it to penal and
 * principal. `onRecorded` gets a sentence saying how it was allocated.
 */
export function RecordRepaymentForm({
  loanId,
  label,
  onRecorded,
  onCancel,
}: {
  loanId: string;
  label: string;
  onRecorded: (message: string) => void;
  onCancel: () => void;
}) {
  const idempotencyKey = useRef(crypto.randomUUID());
  const [form, setForm] = useState({
    amount: "",
    receivedOn: todayInIndia(),
    bankReference: "",
  });
  const [result, record] = useMutation(RecordRepaymentMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((old) => ({ ...old, [key]: value }));
    fieldErrors.clearField(key);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const problems = problemsOf([
      ["amount", checkMoney(form.amount, "Amount received")],
      [
        "receivedOn",
        form.receivedOn ? null : "Date received is missing; give the date.",
      ],
      [
        "bankReference",
        form.bankReference.trim()
          ? null
          : "Bank reference is missing; give the UTR or reference of the transfer.",
      ],
    ]);
    if (problems.length > 0) {
      fieldErrors.show(problems);
      return;
    }
    const response = await record({
      input: {
        loanId,
        amount: normalizeMoney(form.amount),
        receivedOn: form.receivedOn,
        bankReference: form.bankReference.trim(),
        idempotencyKey: idempotencyKey.current,
      },
    });
    const payload = response.data?.recordRepayment;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.repayment) {
      const repayment = payload.repayment;
      idempotencyKey.current = crypto.randomUUID();
      onRecorded(
        `${formatRupees(repayment.amount)} is recorded: ${formatRupees(repayment.allocatedPrincipal)} to principal, ` +
          `${formatRupees(repayment.allocatedPenal)} to penal interest, ${formatRupees(repayment.excessAmount)} in excess.`,
      );
    }
  }

  const id = `repay-${loanId}`;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id={`${id}-amount`}
          label="Amount received (₹)"
          inputMode="decimal"
          value={form.amount}
          onChange={set("amount")}
          errors={fieldErrors.of("amount")}
        />
        <TextField
          id={`${id}-date`}
          label="Received on"
          type="date"
          max={todayInIndia()}
          value={form.receivedOn}
          onChange={set("receivedOn")}
          errors={fieldErrors.of("receivedOn")}
        />
        <TextField
          id={`${id}-reference`}
          label="Bank reference"
          maxLength={40}
          value={form.bankReference}
          onChange={set("bankReference")}
          errors={fieldErrors.of("bankReference")}
        />
      </div>
      <div className="button-row" style={{ marginTop: 0 }}>
        <Button type="submit" busy={result.fetching}>
          Record repayment
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
