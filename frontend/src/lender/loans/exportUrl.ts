import type { LoanFilter } from "../../gql/graphql";

/** Show the server's CSV export of every loan that matches the filter. */
export function loansCsvUrl(filter: LoanFilter): string {
  const params = new URLSearchParams();
  for (const status of filter.status ?? []) {
    params.append("status", status);
  }
  for (const assetClass of filter.assetClass ?? []) {
    params.append("assetClass", assetClass);
  }
  const single = {
    buyerId: filter.buyerId,
    smeId: filter.smeId,
    dueDateFrom: filter.dueDateFrom,
    dueDateTo: filter.dueDateTo,
  };
  for (const [name, value] of Object.entries(single)) {
    if (value) {
      params.append(name, value);
    }
  }
  const query = params.toString();
  return query ? `/exports/loans.csv?${query}` : "/exports/loans.csv";
}
