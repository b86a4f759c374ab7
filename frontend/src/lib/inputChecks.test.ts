import { describe, expect, it } from "vitest";

import {
  checkDecimal,
  checkMoney,
  checkPercent,
  checkWholeNumber,
  problemsOf,
} from "./inputChecks";

describe("checkMoney", () => {
  it.each(["1,18,000.50", "₹500", "0.01", " 42 "])("accepts %s", (text) => {
    expect(checkMoney(text, "Amount")).toBeNull();
  });

  it("says an empty required amount is missing", () => {
    expect(checkMoney("", "Taxable value")).toBe(
      "Taxable value is missing; give an amount in rupees.",
    );
  });

  it("accepts an empty optional amount", () => {
    expect(checkMoney(" ", "Amount", { required: false })).toBeNull();
  });

  it.each(["abc", "12.345", "-5", "1e5", "1.2.3"])("rejects %s as invalid", (text) => {
    expect(checkMoney(text, "Amount")).toMatch(/^Amount is invalid; /);
  });

  it("rejects zero unless zero is allowed", () => {
    expect(checkMoney("0.00", "Amount")).toBe(
      "Amount is zero; give an amount above ₹0.",
    );
    expect(checkMoney("0", "GST", { allowZero: true })).toBeNull();
  });
});

describe("checkPercent", () => {
  it("accepts a percentage", () => {
    expect(checkPercent("13.5", "Annual rate")).toBeNull();
  });

  it("says an empty one is missing", () => {
    expect(checkPercent("", "Advance rate", { example: "85" })).toBe(
      "Advance rate is missing; give a percentage such as 85.",
    );
  });

  it("says text is invalid", () => {
    expect(checkPercent("abc", "Advance rate")).toMatch(/^Advance rate is invalid; /);
  });
});

describe("checkWholeNumber", () => {
  it("accepts a count within bounds", () => {
    expect(checkWholeNumber("7", "Validity", { min: 1, max: 90 })).toBeNull();
  });

  it.each(["7.5", "seven", "-1"])("rejects %s as invalid", (text) => {
    expect(checkWholeNumber(text, "Validity")).toMatch(/^Validity is invalid; /);
  });

  it("names the bounds of a count outside them", () => {
    expect(checkWholeNumber("0", "Validity", { min: 1, max: 90 })).toBe(
      "Validity is 0; give a whole number from 1 to 90.",
    );
  });

  it("says an empty required count is missing", () => {
    expect(checkWholeNumber("", "Validity")).toBe(
      "Validity is missing; give a whole number.",
    );
  });
});

describe("checkDecimal", () => {
  it.each(["55", "-2.5", "0.1234"])("accepts %s", (text) => {
    expect(checkDecimal(text, "Lower bound")).toBeNull();
  });

  it.each(["1,000", "abc", "0.12345"])("rejects %s", (text) => {
    expect(checkDecimal(text, "Lower bound")).toMatch(/^Lower bound is invalid; /);
  });
});

describe("problemsOf", () => {
  it("keeps only the fields with a problem", () => {
    expect(
      problemsOf([
        ["amount", "Amount is missing."],
        ["date", null],
      ]),
    ).toEqual([{ field: ["amount"], message: "Amount is missing." }]);
  });
});
