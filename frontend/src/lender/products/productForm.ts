/** The product form's text fields and the API's terms built from them. */

import type { DayCountConvention, LenderProductTermsInput } from "../../gql/graphql";
import type { PayloadError } from "../../lib/fieldErrors";
import {
  checkMoney,
  checkPercent,
  checkWholeNumber,
  problemsOf,
} from "../../lib/inputChecks";
import { normalizeMoney } from "../../lib/money";
import { percentToRate, rateToPercent } from "../../lib/rates";

export interface ProductForm {
  name: string;
  advance: string;
  minAnnual: string;
  maxAnnual: string;
  fee: string;
  feeMin: string;
  dayCount: string;
  minTenorDays: string;
  maxTenorDays: string;
  minAmount: string;
  maxAmount: string;
  minDaysToDue: string;
  recourse: boolean;
  industries: string;
  states: string;
  limitPerBuyer: string;
  limitPerSme: string;
  concentrationCap: string;
  concentrationFloor: string;
  instantOffer: boolean;
  instantAnnual: string;
  penalAnnual: string;
  offerValidityDays: string;
}

export const EMPTY_PRODUCT: ProductForm = {
  name: "",
  advance: "",
  minAnnual: "",
  maxAnnual: "",
  fee: "",
  feeMin: "0",
  dayCount: "ACT_365F",
  minTenorDays: "15",
  maxTenorDays: "180",
  minAmount: "",
  maxAmount: "",
  minDaysToDue: "15",
  recourse: true,
  industries: "",
  states: "",
  limitPerBuyer: "",
  limitPerSme: "",
  concentrationCap: "",
  concentrationFloor: "0",
  instantOffer: false,
  instantAnnual: "",
  penalAnnual: "",
  offerValidityDays: "7",
};

export interface ProductTerms {
  name: string;
  advanceRate: string;
  minAnnualRate: string;
  maxAnnualRate: string;
  processingFeeRate: string;
  processingFeeMin: string;
  dayCount: string;
  minTenorDays: number;
  maxTenorDays: number;
  minAmount: string;
  maxAmount: string;
  minDaysToDue: number;
  recourse: boolean;
  eligibleIndustries: readonly string[];
  eligibleStates: readonly string[];
  limitPerBuyer: string;
  limitPerSme: string;
  concentrationCap: string;
  concentrationFloor: string;
  instantOffer: boolean;
  instantAnnualRate?: string | null;
  penalAnnualRate?: string | null;
  offerValidityDays: number;
}

/** Fill the form from a product's current terms. */
export function formFromProduct(product: ProductTerms): ProductForm {
  return {
    name: product.name,
    advance: rateToPercent(product.advanceRate),
    minAnnual: rateToPercent(product.minAnnualRate),
    maxAnnual: rateToPercent(product.maxAnnualRate),
    fee: rateToPercent(product.processingFeeRate),
    feeMin: product.processingFeeMin,
    dayCount: product.dayCount,
    minTenorDays: String(product.minTenorDays),
    maxTenorDays: String(product.maxTenorDays),
    minAmount: product.minAmount,
    maxAmount: product.maxAmount,
    minDaysToDue: String(product.minDaysToDue),
    recourse: product.recourse,
    industries: product.eligibleIndustries.join(", "),
    states: product.eligibleStates.join(", "),
    limitPerBuyer: product.limitPerBuyer,
    limitPerSme: product.limitPerSme,
    concentrationCap: rateToPercent(product.concentrationCap),
    concentrationFloor: product.concentrationFloor,
    instantOffer: product.instantOffer,
    instantAnnual: product.instantAnnualRate
      ? rateToPercent(product.instantAnnualRate)
      : "",
    penalAnnual: product.penalAnnualRate ? rateToPercent(product.penalAnnualRate) : "",
    offerValidityDays: String(product.offerValidityDays),
  };
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function optionalRate(text: string): string | null {
  return text.trim() ? percentToRate(text) : null;
}

/** Build the terms to send. The server checks every bound and names the field at fault. */
export function termsFromForm(form: ProductForm): LenderProductTermsInput {
  return {
    name: form.name.trim(),
    advanceRate: percentToRate(form.advance),
    minAnnualRate: percentToRate(form.minAnnual),
    maxAnnualRate: percentToRate(form.maxAnnual),
    processingFeeRate: percentToRate(form.fee),
    processingFeeMin: normalizeMoney(form.feeMin),
    dayCount: form.dayCount as DayCountConvention,
    minTenorDays: Number(form.minTenorDays),
    maxTenorDays: Number(form.maxTenorDays),
    minAmount: normalizeMoney(form.minAmount),
    maxAmount: normalizeMoney(form.maxAmount),
    minDaysToDue: Number(form.minDaysToDue),
    recourse: form.recourse,
    eligibleIndustries: list(form.industries),
    eligibleStates: list(form.states),
    limitPerBuyer: normalizeMoney(form.limitPerBuyer),
    limitPerSme: normalizeMoney(form.limitPerSme),
    concentrationCap: percentToRate(form.concentrationCap),
    concentrationFloor: normalizeMoney(form.concentrationFloor),
    instantOffer: form.instantOffer,
    instantAnnualRate: form.instantOffer ? optionalRate(form.instantAnnual) : null,
    penalAnnualRate: optionalRate(form.penalAnnual),
    offerValidityDays: Number(form.offerValidityDays),
  };
}

/**
 * Find every problem the browser can see, keyed by the form's field names:
 * missing values and values the API cannot read. The bounds of each value
 * and between values (lowest rate above highest) are left to the server,
 * which names the field at fault.
 */
export function checkProductForm(form: ProductForm): PayloadError[] {
  const days = (text: string, label: string) =>
    checkWholeNumber(text, label, { max: 999_999_999 });
  return problemsOf([
    ["name", form.name.trim() ? null : "Name is missing; give the product a name."],
    ["advance", checkPercent(form.advance, "Advance rate", { example: "85" })],
    ["minAnnual", checkPercent(form.minAnnual, "Lowest annual rate")],
    [
      "maxAnnual",
      checkPercent(form.maxAnnual, "Highest annual rate", { example: "24" }),
    ],
    ["fee", checkPercent(form.fee, "Processing fee", { example: "0.5" })],
    ["feeMin", checkMoney(form.feeMin, "Smallest fee", { allowZero: true })],
    ["minTenorDays", days(form.minTenorDays, "Shortest tenor")],
    ["maxTenorDays", days(form.maxTenorDays, "Longest tenor")],
    ["minAmount", checkMoney(form.minAmount, "Smallest invoice")],
    ["maxAmount", checkMoney(form.maxAmount, "Largest invoice")],
    ["minDaysToDue", days(form.minDaysToDue, "Fewest days to due")],
    ["limitPerBuyer", checkMoney(form.limitPerBuyer, "Limit per buyer")],
    ["limitPerSme", checkMoney(form.limitPerSme, "Limit per SME")],
    [
      "concentrationCap",
      checkPercent(form.concentrationCap, "Concentration cap", { example: "30" }),
    ],
    [
      "concentrationFloor",
      checkMoney(form.concentrationFloor, "Cap binds above", { allowZero: true }),
    ],
    [
      "penalAnnual",
      checkPercent(form.penalAnnual, "Penal rate", { required: false, example: "24" }),
    ],
    ["offerValidityDays", days(form.offerValidityDays, "Offer validity")],
    [
      "instantAnnual",
      form.instantOffer ? checkPercent(form.instantAnnual, "Instant offer rate") : null,
    ],
  ]);
}
