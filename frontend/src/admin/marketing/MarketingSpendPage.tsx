import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { optionsFrom, SelectField } from "../../components/SelectField";
import { EmptyState } from "../../components/States";
import { TableWrap } from "../../components/TableWrap";
import { TextField } from "../../components/TextField";
import type { AcquisitionChannel } from "../../gql/graphql";
import { formatMonth, todayInIndia } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { checkMoney, problemsOf } from "../../lib/inputChecks";
import { CHANNEL_LABELS } from "../../lib/labels";
import { formatRupees, normalizeMoney } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { lastMonths } from "../../management/periods";
import { RecordMarketingSpendMutation } from "../mutations";
import { MarketingSpendQuery } from "../queries";

// Recording spend drops the cached table, even one that was empty.
const SPEND_CONTEXT = { additionalTypenames: ["MarketingSpend"] };

/** Show spend on acquiring SMEs per month and channel, the base of cost per acquisition. */
export function MarketingSpendPage() {
  const today = todayInIndia();
  const period = lastMonths(today, 12);
  const [result, reexecute] = useQuery({
    query: MarketingSpendQuery,
    variables: period,
    context: SPEND_CONTEXT,
  });
  const reload = () => reexecute({ requestPolicy: "network-only" });

  return (
    <>
      <PageHeader
        title="Marketing spend"
        description="The last 12 months, by month and channel."
      />
      <SpendForm defaultMonth={`${today.slice(0, 8)}01`} onRecorded={reload} />
      <h2>Recorded spend</h2>
      <QueryView result={result} retry={reload}>
        {(data) =>
          data.marketingSpend.length === 0 ? (
            <EmptyState>No spend is recorded for these months.</EmptyState>
          ) : (
            <TableWrap label="Marketing spend">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Channel</th>
                    <th scope="col" className="number">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.marketingSpend.map((row) => (
                    <tr key={`${row.month}-${row.channel}`}>
                      <td>{formatMonth(row.month)}</td>
                      <td>{CHANNEL_LABELS[row.channel] ?? row.channel}</td>
                      <td className="number">{formatRupees(row.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryView>
    </>
  );
}

function SpendForm({
  defaultMonth,
  onRecorded,
}: {
  defaultMonth: string;
  onRecorded: () => void;
}) {
  const [form, setForm] = useState({
    month: defaultMonth,
    channel: "PAID_SEARCH",
    amount: "",
  });
  const [saved, setSaved] = useState(false);
  const [result, record] = useMutation(RecordMarketingSpendMutation);
  const fieldErrors = useFieldErrors(["month", "channel", "amount"]);
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((old) => ({ ...old, [key]: value }));
    fieldErrors.clearField(key);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setSaved(false);
    const problems = problemsOf([
      ["month", form.month ? null : "Month is missing; give any day of the month."],
      ["amount", checkMoney(form.amount, "Amount", { allowZero: true })],
    ]);
    if (problems.length > 0) {
      fieldErrors.show(problems);
      return;
    }
    const response = await record({
      input: {
        month: `${form.month.slice(0, 8)}01`,
        channel: form.channel as AcquisitionChannel,
        amount: normalizeMoney(form.amount),
      },
    });
    const payload = response.data?.recordMarketingSpend;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else {
      setSaved(true);
      onRecorded();
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="spend-title">
      <h2 id="spend-title">Record spend</h2>
      {saved ? <Notice tone="success">The spend is recorded.</Notice> : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id="spend-month"
          label="Month (any day of it)"
          type="date"
          value={form.month}
          onChange={set("month")}
          errors={fieldErrors.of("month")}
        />
        <SelectField
          id="spend-channel"
          label="Channel"
          value={form.channel}
          options={optionsFrom(CHANNEL_LABELS)}
          onChange={set("channel")}
          errors={fieldErrors.of("channel")}
        />
        <TextField
          id="spend-amount"
          label="Amount (₹)"
          inputMode="decimal"
          value={form.amount}
          onChange={set("amount")}
          errors={fieldErrors.of("amount")}
        />
      </div>
      <div>
        <Button type="submit" busy={result.fetching}>
          Record spend
        </Button>
      </div>
    </form>
  );
}
