import { describe, expect, it } from "vitest";

import { checkInvoiceForm, checkInvoiceNumber, EMPTY_INVOICE } from "./invoiceForm";
import type { InvoiceForm } from "./invoiceForm";

const PDF = new File(["%PDF-1.4"], "invoice.pdf", { type: "application/pdf" });

const FILLED: InvoiceForm = {
  ...EMPTY_INVOICE,
  buyerGstin: "27AAPFU0939F1ZV",
  buyerName: "Umang Pumps LLP",
  invoiceNumber: "E2E/FORM/1",
  invoiceDate: "2026-11-01",
  dueDate: "2026-12-31",
  taxableValue: "1,00,000",
  gstAmount: "18000",
};

describe("checkInvoiceForm", () => {
  it("passes a filled form with its PDF", () => {
    expect(checkInvoiceForm(FILLED, PDF)).toEqual([]);
  });

  it("lists every missing field of an empty form at once", () => {
    const fields = checkInvoiceForm(EMPTY_INVOICE, null).map(
      (error) => error.field?.[0],
    );
    expect(fields).toEqual([
      "buyerGstin",
      "buyerName",
      "invoiceNumber",
      "invoiceDate",
      "dueDate",
      "taxableValue",
      "gstAmount",
      "document",
    ]);
  });

  it("says an empty amount is missing, not invalid", () => {
    const errors = checkInvoiceForm({ ...FILLED, taxableValue: "" }, PDF);
    expect(errors).toEqual([
      {
        field: ["taxableValue"],
        message: "Taxable value is missing; give an amount in rupees.",
      },
    ]);
  });

  it("rejects a taxable value that is not a number", () => {
    const errors = checkInvoiceForm({ ...FILLED, taxableValue: "abc" }, PDF);
    expect(errors[0]?.message).toMatch(/^Taxable value is invalid; /);
  });

  it("accepts zero GST but not a zero taxable value", () => {
    const fields = checkInvoiceForm(
      { ...FILLED, taxableValue: "0", gstAmount: "0" },
      PDF,
    ).map((error) => error.field?.[0]);
    expect(fields).toEqual(["taxableValue"]);
  });

  it("rejects a GSTIN with a wrong check character", () => {
    const errors = checkInvoiceForm({ ...FILLED, buyerGstin: "27AAPFU0939F1ZX" }, PDF);
    expect(errors[0]?.message).toContain("has check character X, expected V");
  });
});

describe("checkInvoiceNumber", () => {
  it.each(["2627/0015", "inv-1", "A"])("accepts %s", (number) => {
    expect(checkInvoiceNumber(number)).toBeNull();
  });

  it.each(["0123", "/A", "TOO-LONG-NUMBER-123", "A B"])("rejects %s", (number) => {
    expect(checkInvoiceNumber(number)).not.toBeNull();
  });
});
