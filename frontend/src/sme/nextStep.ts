/** The next step the SME's overview suggests, from its KYC state and its data. */

export type NextStep =
  | "START_KYC"
  | "KYC_IN_REVIEW"
  | "KYC_REJECTED"
  | "COMPARE_OFFERS"
  | "APPLY"
  | "AWAIT_OFFERS"
  | "ADD_FIRST_INVOICE"
  | "ADD_INVOICE";

export interface SmeFigures {
  kycStatus: string;
  invoices: number;
  financeableInvoices: number;
  offeredApplications: number;
  submittedApplications: number;
}

/**
 * Pick the step that moves the SME closest to money: offers waiting for a
 * decision first, then invoices that can be financed now, then adding invoices.
 */
export function nextStepOf(figures: SmeFigures): NextStep {
  if (figures.kycStatus === "REGISTERED") {
    return "START_KYC";
  }
  if (figures.kycStatus === "KYC_SUBMITTED") {
    return "KYC_IN_REVIEW";
  }
  if (figures.kycStatus === "KYC_REJECTED") {
    return "KYC_REJECTED";
  }
  if (figures.offeredApplications > 0) {
    return "COMPARE_OFFERS";
  }
  if (figures.financeableInvoices > 0) {
    return "APPLY";
  }
  if (figures.submittedApplications > 0) {
    return "AWAIT_OFFERS";
  }
  return figures.invoices === 0 ? "ADD_FIRST_INVOICE" : "ADD_INVOICE";
}
