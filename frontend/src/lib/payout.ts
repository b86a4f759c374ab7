/**
 * Wording of the amount an offer pays out. An offer's key facts are priced
 * for the quote's disbursal date. When the lender pays, the loan is priced
 * again by the same rules for the day the money moves, and the value date
 * cannot be before the day the SME accepts. A later payout leaves fewer days
 * to the due date and so a smaller discount, so the quoted net amount is the
 * least the SME receives when the quote's date is the earliest payout date.
 */

import { formatDate } from "./dates";
import { formatRupees } from "./money";

/** Format the quoted net amount with its date: "₹97,530.00 if paid out on 5 Dec 2026". */
export function netIfPaidOn(netAmount: string, disbursalDate: string): string {
  return `${formatRupees(netAmount)} if paid out on ${formatDate(disbursalDate)}`;
}

/** Say to the SME why the amount paid may differ from the quote. */
export const REPRICING_NOTE_FOR_SME =
  "The loan is priced again on the day the lender pays, so a later payout pays you a little more.";

/** Say the same to the lender. */
export const REPRICING_NOTE_FOR_LENDER =
  "The loan is priced again for the value date of the payout, so a later payout pays the SME a little more.";
