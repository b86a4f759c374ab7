import { describe, expect, it } from "vitest";

import { buyerOptions, NO_LOAN_FILTER, toLoanFilter } from "./loanFilter";

describe("buyerOptions", () => {
  it("tells apart buyers with the same name by their GSTIN", () => {
    const options = buyerOptions([
      { id: "B1", legalName: "Umang Pumps LLP", gstin: "27AAPFU0939F1ZV" },
      { id: "B2", legalName: "Umang Pumps LLP", gstin: "24AAPFU0939F1ZZ" },
    ]);
    expect(options).toEqual([
      { value: "B1", label: "Umang Pumps LLP (27AAPFU0939F1ZV)" },
      { value: "B2", label: "Umang Pumps LLP (24AAPFU0939F1ZZ)" },
    ]);
    expect(new Set(options.map((option) => option.label)).size).toBe(2);
  });

  it("offers nothing before the buyers are read", () => {
    expect(buyerOptions([])).toEqual([]);
  });
});

describe("toLoanFilter", () => {
  it("filters by the chosen buyer's id", () => {
    expect(toLoanFilter({ ...NO_LOAN_FILTER, buyerId: "B2" }).buyerId).toBe("B2");
    expect(toLoanFilter(NO_LOAN_FILTER).buyerId).toBeNull();
  });
});
