import { Link } from "react-router";

import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { formatRupees } from "../../lib/money";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { SmeApplicationsQuery } from "../queries";

/** Show the SME's financing applications and how many offers each has. */
export function ApplicationsPage() {
  const list = usePagedQuery(SmeApplicationsQuery, {}, (data) => data.applications, [
    "FinancingApplication",
    "Offer",
  ]);

  return (
    <>
      <PageHeader
        title="Financing"
        description="Your applications, newest first. Open one to compare its offers."
        actions={
          <Link className="button" to="/sme/applications/new">
            Apply for financing
          </Link>
        }
      />
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>You have not applied for financing yet.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Financing applications">
            <table>
              <thead>
                <tr>
                  <th scope="col">Submitted</th>
                  <th scope="col">Invoices</th>
                  <th scope="col" className="number">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Open offers</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((application) => (
                  <tr key={application.id}>
                    <td>{formatDateTime(application.submittedAt)}</td>
                    <td>
                      {application.invoices
                        .map((invoice) => invoice.invoiceNumber)
                        .join(", ")}
                    </td>
                    <td className="number">
                      {formatRupees(application.requestedAmount)}
                    </td>
                    <td>
                      <StatusBadge status={application.status} />
                    </td>
                    <td>
                      {
                        application.offers.filter((offer) => offer.status === "OPEN")
                          .length
                      }
                    </td>
                    <td>
                      <Link
                        to={`/sme/applications/${encodeURIComponent(application.id)}`}
                      >
                        Offers
                        <span className="visually-hidden">
                          {" "}
                          for the application of{" "}
                          {formatDateTime(application.submittedAt)}
                        </span>
                      </Link>
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
