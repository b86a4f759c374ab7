import { describe, expect, it } from "vitest";

import { formatKpiValue } from "./kpiFormat";

describe("formatKpiValue", () => {
  it.each([
    ["4873", "COUNT", "4,873"],
    ["125000000", "RUPEES", "₹12.5 Cr"],
    ["1250000", "RUPEES", "₹12.5 L"],
    ["52.5", "PERCENT", "52.5%"],
    ["71.25", "HOURS", "71.25 h"],
    ["14", "MINUTES", "14 min"],
    ["72", "NPS_POINTS", "72"],
    ["4.56", "STARS", "4.56 / 5"],
    ["3.2", "INVOICES_PER_SME_MONTH", "3.2 a month"],
  ])("formats %s %s as %s", (value, unit, expected) => {
    expect(formatKpiValue(value, unit)).toBe(expected);
  });

  it("says when there is no data", () => {
    expect(formatKpiValue(null, "PERCENT")).toBe("No data");
  });
});
