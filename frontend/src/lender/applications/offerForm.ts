/** The make-offer form's text fields, the browser's checks of them, and the terms to price. */

import { checkPercent, checkWholeNumber, problemsOf } from "../../lib/inputChecks";
import type { PayloadError } from "../../lib/fieldErrors";
import { isPercent, percentToRate } from "../../lib/rates";

export interface OfferForm {
  productId: string;
  advance: string;
  annual: string;
  fee: string;
  validDays: string;
}

export const EMPTY_OFFER: OfferForm = {
  productId: "",
  advance: "",
  annual: "",
  fee: "",
  validDays: "",
};

/** The API's name of each input, which its errors' field paths use. */
export const API_FIELD: Record<keyof OfferForm, string> = {
  productId: "productId",
  advance: "advanceRate",
  annual: "annualRate",
  fee: "processingFeeRate",
  validDays: "validDays",
};

export const OFFER_FIELDS = Object.values(API_FIELD);

/** The maximum validity createOffer accepts, in days. */
export const MAX_VALID_DAYS = 30;

/** Find every problem the browser can see, keyed by the API's field names. */
export function checkOfferForm(form: OfferForm): PayloadError[] {
  return problemsOf([
    ["productId", form.productId ? null : "Product is missing; choose one."],
    ["advanceRate", checkPercent(form.advance, "Advance rate", { example: "85" })],
    ["annualRate", checkPercent(form.annual, "Annual rate", { example: "14.5" })],
    ["processingFeeRate", checkPercent(form.fee, "Processing fee", { example: "0.5" })],
    [
      "validDays",
      checkWholeNumber(form.validDays, "Validity", {
        required: false,
        min: 1,
        max: MAX_VALID_DAYS,
      }),
    ],
  ]);
}

export interface QuoteTerms {
  productId: string;
  advanceRate: string;
  annualRate: string;
  processingFeeRate: string;
}

/** Build the terms to price, or null while a product or a rate is missing or invalid. */
export function quoteTermsOf(form: OfferForm): QuoteTerms | null {
  const rates = [form.advance, form.annual, form.fee];
  if (!form.productId || !rates.every(isPercent)) {
    return null;
  }
  return {
    productId: form.productId,
    advanceRate: percentToRate(form.advance),
    annualRate: percentToRate(form.annual),
    processingFeeRate: percentToRate(form.fee),
  };
}
