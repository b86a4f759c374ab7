import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { TableWrap } from "../../components/TableWrap";
import { formatDateTime } from "../../lib/dates";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { AdminLendersQuery } from "../queries";
import { OnboardLenderForm } from "./OnboardLenderForm";

/** Show the lender partners on Hundi and their products. */
export function LendersPage() {
  const list = usePagedQuery(AdminLendersQuery, {}, (data) => data.lenders, [
    "LenderPartner",
  ]);

  return (
    <>
      <PageHeader
        title="Lender partners"
        description="Banks and NBFCs lending on Hundi."
      />
      {list.error && !list.nodes ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : null}
      {!list.nodes && !list.error ? <LoadingState /> : null}
      {list.nodes?.length === 0 ? (
        <EmptyState>No lender partner is on Hundi yet.</EmptyState>
      ) : null}
      {list.nodes?.length ? (
        <>
          <TableWrap label="Lender partners">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Registration</th>
                  <th scope="col">Contact</th>
                  <th scope="col">Products</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((lender) => (
                  <tr key={lender.id}>
                    <td>{lender.name}</td>
                    <td>{lender.kind}</td>
                    <td>{lender.registrationNumber}</td>
                    <td>
                      {lender.contactName}
                      <p className="field-hint">
                        {[lender.contactEmail, lender.contactPhone]
                          .filter(Boolean)
                          .join(", ")}
                      </p>
                    </td>
                    <td>
                      {lender.products.map((product) => product.name).join(", ") ||
                        "None"}
                    </td>
                    <td>{formatDateTime(lender.onboardedAt)}</td>
                    <td>
                      <StatusBadge
                        status={lender.isActive ? "ACTIVE" : "CANCELLED"}
                        label={lender.isActive ? "Lending" : "Paused"}
                      />
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
      <OnboardLenderForm onOnboarded={list.refresh} />
    </>
  );
}
