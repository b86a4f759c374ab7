import { useQuery } from "urql";

import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { InvoiceFilter, InvoiceStatus } from "../../gql/graphql";
import { checkMoney } from "../../lib/inputChecks";
import { humanize } from "../../lib/labels";
import { isMoney, normalizeMoney } from "../../lib/money";
import { SmeBuyersQuery } from "../queries";

export interface InvoiceFilterForm {
  status: string;
  buyerId: string;
  invoiceDateFrom: string;
  invoiceDateTo: string;
  dueDateFrom: string;
  dueDateTo: string;
  amountMin: string;
  amountMax: string;
}

export const NO_INVOICE_FILTER: InvoiceFilterForm = {
  status: "",
  buyerId: "",
  invoiceDateFrom: "",
  invoiceDateTo: "",
  dueDateFrom: "",
  dueDateTo: "",
  amountMin: "",
  amountMax: "",
};

const STATUSES: InvoiceStatus[] = [
  "UPLOADED",
  "VERIFIED",
  "FINANCED",
  "SETTLED",
  "REJECTED",
];

/** Build the API's InvoiceFilter from the form; incomplete amounts are left out. */
export function toInvoiceFilter(form: InvoiceFilterForm): InvoiceFilter {
  const amount = (text: string) =>
    isMoney(normalizeMoney(text)) ? normalizeMoney(text) : null;
  return {
    status: form.status ? [form.status as InvoiceStatus] : null,
    buyerId: form.buyerId || null,
    invoiceDateFrom: form.invoiceDateFrom || null,
    invoiceDateTo: form.invoiceDateTo || null,
    dueDateFrom: form.dueDateFrom || null,
    dueDateTo: form.dueDateTo || null,
    amountMin: amount(form.amountMin),
    amountMax: amount(form.amountMax),
  };
}

export function InvoiceFilters({
  value,
  onChange,
}: {
  value: InvoiceFilterForm;
  onChange: (value: InvoiceFilterForm) => void;
}) {
  const [buyers] = useQuery({ query: SmeBuyersQuery });
  const set = (key: keyof InvoiceFilterForm) => (text: string) =>
    onChange({ ...value, [key]: text });

  return (
    <div className="filters" role="search" aria-label="Filter invoices">
      <SelectField
        id="filter-status"
        label="Status"
        placeholder="Any"
        value={value.status}
        options={STATUSES.map((status) => ({ value: status, label: humanize(status) }))}
        onChange={set("status")}
      />
      <SelectField
        id="filter-buyer"
        label="Buyer"
        placeholder="Any"
        value={value.buyerId}
        options={(buyers.data?.buyers.nodes ?? []).map((buyer) => ({
          value: buyer.id,
          label: buyer.legalName,
        }))}
        onChange={set("buyerId")}
      />
      <TextField
        id="filter-invoice-from"
        label="Dated from"
        type="date"
        value={value.invoiceDateFrom}
        onChange={set("invoiceDateFrom")}
      />
      <TextField
        id="filter-invoice-to"
        label="Dated to"
        type="date"
        value={value.invoiceDateTo}
        onChange={set("invoiceDateTo")}
      />
      <TextField
        id="filter-due-from"
        label="Due from"
        type="date"
        value={value.dueDateFrom}
        onChange={set("dueDateFrom")}
      />
      <TextField
        id="filter-due-to"
        label="Due to"
        type="date"
        value={value.dueDateTo}
        onChange={set("dueDateTo")}
      />
      <TextField
        id="filter-amount-min"
        label="Total at least (₹)"
        inputMode="decimal"
        value={value.amountMin}
        onChange={set("amountMin")}
        errors={amountErrors(value.amountMin, "Total at least")}
      />
      <TextField
        id="filter-amount-max"
        label="Total at most (₹)"
        inputMode="decimal"
        value={value.amountMax}
        onChange={set("amountMax")}
        errors={amountErrors(value.amountMax, "Total at most")}
      />
    </div>
  );
}

/** Say why a typed bound is left out of the filter, if it is. */
function amountErrors(text: string, label: string): string[] | undefined {
  const problem = checkMoney(text, label, { required: false, allowZero: true });
  return problem ? [problem] : undefined;
}
