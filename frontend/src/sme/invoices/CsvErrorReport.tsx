import { TableWrap } from "../../components/TableWrap";
import { countOf, pluralForm } from "../../lib/plural";

export interface CsvRowError {
  row?: number | null;
  column?: string | null;
  message: string;
  code: string;
}

/** Show every bad row of a CSV import, as a spreadsheet numbers it. */
export function CsvErrorReport({ errors }: { errors: readonly CsvRowError[] }) {
  if (errors.length === 0) {
    return null;
  }
  const rows = new Set(errors.map((error) => error.row)).size;
  return (
    <section aria-labelledby="csv-errors-title">
      <h3 id="csv-errors-title">
        Nothing was saved: {countOf(rows, "row", "rows")}{" "}
        {pluralForm(rows, "needs", "need")} correcting
      </h3>
      <p>Row numbers are those your spreadsheet shows; the header is row 1.</p>
      <TableWrap label="Rows to correct">
        <table>
          <thead>
            <tr>
              <th scope="col" className="number">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={index}>
                <td className="number">{error.row}</td>
                <td>{error.column ?? "Whole row"}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
