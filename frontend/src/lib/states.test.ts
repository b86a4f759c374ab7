import { describe, expect, it } from "vitest";

import { GSTIN_STATE_CODES } from "./identifiers";
import { CURRENT_STATES, GST_STATES, stateName } from "./states";

const codesOf = (states: readonly { code: string }[]) =>
  states.map((state) => state.code);

describe("CURRENT_STATES", () => {
  it("leaves out the codes a business cannot register with", () => {
    const codes = codesOf(CURRENT_STATES);
    for (const code of ["25", "28", "97", "99"]) {
      expect(codes).not.toContain(code);
    }
  });

  it("keeps every current state and union territory", () => {
    expect(CURRENT_STATES).toHaveLength(GST_STATES.length - 4);
    expect(codesOf(CURRENT_STATES)).toEqual(
      expect.arrayContaining(["26", "27", "36", "37", "38"]),
    );
  });

  it("names no former or other state", () => {
    for (const state of CURRENT_STATES) {
      expect(state.name).not.toMatch(/before|other/i);
    }
  });
});

describe("GST_STATES", () => {
  it("names every code a GSTIN may carry", () => {
    expect(codesOf(GST_STATES)).toEqual(GSTIN_STATE_CODES);
    expect(stateName("28")).toBe("Andhra Pradesh (before the 2014 division)");
    expect(stateName("99")).toBe("Other country");
  });
});
