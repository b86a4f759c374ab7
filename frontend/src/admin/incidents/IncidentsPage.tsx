import { useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { humanize } from "../../lib/labels";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { payloadMessages } from "../../support/payloadMessages";
import { ResolveSecurityIncidentMutation } from "../mutations";
import { SecurityIncidentsQuery } from "../queries";
import { RecordIncidentForm } from "./RecordIncidentForm";

const SEVERITY_TONES: Record<string, string> = {
  LOW: "OPEN",
  MEDIUM: "SMA_0",
  HIGH: "SMA_2",
  CRITICAL: "NPA",
};

/** Show security incidents, newest first; the data breach metric counts those that exposed personal data. */
export function IncidentsPage() {
  const list = usePagedQuery(
    SecurityIncidentsQuery,
    {},
    (data) => data.securityIncidents,
    ["SecurityIncident"],
  );
  const [resolution, resolve] = useMutation(ResolveSecurityIncidentMutation);
  const [errors, setErrors] = useState<string[]>([]);

  async function onResolve(incidentId: string) {
    const response = await resolve({ input: { incidentId } });
    const problems = payloadMessages(
      response.error,
      response.data?.resolveSecurityIncident.errors,
    );
    setErrors(problems);
    if (problems.length === 0) {
      list.refresh();
    }
  }

  return (
    <>
      <PageHeader
        title="Security incidents"
        description="Lapses and breaches, as recorded by administrators."
      />
      {errors.length ? <Notice tone="error">{errors.join(" ")}</Notice> : null}
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No incident is recorded.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Security incidents">
            <table>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Happened</th>
                  <th scope="col">Personal data</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((incident) => (
                  <tr key={incident.id}>
                    <td>
                      {incident.title}
                      <p className="field-hint">{incident.description}</p>
                    </td>
                    <td>
                      <StatusBadge
                        status={SEVERITY_TONES[incident.severity] ?? incident.severity}
                        label={humanize(incident.severity)}
                      />
                    </td>
                    <td>
                      {formatDateTime(incident.occurredAt)}
                      <p className="field-hint">
                        Noticed {formatDateTime(incident.detectedAt)}
                      </p>
                    </td>
                    <td>
                      {incident.personalDataExposed
                        ? "Exposed: a data breach"
                        : "Not exposed"}
                    </td>
                    <td>
                      {incident.resolvedAt ? (
                        `Resolved ${formatDateTime(incident.resolvedAt)}`
                      ) : (
                        <Button
                          variant="secondary"
                          busy={resolution.fetching}
                          onClick={() => void onResolve(incident.id)}
                          aria-label={`Mark ${incident.title} resolved`}
                        >
                          Mark resolved
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <LoadMore
            hasNextPage={list.hasNextPage}
            fetching={list.fetching}
            shown={list.nodes.length}
            total={list.totalCount}
            onLoadMore={list.loadMore}
          />
        </>
      ) : null}
      <RecordIncidentForm onRecorded={list.refresh} />
    </>
  );
}
