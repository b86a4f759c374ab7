import { useRef, useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { TextField } from "../../components/TextField";
import { todayInIndia } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { formatRupees, isMoney, normalizeMoney } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { RecordRepaymentMutation } from "../mutations";

const FIELDS = ["amount", "receivedOn", "bankReference"];

/** Show money received against one loan; the server allocates it to penal and principal. */
export function RecordRepaymentForm({
  loanId,
  label,
}: {
  loanId: string;
  label: string;
}) {
  const idempotencyKey = useRef(crypto.randomUUID());
  const [form, setForm] = useState({
    amount: "",
    receivedOn: todayInIndia(),
    bankReference: "",
  });
  const [recorded, setRecorded] = useState<string | null>(null);
  const [result, record] = useMutation(RecordRepaymentMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const amount = normalizeMoney(form.amount);
    if (!isMoney(amount)) {
      fieldErrors.show([
        {
          field: ["amount"],
          message: "Amount is invalid; give rupees with at most two decimals.",
        },
      ]);
      return;
    }
    const response = await record({
      input: {
        loanId,
        amount,
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
      setRecorded(
        `${formatRupees(repayment.amount)} is recorded: ${formatRupees(repayment.allocatedPrincipal)} to principal, ` +
          `${formatRupees(repayment.allocatedPenal)} to penal interest, ${formatRupees(repayment.excessAmount)} in excess.`,
      );
      idempotencyKey.current = crypto.randomUUID();
    }
  }

  if (recorded) {
    return <Notice tone="success">{recorded}</Notice>;
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
      <div>
        <Button type="submit" busy={result.fetching}>
          Record repayment
        </Button>
      </div>
    </form>
  );
}
