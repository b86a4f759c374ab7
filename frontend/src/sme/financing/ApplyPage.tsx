import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { EmptyState } from "../../components/States";
import { TableWrap } from "../../components/TableWrap";
import { formatDate } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { recordProductEvent } from "../../lib/measurement/productEvents";
import { formatRupees } from "../../lib/money";
import { SubmitApplicationMutation } from "../mutations";
import { FinanceableInvoicesQuery } from "../queries";

const MAX_INVOICES = 20;

/** Choose verified invoices and apply to have them financed. */
export function ApplyPage() {
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({
    query: FinanceableInvoicesQuery,
    requestPolicy: "network-only",
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [submission, submit] = useMutation(SubmitApplicationMutation);

  useEffect(() => recordProductEvent("APPLICATION_STARTED"), []);

  function toggle(id: string, checked: boolean) {
    setChosen((old) => (checked ? [...old, id] : old.filter((item) => item !== id)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    if (chosen.length === 0) {
      setErrors(["No invoice is chosen; tick at least one."]);
      return;
    }
    const response = await submit({ input: { invoiceIds: chosen } });
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

  return (
    <>
      <PageHeader
        title="Apply for financing"
        description={`Choose up to ${MAX_INVOICES} verified invoices. Lenders whose products fit will make offers.`}
        actions={
          <Link className="button button-secondary" to="/sme/applications">
            All applications
          </Link>
        }
      />
      <QueryView
        result={result}
        retry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {(data) =>
          data.invoices.nodes.length === 0 ? (
            <EmptyState>
              No invoice is ready for financing.{" "}
              <Link to="/sme/invoices/new">Add an invoice</Link>.
            </EmptyState>
          ) : (
            <form onSubmit={onSubmit} noValidate aria-label="Invoices to finance">
              <FormErrors messages={errors} />
              <TableWrap label="Verified invoices">
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
                    {data.invoices.nodes.map((invoice) => (
                      <tr key={invoice.id}>
                        <td>
                          <input
                            type="checkbox"
                            id={`finance-${invoice.id}`}
                            checked={chosen.includes(invoice.id)}
                            disabled={
                              !chosen.includes(invoice.id) &&
                              chosen.length >= MAX_INVOICES
                            }
                            onChange={(event) =>
                              toggle(invoice.id, event.target.checked)
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
              <div className="button-row">
                <Button type="submit" busy={submission.fetching}>
                  Apply with {chosen.length}{" "}
                  {chosen.length === 1 ? "invoice" : "invoices"}
                </Button>
              </div>
            </form>
          )
        }
      </QueryView>
    </>
  );
}
