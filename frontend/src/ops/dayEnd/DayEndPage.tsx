import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { Facts } from "../../components/Facts";
import { FormErrors, Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { TableWrap } from "../../components/TableWrap";
import { TextField } from "../../components/TextField";
import type { RunDayEndMutation as RunDayEndResult } from "../../gql/graphql";
import {
  formatDate,
  formatDateTime,
  todayInIndia,
  yesterdayInIndia,
} from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { ASSET_CLASS_LABELS } from "../../lib/labels";
import { formatRupees } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { RunDayEndMutation } from "../mutations";
import { dayNotOver } from "./dayNotOver";

type DayEnd = NonNullable<RunDayEndResult["runDayEnd"]["dayEnd"]>;

/** Close a business date: classify overdue loans, accrue penal interest, expire offers. */
export function DayEndPage() {
  // The last day that has ended; today can be chosen, with a warning.
  const [businessDate, setBusinessDate] = useState(yesterdayInIndia());
  const [dayEnd, setDayEnd] = useState<DayEnd | null>(null);
  const [result, run] = useMutation(RunDayEndMutation);
  const fieldErrors = useFieldErrors(["businessDate"]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const response = await run({ input: { businessDate } });
    const payload = response.data?.runDayEnd;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.dayEnd) {
      setDayEnd(payload.dayEnd);
    }
  }

  return (
    <>
      <PageHeader
        title="Day-end"
        description="Run the close of a business date in India. Running a date again changes nothing."
      />
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormErrors messages={fieldErrors.errors.general} />
        <TextField
          id="businessDate"
          label="Business date"
          type="date"
          max={todayInIndia()}
          value={businessDate}
          onChange={setBusinessDate}
          errors={fieldErrors.of("businessDate")}
        />
        {dayNotOver(businessDate) && businessDate > todayInIndia() ? (
          <Notice
            tone="warning"
            title={`${formatDate(businessDate)} has not begun yet in India.`}
          >
            Day-end runs for today at the latest; choose an earlier date.
          </Notice>
        ) : null}
        {dayNotOver(businessDate) && businessDate === todayInIndia() ? (
          <Notice
            tone="warning"
            title={`${formatDate(businessDate)} is not over yet in India.`}
          >
            Repayments received later that day count only at the next day-end, and the
            loans' classification and penal interest for that date are final once the
            day-end runs.
          </Notice>
        ) : null}
        <div>
          <Button type="submit" busy={result.fetching}>
            Run day-end
          </Button>
        </div>
      </form>
      {dayEnd ? <DayEndResult dayEnd={dayEnd} /> : null}
    </>
  );
}

function DayEndResult({ dayEnd }: { dayEnd: DayEnd }) {
  return (
    <section aria-labelledby="day-end-result" style={{ marginTop: "1.5rem" }}>
      <h2 id="day-end-result">Day-end of {formatDate(dayEnd.businessDate)}</h2>
      {dayEnd.alreadyRun ? (
        <Notice tone="info">
          This date was closed before; these are the figures of that run.
        </Notice>
      ) : (
        <Notice tone="success">The date is closed.</Notice>
      )}
      <Facts
        items={[
          ["Loans classified", dayEnd.loansClassified.toLocaleString("en-IN")],
          ["Penal interest accrued", formatRupees(dayEnd.penalAccrued)],
          ["Applications expired", dayEnd.applicationsExpired.toLocaleString("en-IN")],
          ["Offers expired", dayEnd.offersExpired.toLocaleString("en-IN")],
          ["Started", formatDateTime(dayEnd.startedAt)],
          [
            "Finished",
            dayEnd.finishedAt ? formatDateTime(dayEnd.finishedAt) : "Still running",
          ],
        ]}
      />
      <TableWrap label="Loans by RBI class">
        <table>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col" className="number">
                Loans
              </th>
            </tr>
          </thead>
          <tbody>
            {dayEnd.loansByClass.map((row) => (
              <tr key={row.assetClass}>
                <td>{ASSET_CLASS_LABELS[row.assetClass] ?? row.assetClass}</td>
                <td className="number">{row.loans.toLocaleString("en-IN")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
