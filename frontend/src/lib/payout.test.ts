import { describe, expect, it } from "vitest";

import { netIfPaidOn } from "./payout";

describe("netIfPaidOn", () => {
  it("names the amount and the date it is priced for", () => {
    expect(netIfPaidOn("97530", "2026-12-05")).toBe(
      "₹97,530.00 if paid out on 5 Dec 2026",
    );
  });
});
