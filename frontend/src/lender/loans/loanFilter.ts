import type { AssetClass, LoanFilter, LoanStatus } from "../../gql/graphql";

export interface LoanFilterForm {
  status: string;
  assetClass: string;
  buyerId: string;
  dueDateFrom: string;
  dueDateTo: string;
}

export const NO_LOAN_FILTER: LoanFilterForm = {
  status: "",
  assetClass: "",
  buyerId: "",
  dueDateFrom: "",
  dueDateTo: "",
};

export const LOAN_STATUSES: LoanStatus[] = [
  "PENDING_DISBURSAL",
  "ACTIVE",
  "REPAID",
  "WRITTEN_OFF",
  "CANCELLED",
];

export const ASSET_CLASSES: AssetClass[] = [
  "STANDARD",
  "SMA_0",
  "SMA_1",
  "SMA_2",
  "NPA",
];

export function toLoanFilter(form: LoanFilterForm): LoanFilter {
  return {
    status: form.status ? [form.status as LoanStatus] : null,
    assetClass: form.assetClass ? [form.assetClass as AssetClass] : null,
    buyerId: form.buyerId || null,
    dueDateFrom: form.dueDateFrom || null,
    dueDateTo: form.dueDateTo || null,
  };
}

/**
 * Build the choices of the buyer filter. Two buyers may share a legal name, so
 * each label adds the GSTIN: "Umang Pumps LLP (27AAPFU0939F1ZV)".
 */
export function buyerOptions(
  buyers: readonly { id: string; legalName: string; gstin: string }[],
): { value: string; label: string }[] {
  return buyers.map((buyer) => ({
    value: buyer.id,
    label: `${buyer.legalName} (${buyer.gstin})`,
  }));
}
