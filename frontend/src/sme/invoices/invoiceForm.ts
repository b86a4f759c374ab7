/** The typed-in invoice's fields and the browser's checks of them before upload. */

import type { PayloadError } from "../../lib/fieldErrors";
import { checkGstin } from "../../lib/identifiers";
import { checkMoney, problemsOf } from "../../lib/inputChecks";

export interface InvoiceForm {
  buyerGstin: string;
  buyerName: string;
  invoiceNumber: string;
  documentType: string;
  invoiceDate: string;
  dueDate: string;
  taxableValue: string;
  gstAmount: string;
  sellerGstin: string;
}

export const EMPTY_INVOICE: InvoiceForm = {
  buyerGstin: "",
  buyerName: "",
  invoiceNumber: "",
  documentType: "INV",
  invoiceDate: "",
  dueDate: "",
  taxableValue: "",
  gstAmount: "",
  sellerGstin: "",
};

// GST document numbers: up to 16 characters, not starting with 0, / or -.
const DOCUMENT_NUMBER = /^[A-Z1-9][A-Z0-9/-]{0,15}$/;

/** Check an invoice number as typed; null when it is empty or valid. */
export function checkInvoiceNumber(text: string): string | null {
  const number = text.trim().toUpperCase();
  if (number && !DOCUMENT_NUMBER.test(number)) {
    return "Invoice number is invalid: use 1-16 letters, digits, / and -, not starting with 0, / or -.";
  }
  return null;
}

/** Find every problem of the form the browser can see, so all show at once. */
export function checkInvoiceForm(
  form: InvoiceForm,
  document: File | null,
): PayloadError[] {
  const required = (value: string, message: string) => (value.trim() ? null : message);
  return problemsOf([
    [
      "buyerGstin",
      form.buyerGstin.trim()
        ? checkGstin(form.buyerGstin)
        : "Buyer's GSTIN is missing; give the 15 characters.",
    ],
    [
      "buyerName",
      required(form.buyerName, "Buyer's legal name is missing; fill it in."),
    ],
    [
      "invoiceNumber",
      form.invoiceNumber.trim()
        ? checkInvoiceNumber(form.invoiceNumber)
        : "Invoice number is missing; fill it in.",
    ],
    [
      "invoiceDate",
      required(form.invoiceDate, "Invoice date is missing; give the date."),
    ],
    ["dueDate", required(form.dueDate, "Due date is missing; give the date.")],
    ["taxableValue", checkMoney(form.taxableValue, "Taxable value")],
    ["gstAmount", checkMoney(form.gstAmount, "GST", { allowZero: true })],
    ["document", document ? null : "The invoice PDF is missing; choose the file."],
  ]);
}
