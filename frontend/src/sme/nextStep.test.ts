import { describe, expect, it } from "vitest";

import { nextStepOf } from "./nextStep";
import type { SmeFigures } from "./nextStep";

const VERIFIED_WITHOUT_DATA: SmeFigures = {
  kycStatus: "KYC_VERIFIED",
  invoices: 0,
  financeableInvoices: 0,
  offeredApplications: 0,
  submittedApplications: 0,
};

describe("nextStepOf", () => {
  it.each([
    ["REGISTERED", "START_KYC"],
    ["KYC_SUBMITTED", "KYC_IN_REVIEW"],
    ["KYC_REJECTED", "KYC_REJECTED"],
  ] as const)("sends an SME in %s to KYC first", (kycStatus, step) => {
    expect(nextStepOf({ ...VERIFIED_WITHOUT_DATA, kycStatus, invoices: 4 })).toBe(step);
  });

  it("asks for a first invoice when there is none", () => {
    expect(nextStepOf(VERIFIED_WITHOUT_DATA)).toBe("ADD_FIRST_INVOICE");
  });

  it("suggests applying with invoices that can be financed now", () => {
    const figures = { ...VERIFIED_WITHOUT_DATA, invoices: 5, financeableInvoices: 2 };
    expect(nextStepOf(figures)).toBe("APPLY");
  });

  it("puts offers to compare before applying", () => {
    const figures = {
      ...VERIFIED_WITHOUT_DATA,
      invoices: 5,
      financeableInvoices: 2,
      offeredApplications: 1,
    };
    expect(nextStepOf(figures)).toBe("COMPARE_OFFERS");
  });

  it("waits for offers when every invoice is in an application", () => {
    const figures = { ...VERIFIED_WITHOUT_DATA, invoices: 3, submittedApplications: 1 };
    expect(nextStepOf(figures)).toBe("AWAIT_OFFERS");
  });

  it("asks for another invoice when none can be financed now", () => {
    expect(nextStepOf({ ...VERIFIED_WITHOUT_DATA, invoices: 3 })).toBe("ADD_INVOICE");
  });
});
