import { useState } from "react";
import { useQuery } from "urql";

import { Button } from "../../components/Button";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { TableWrap } from "../../components/TableWrap";
import { todayInIndia } from "../../lib/dates";
import { humanize } from "../../lib/labels";
import { formatKpiValue } from "../../management/kpiFormat";
import { KpiTargetsQuery } from "../queries";
import { TargetEditor } from "./TargetEditor";

/** Show the target of every success metric and milestone, editable one at a time. */
export function KpiTargetsPage() {
  const today = todayInIndia();
  const [result, reexecute] = useQuery({
    query: KpiTargetsQuery,
    variables: { from: today, to: today },
  });
  const [editing, setEditing] = useState<string | null>(null);
  const reload = () => reexecute({ requestPolicy: "network-only" });

  return (
    <>
      <PageHeader
        title="KPI targets"
        description="Bounds are in each metric's unit; percentages as 50 for 50%."
      />
      <QueryView result={result} retry={reload}>
        {(data) => {
          const rows = [...data.kpis, ...data.milestones];
          return (
            <TableWrap label="KPI targets">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col">Unit</th>
                    <th scope="col">Target</th>
                    <th scope="col">Bounds</th>
                    <th scope="col">Change</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <td>{row.name}</td>
                      <td>{humanize(row.unit)}</td>
                      <td>{row.target.wording}</td>
                      <td>{bounds(row.target, row.unit)}</td>
                      <td>
                        {editing === row.key ? (
                          <TargetEditor
                            name={row.name}
                            target={row.target}
                            onSaved={() => {
                              setEditing(null);
                              reload();
                            }}
                          />
                        ) : (
                          <Button
                            variant="secondary"
                            onClick={() => setEditing(row.key)}
                            aria-label={`Change the target of ${row.name}`}
                          >
                            Change
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          );
        }}
      </QueryView>
    </>
  );
}

function bounds(
  target: { direction: string; low?: string | null; high?: string | null },
  unit: string,
): string {
  const low = formatKpiValue(target.low, unit);
  const high = formatKpiValue(target.high, unit);
  if (target.direction === "AT_LEAST") {
    return `At least ${low}`;
  }
  if (target.direction === "AT_MOST") {
    return `At most ${high}`;
  }
  return `${low} to ${high}`;
}
