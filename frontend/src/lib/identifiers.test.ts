import { describe, expect, it } from "vitest";

import {
  checkBankAccountNumber,
  checkGstin,
  checkIfsc,
  checkPan,
  checkUdyam,
  GSTIN_STATE_CODES,
  gstinCheckCharacter,
} from "./identifiers";

describe("gstinCheckCharacter", () => {
  it.each([
    ["27AAPFU0939F1Z", "V"],
    ["33AAPFD1365C1Z", "R"],
    ["27AAPPR5813B1Z", "M"],
    ["29AAFCC9980M1Z", "R"],
  ])("computes the check character of %s as %s", (prefix, expected) => {
    expect(gstinCheckCharacter(prefix)).toBe(expected);
  });

  it("maps a sum that is a multiple of 36 to 0", () => {
    // Search the 14th character for a prefix whose check value is 0.
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const prefixes = [...alphabet].map((last) => `27AAPFU0939F1${last}`);
    const zero = prefixes.find((prefix) => gstinCheckCharacter(prefix) === "0");
    expect(zero).toBeDefined();
    expect(checkGstin(`${zero}0`)).toBeNull();
  });

  it("rejects a prefix that is not 14 letters or digits", () => {
    expect(() => gstinCheckCharacter("27AAPFU0939F1")).toThrow(RangeError);
  });
});

describe("checkGstin", () => {
  it.each(["27AAPFU0939F1ZV", "33AAPFD1365C1ZR", "27AAPPR5813B1ZM"])(
    "accepts %s",
    (gstin) => {
      expect(checkGstin(gstin)).toBeNull();
    },
  );

  it("accepts lower case and surrounding spaces", () => {
    expect(checkGstin(" 27aapfu0939f1zv ")).toBeNull();
  });

  it("names a wrong check character and the expected one", () => {
    expect(checkGstin("27AAPFU0939F1ZX")).toBe(
      "GSTIN 27AAPFU0939F1ZX has check character X, expected V.",
    );
  });

  it("rejects a GSTIN of the wrong length", () => {
    expect(checkGstin("27AAPFU0939F1Z")).toMatch(/has 14 characters, expected 15/);
  });

  it.each(["00", "39", "96", "98"])("rejects state code %s", (code) => {
    const prefix = `${code}AAPFU0939F1Z`;
    const gstin = prefix + gstinCheckCharacter(prefix);
    expect(checkGstin(gstin)).toMatch(`unknown state code ${code}`);
  });

  it.each(["01", "37", "38", "97", "99"])("accepts state code %s", (code) => {
    const prefix = `${code}AAPFU0939F1Z`;
    expect(checkGstin(prefix + gstinCheckCharacter(prefix))).toBeNull();
  });

  it("rejects a PAN part that is not a PAN", () => {
    expect(checkGstin("271APFU0939F1ZV")).toMatch(/at positions 3-12, expected a PAN/);
  });

  it("rejects entity number 0", () => {
    const prefix = "27AAPFU0939F0Z";
    expect(checkGstin(prefix + gstinCheckCharacter(prefix))).toMatch(
      /entity number 0 at position 13/,
    );
  });

  it("rejects a GSTIN registered to another PAN", () => {
    expect(checkGstin("27AAPFU0939F1ZV", "AAPFD1365C")).toMatch(
      /has PAN AAPFU0939F at characters 3-12, but the PAN given is AAPFD1365C/,
    );
  });

  it("accepts a GSTIN registered to the PAN given", () => {
    expect(checkGstin("27AAPFU0939F1ZV", "aapfu0939f")).toBeNull();
  });
});

describe("checkPan", () => {
  it.each(["AAPFU0939F", "AAPPR5813B", "AAFCC9980M"])("accepts %s", (pan) => {
    expect(checkPan(pan)).toBeNull();
  });

  it("rejects a PAN of the wrong layout", () => {
    expect(checkPan("AAPF0939FU")).toMatch(
      /expected five letters, four digits and a letter/,
    );
  });

  it("rejects an unknown holder type", () => {
    expect(checkPan("AAPKU0939F")).toMatch(/holder type K/);
  });

  it("rejects serial 0000", () => {
    expect(checkPan("AAPFU0000F")).toMatch(/serial 0000/);
  });
});

describe("checkIfsc", () => {
  it.each(["HDFC0001234", "SBIN0ABC123", "icic0001234"])("accepts %s", (ifsc) => {
    expect(checkIfsc(ifsc)).toBeNull();
  });

  it.each(["HDFC1001234", "HDF00001234", "HDFC000123"])("rejects %s", (ifsc) => {
    expect(checkIfsc(ifsc)).toMatch(/is invalid/);
  });
});

describe("checkUdyam", () => {
  it("accepts a Udyam registration number", () => {
    expect(checkUdyam("UDYAM-MH-19-0012345")).toBeNull();
  });

  it.each(["UDYAM-MH-19-001234", "UDYAM-M1-19-0012345", "UAM-MH-19-0012345"])(
    "rejects %s",
    (udyam) => {
      expect(checkUdyam(udyam)).toMatch(/expected UDYAM-XX-00-0000000/);
    },
  );
});

describe("checkBankAccountNumber", () => {
  it.each(["123456789", "123456789012345678"])("accepts %s", (account) => {
    expect(checkBankAccountNumber(account)).toBeNull();
  });

  it.each(["12345678", "1234567890123456789", "12345678A"])("rejects %s", (account) => {
    expect(checkBankAccountNumber(account)).toMatch(/expected 9 to 18 digits/);
  });
});

describe("GSTIN_STATE_CODES", () => {
  it("lists 01-38, 97 and 99", () => {
    expect(GSTIN_STATE_CODES).toHaveLength(40);
    expect(GSTIN_STATE_CODES).toContain("38");
    expect(GSTIN_STATE_CODES).not.toContain("39");
  });
});
