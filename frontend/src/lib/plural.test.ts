import { describe, expect, it } from "vitest";

import { countOf, pluralForm } from "./plural";

describe("countOf", () => {
  it.each([
    [0, "0 rows"],
    [1, "1 row"],
    [2, "2 rows"],
    [21, "21 rows"],
    [1200, "1,200 rows"],
    [100000, "1,00,000 rows"],
  ])("formats %s as %s", (count, expected) => {
    expect(countOf(count, "row", "rows")).toBe(expected);
  });
});

describe("pluralForm", () => {
  it("picks the singular verb for one", () => {
    expect(pluralForm(1, "needs", "need")).toBe("needs");
  });

  it("picks the plural verb for zero and many", () => {
    expect(pluralForm(0, "needs", "need")).toBe("need");
    expect(pluralForm(5, "needs", "need")).toBe("need");
  });
});
