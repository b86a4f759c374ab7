import { describe, expect, it } from "vitest";

import { NO_APPLY_SEARCH, toApplyFilter } from "./applySearch";

describe("toApplyFilter", () => {
  it("requests only invoices financeable now", () => {
    const filter = toApplyFilter(NO_APPLY_SEARCH);
    expect(filter.financeable).toBe(true);
    // The status alone would let in credit notes, invoices in a live
    // application and invoices due too soon.
    expect(filter.status).toBeUndefined();
  });

  it("leaves empty search parts out", () => {
    expect(toApplyFilter(NO_APPLY_SEARCH)).toEqual({
      financeable: true,
      buyerId: null,
      dueDateFrom: null,
      dueDateTo: null,
    });
  });

  it("narrows by buyer and due date", () => {
    const search = {
      buyerId: "B1",
      dueDateFrom: "2026-12-01",
      dueDateTo: "2026-12-31",
    };
    expect(toApplyFilter(search)).toEqual({ financeable: true, ...search });
  });
});
