import { describe, expect, it } from "vitest";

import {
  addMoney,
  formatRate,
  formatRupees,
  formatRupeesShort,
  isMoney,
  isZero,
  normalizeMoney,
} from "./money";

describe("formatRupees", () => {
  it.each([
    ["1234567", "₹12,34,567.00"],
    ["12345678.9", "₹1,23,45,678.90"],
    ["100000", "₹1,00,000.00"],
    ["999.5", "₹999.50"],
    ["0", "₹0.00"],
  ])("formats %s in Indian grouping as %s", (amount, expected) => {
    expect(formatRupees(amount)).toBe(expected);
  });

  it("keeps every paisa of an amount beyond a float's precision", () => {
    expect(formatRupees("90071992547409.93")).toBe("₹9,00,71,99,25,47,409.93");
  });
});

describe("formatRupeesShort", () => {
  it.each([
    ["12500000", "₹1.25 Cr"],
    ["100000000", "₹10 Cr"],
    ["1250000", "₹12.5 L"],
    ["100000", "₹1 L"],
    ["45000", "₹45,000"],
    ["99999.99", "₹1,00,000"],
  ])("formats %s as %s", (amount, expected) => {
    expect(formatRupeesShort(amount)).toBe(expected);
  });
});

describe("formatRate", () => {
  it.each([
    ["0.145", "14.5%"],
    ["0.12", "12%"],
    ["0.0025", "0.25%"],
  ])("formats %s as %s", (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe("typed amounts", () => {
  it("strips grouping and the rupee sign", () => {
    expect(normalizeMoney("₹1,18,000.50")).toBe("118000.50");
  });

  it.each(["100", "100.5", "100.50", "0"])("accepts %s", (amount) => {
    expect(isMoney(amount)).toBe(true);
  });

  it.each(["100.005", "-1", "1e5", "", "abc"])("rejects %s", (amount) => {
    expect(isMoney(amount)).toBe(false);
  });

  it("adds exactly in paise", () => {
    expect(addMoney("0.1", "0.2")).toBe("0.30");
    expect(addMoney("100000", "18000.05")).toBe("118000.05");
    expect(addMoney("99999999999999.99", "0.01")).toBe("100000000000000.00");
  });

  it.each(["0", "0.00", "0.0"])("sees %s as zero", (amount) => {
    expect(isZero(amount)).toBe(true);
  });

  it("sees 0.01 as not zero", () => {
    expect(isZero("0.01")).toBe(false);
  });
});
