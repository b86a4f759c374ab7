import { Facts } from "../../components/Facts";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/dates";
import { formatRate, formatRupees } from "../../lib/money";
import { netIfPaidOn, REPRICING_NOTE_FOR_LENDER } from "../../lib/payout";
import { countOf } from "../../lib/plural";

export interface KeyFactFigures {
  invoiceAmount: string;
  advanceAmount: string;
  discountAmount: string;
  feeAmount: string;
  netAmount: string;
  annualPercentageRate: string;
  disbursalDate: string;
  dueDate: string;
  tenorDays: number;
}

export interface KeyFactLine {
  dueDate: string;
  invoiceAmount: string;
  advanceAmount: string;
  netAmount: string;
  annualPercentageRate: string;
  tenorDays: number;
  invoice?: { id: string; invoiceNumber: string } | null;
}

/** Show an offer's key fact statement as the lender reads it. */
export function KeyFacts({
  facts,
  lines = [],
}: {
  facts: KeyFactFigures;
  lines?: readonly KeyFactLine[];
}) {
  return (
    <>
      <Facts
        items={[
          ["SME receives", netIfPaidOn(facts.netAmount, facts.disbursalDate)],
          ["Invoice total", formatRupees(facts.invoiceAmount)],
          ["Advance", formatRupees(facts.advanceAmount)],
          ["Discount", formatRupees(facts.discountAmount)],
          ["Processing fee", formatRupees(facts.feeAmount)],
          ["Annual percentage rate", formatRate(facts.annualPercentageRate)],
          [
            "Due",
            `${formatDate(facts.dueDate)}, ${countOf(facts.tenorDays, "day", "days")} after that payout`,
          ],
        ]}
      />
      <p className="field-hint">{REPRICING_NOTE_FOR_LENDER}</p>
      {lines.length > 1 ? (
        <TableWrap label="Key facts per invoice">
          <table>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Due</th>
                <th scope="col" className="number">
                  Advance
                </th>
                <th scope="col" className="number">
                  SME receives
                </th>
                <th scope="col">APR</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={line.invoice?.id ?? index}>
                  <td>{line.invoice?.invoiceNumber ?? `Invoice ${index + 1}`}</td>
                  <td>{formatDate(line.dueDate)}</td>
                  <td className="number">{formatRupees(line.advanceAmount)}</td>
                  <td className="number">{formatRupees(line.netAmount)}</td>
                  <td>{formatRate(line.annualPercentageRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
