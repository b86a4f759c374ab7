import { useQuery } from "urql";

import { QueryView } from "../components/QueryView";
import { StatusBadge } from "../components/StatusBadge";
import { TableWrap } from "../components/TableWrap";
import { formatDate } from "../lib/dates";
import { formatKpiValue } from "./kpiFormat";
import { MilestonesQuery } from "./queries";

const STATUS_LABELS: Record<string, [string, string]> = {
  MET: ["APPROVED", "Met"],
  IN_PROGRESS: ["OPEN", "In progress"],
  MISSED: ["REJECTED", "Missed"],
  NO_DATA: ["EXPIRED", "No data"],
};

/** Show the milestones of the first three months after launch. */
export function Milestones() {
  const [result, reexecute] = useQuery({ query: MilestonesQuery });

  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">Milestones</h2>
      <QueryView
        result={result}
        retry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {(data) => (
          <TableWrap label="Milestones">
            <table>
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">Due</th>
                  <th scope="col">Target</th>
                  <th scope="col" className="number">
                    Actual
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.milestones.map((milestone) => {
                  const [tone, label] = STATUS_LABELS[milestone.status] ?? [
                    milestone.status,
                    milestone.status,
                  ];
                  return (
                    <tr key={milestone.key}>
                      <td>
                        {milestone.name}
                        <p className="field-hint">{milestone.definition}</p>
                      </td>
                      <td>
                        Month {milestone.month}
                        {milestone.dueOn ? `, ${formatDate(milestone.dueOn)}` : ""}
                      </td>
                      <td>{milestone.target.wording}</td>
                      <td className="number">
                        {formatKpiValue(milestone.actual, milestone.unit)}
                      </td>
                      <td>
                        <StatusBadge status={tone} label={label} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
    </section>
  );
}
