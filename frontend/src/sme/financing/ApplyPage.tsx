import { useEffect, useMemo, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { LoadMore } from "../../components/LoadMore";
import { FormErrors } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TableWrap } from "../../components/TableWrap";
import { TextField } from "../../components/TextField";
import { formatDate } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { recordProductEvent } from "../../lib/measurement/productEvents";
import { formatRupees } from "../../lib/money";
import { countOf } from "../../lib/plural";
import { usePagedQuery } from "../../lib/usePagedQuery";
import { SubmitApplicationMutation } from "../mutations";
import { FinanceableInvoicesQuery, SmeBuyersQuery } from "../queries";
import { NO_APPLY_SEARCH, toApplyFilter } from "./applySearch";
import type { ApplySearch } from "./applySearch";

const MAX_INVOICES = 20;

/**
 * Choose invoices and apply to have them financed. The list contains only the
 * invoices an application can include now, read page by page and narrowed by
 * buyer and due date on the server. Chosen invoices stay chosen while the
 * search changes.
 */
export function ApplyPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState<ApplySearch>(NO_APPLY_SEARCH);
  const filter = useMemo(() => toApplyFilter(search), [search]);
  const list = usePagedQuery(
    FinanceableInvoicesQuery,
    { filter },
    (data) => data.invoices,
    // An application submitted or withdrawn changes which invoices it can take.
    ["Invoice", "FinancingApplication"],
  );
  const [buyers] = useQuery({ query: SmeBuyersQuery });
  // Invoice numbers by id, to name the chosen invoices the search hides.
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<string[]>([]);
  const [submission, submit] = useMutation(SubmitApplicationMutation);
  const set = (key: keyof ApplySearch) => (value: string) =>
    setSearch((old) => ({ ...old, [key]: value }));

  useEffect(() => recordProductEvent("APPLICATION_STARTED"), []);

  function toggle(id: string, invoiceNumber: string, checked: boolean) {
    setErrors([]);
    setChosen((old) => {
      const next = new Map(old);
      if (checked) {
        next.set(id, invoiceNumber);
      } else {
        next.delete(id);
      }
      return next;
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    if (chosen.size === 0) {
      setErrors(["No invoice is chosen; tick at least one."]);
      return;
    }
    const response = await submit({ input: { invoiceIds: [...chosen.keys()] } });
    const payload = response.data?.submitApplication;
    if (response.error) {
      setErrors([describeError(response.error)]);
    } else if (payload && payload.errors.length > 0) {
      setErrors(payload.errors.map((error) => error.message));
    } else if (payload?.application) {
      recordProductEvent("APPLICATION_SUBMITTED");
      navigate(`/sme/applications/${encodeURIComponent(payload.application.id)}`);
    }
  }

  const searching = search !== NO_APPLY_SEARCH;
  return (
    <>
      <PageHeader
        title="Apply for financing"
        description={`Choose up to ${MAX_INVOICES} invoices. Lenders whose products fit will make offers.`}
        actions={
          <Link className="button button-secondary" to="/sme/applications">
            All applications
          </Link>
        }
      />
      <div className="filters" role="search" aria-label="Find invoices">
        <SelectField
          id="apply-buyer"
          label="Buyer"
          placeholder="Any"
          value={search.buyerId}
          options={(buyers.data?.buyers.nodes ?? []).map((buyer) => ({
            value: buyer.id,
            label: buyer.legalName,
          }))}
          onChange={set("buyerId")}
        />
        <TextField
          id="apply-due-from"
          label="Due from"
          type="date"
          value={search.dueDateFrom}
          onChange={set("dueDateFrom")}
        />
        <TextField
          id="apply-due-to"
          label="Due to"
          type="date"
          value={search.dueDateTo}
          onChange={set("dueDateTo")}
        />
        {searching ? (
          <Button variant="secondary" onClick={() => setSearch(NO_APPLY_SEARCH)}>
            Clear search
          </Button>
        ) : null}
      </div>
      <form onSubmit={onSubmit} noValidate aria-label="Invoices to finance">
        <FormErrors messages={errors} />
        {list.error && !list.nodes ? (
          <ErrorState error={list.error} onRetry={list.refresh} />
        ) : null}
        {!list.nodes && !list.error ? <LoadingState /> : null}
        {list.nodes?.length === 0 ? (
          <EmptyState>
            {searching ? (
              "No invoice that can be financed now matches the search."
            ) : (
              <>
                No invoice can be financed now: an application takes verified tax
                invoices that are due after tomorrow and not in another open, accepted
                or paid-out application.{" "}
                <Link to="/sme/invoices/new">Add an invoice</Link>.
              </>
            )}
          </EmptyState>
        ) : null}
        {list.nodes?.length ? (
          <>
            <TableWrap label="Invoices you can finance">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Finance</th>
                    <th scope="col">Invoice</th>
                    <th scope="col">Buyer</th>
                    <th scope="col">Due</th>
                    <th scope="col" className="number">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.nodes.map((invoice) => (
                    <tr key={invoice.id}>
                      <td>
                        <input
                          type="checkbox"
                          id={`finance-${invoice.id}`}
                          checked={chosen.has(invoice.id)}
                          disabled={
                            !chosen.has(invoice.id) && chosen.size >= MAX_INVOICES
                          }
                          onChange={(event) =>
                            toggle(
                              invoice.id,
                              invoice.invoiceNumber,
                              event.target.checked,
                            )
                          }
                          aria-label={`Finance invoice ${invoice.invoiceNumber}`}
                        />
                      </td>
                      <td>
                        <label htmlFor={`finance-${invoice.id}`}>
                          {invoice.invoiceNumber}
                        </label>
                      </td>
                      <td>{invoice.buyer.legalName}</td>
                      <td>{formatDate(invoice.dueDate)}</td>
                      <td className="number">{formatRupees(invoice.totalAmount)}</td>
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
        <p className="muted">
          {chosen.size > 0
            ? `Chosen: ${[...chosen.values()].join(", ")}.`
            : "No invoice is chosen yet."}
        </p>
        <div className="button-row" style={{ marginTop: 0 }}>
          <Button type="submit" busy={submission.fetching}>
            Apply with {countOf(chosen.size, "invoice", "invoices")}
          </Button>
        </div>
      </form>
    </>
  );
}
