import { describe, expect, it } from "vitest";

import { checkProductForm, EMPTY_PRODUCT } from "./productForm";
import type { ProductForm } from "./productForm";

const FILLED: ProductForm = {
  ...EMPTY_PRODUCT,
  name: "Receivables Express",
  advance: "85",
  minAnnual: "12",
  maxAnnual: "18",
  fee: "0.5",
  minAmount: "50,000",
  maxAmount: "50,00,000",
  limitPerBuyer: "1,00,00,000",
  limitPerSme: "50,00,000",
  concentrationCap: "30",
};

function fieldsOf(form: ProductForm): (string | undefined)[] {
  return checkProductForm(form).map((error) => error.field?.[0]);
}

describe("checkProductForm", () => {
  it("passes a filled form", () => {
    expect(checkProductForm(FILLED)).toEqual([]);
  });

  it("lists every missing field of an empty form at once", () => {
    expect(fieldsOf(EMPTY_PRODUCT)).toEqual([
      "name",
      "advance",
      "minAnnual",
      "maxAnnual",
      "fee",
      "minAmount",
      "maxAmount",
      "limitPerBuyer",
      "limitPerSme",
      "concentrationCap",
    ]);
  });

  it("rejects an amount that is not rupees", () => {
    const errors = checkProductForm({ ...FILLED, limitPerSme: "fifty lakh" });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Limit per SME is invalid; /);
  });

  it("rejects a tenor that is not a whole number", () => {
    expect(fieldsOf({ ...FILLED, maxTenorDays: "90.5" })).toEqual(["maxTenorDays"]);
  });

  it("needs the instant rate only with instant offers", () => {
    expect(fieldsOf({ ...FILLED, instantOffer: false })).toEqual([]);
    expect(fieldsOf({ ...FILLED, instantOffer: true })).toEqual(["instantAnnual"]);
  });

  it("takes an empty penal rate as none", () => {
    expect(fieldsOf({ ...FILLED, penalAnnual: "" })).toEqual([]);
    expect(fieldsOf({ ...FILLED, penalAnnual: "x" })).toEqual(["penalAnnual"]);
  });
});
