import { useMemo, useState } from "react";
import { Link } from "react-router";

import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import type { ApplicationStatus } from "../../gql/graphql";
import { formatDate, formatDateTime } from "../../lib/dates";
import { humanize } from "../../lib/labels";
import { formatRupees } from "../../lib/money";
import { stateName } from "../../lib/states";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { LenderApplicationsQuery } from "../queries";

const OPEN: ApplicationStatus[] = ["SUBMITTED", "OFFERED"];
const STATUSES: ApplicationStatus[] = [
  "SUBMITTED",
  "OFFERED",
  "ACCEPTED",
  "DISBURSED",
  "DECLINED",
  "WITHDRAWN",
  "EXPIRED",
];

/** Show applications open to this lender, newest first. */
export function ApplicationQueue() {
  const [status, setStatus] = useState("OPEN");
  const filter = useMemo(() => ({ status: statusesOf(status) }), [status]);
  const list = usePagedQuery(
    LenderApplicationsQuery,
    { filter },
    (data) => data.applications,
    ["FinancingApplication", "Offer"],
  );

  return (
    <>
      <PageHeader
        title="Applications"
        description="Financing applications open to your lender."
      />
      <div className="filters" role="search" aria-label="Filter applications">
        <SelectField
          id="application-status"
          label="Status"
          value={status}
          onChange={setStatus}
          placeholder="Any"
          options={[
            { value: "OPEN", label: "Open (submitted or offered)" },
            ...STATUSES.map((value) => ({ value, label: humanize(value) })),
          ]}
        />
      </div>
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No application matches.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Applications">
            <table>
              <thead>
                <tr>
                  <th scope="col">SME</th>
                  <th scope="col">Invoices and buyers</th>
                  <th scope="col" className="number">
                    Amount
                  </th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((application) => (
                  <tr key={application.id}>
                    <td>
                      <Link
                        to={`/lender/applications/${encodeURIComponent(application.id)}`}
                      >
                        {application.sme.legalName}
                      </Link>
                      <p className="field-hint">
                        {application.sme.industry},{" "}
                        {stateName(application.sme.stateCode)}
                      </p>
                    </td>
                    <td>
                      {application.invoices
                        .map(
                          (invoice) =>
                            `${invoice.invoiceNumber} on ${invoice.buyer.legalName}, due ${formatDate(invoice.dueDate)}`,
                        )
                        .join("; ")}
                    </td>
                    <td className="number">
                      {formatRupees(application.requestedAmount)}
                    </td>
                    <td>{formatDateTime(application.submittedAt)}</td>
                    <td>{formatDateTime(application.expiresAt)}</td>
                    <td>
                      <StatusBadge status={application.status} />
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
    </>
  );
}

function statusesOf(choice: string): ApplicationStatus[] | null {
  if (choice === "OPEN") {
    return OPEN;
  }
  return choice ? [choice as ApplicationStatus] : null;
}
