import { describe, expect, it } from "vitest";

import { checkOfferForm, EMPTY_OFFER, quoteTermsOf } from "./offerForm";

const FILLED = {
  productId: "product-1",
  advance: "80",
  annual: "13.5",
  fee: "0.5",
  validDays: "",
};

describe("checkOfferForm", () => {
  it("finds every problem of an empty form at once", () => {
    const fields = checkOfferForm(EMPTY_OFFER).map((error) => error.field?.[0]);
    expect(fields).toEqual([
      "productId",
      "advanceRate",
      "annualRate",
      "processingFeeRate",
    ]);
  });

  it("says an empty rate is missing, not invalid", () => {
    const messages = checkOfferForm(EMPTY_OFFER).map((error) => error.message);
    expect(messages).toContain(
      "Advance rate is missing; give a percentage such as 85.",
    );
  });

  it("passes a filled form", () => {
    expect(checkOfferForm(FILLED)).toEqual([]);
  });

  it("rejects a validity beyond 30 days", () => {
    const errors = checkOfferForm({ ...FILLED, validDays: "45" });
    expect(errors).toEqual([
      {
        field: ["validDays"],
        message: "Validity is 45; give a whole number from 1 to 30.",
      },
    ]);
  });
});

describe("quoteTermsOf", () => {
  it("turns percentages into the API's fractions", () => {
    expect(quoteTermsOf(FILLED)).toEqual({
      productId: "product-1",
      advanceRate: "0.8",
      annualRate: "0.135",
      processingFeeRate: "0.005",
    });
  });

  it("is null without a product", () => {
    expect(quoteTermsOf({ ...FILLED, productId: "" })).toBeNull();
  });

  it("is null while a rate is not a percentage", () => {
    expect(quoteTermsOf({ ...FILLED, annual: "13.5x" })).toBeNull();
  });
});
