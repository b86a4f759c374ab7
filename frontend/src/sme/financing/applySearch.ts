import type { InvoiceFilter } from "../../gql/graphql";

/** The search of the invoices an SME can choose to finance. */
export interface ApplySearch {
  buyerId: string;
  dueDateFrom: string;
  dueDateTo: string;
}

export const NO_APPLY_SEARCH: ApplySearch = {
  buyerId: "",
  dueDateFrom: "",
  dueDateTo: "",
};

/**
 * Build the server's filter for the search. It requests only the invoices an
 * application can include now (verified tax invoices due after tomorrow in
 * India, in no live application), so the list offers none the server rejects.
 */
export function toApplyFilter(search: ApplySearch): InvoiceFilter {
  return {
    financeable: true,
    buyerId: search.buyerId || null,
    dueDateFrom: search.dueDateFrom || null,
    dueDateTo: search.dueDateTo || null,
  };
}
