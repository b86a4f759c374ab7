import { describe, expect, it } from "vitest";

import { lastMonths } from "./periods";

describe("lastMonths", () => {
  it("starts at the first of the month for one month", () => {
    expect(lastMonths("2026-12-04", 1)).toEqual({
      from: "2026-12-01",
      to: "2026-12-04",
    });
  });

  it("crosses a year boundary", () => {
    expect(lastMonths("2026-02-10", 6)).toEqual({
      from: "2025-09-01",
      to: "2026-02-10",
    });
  });
});
