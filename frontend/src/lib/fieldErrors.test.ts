import { describe, expect, it } from "vitest";

import { fieldKey, mapPayloadErrors } from "./fieldErrors";

describe("fieldKey", () => {
  it("drops the leading input and joins with dots", () => {
    expect(fieldKey(["input", "gstins", "1"])).toBe("gstins.1");
    expect(fieldKey(["pan"])).toBe("pan");
  });
});

describe("mapPayloadErrors", () => {
  const known = ["pan", "gstins", "gstins.0", "gstins.1", "file"];

  it("puts each error next to its field", () => {
    const mapped = mapPayloadErrors(
      [
        { field: ["input", "gstins", "1"], message: "GSTIN 2 is invalid." },
        { field: ["input", "pan"], message: "PAN is invalid." },
      ],
      known,
    );
    expect(mapped.byField).toEqual({
      "gstins.1": ["GSTIN 2 is invalid."],
      pan: ["PAN is invalid."],
    });
    expect(mapped.general).toEqual([]);
  });

  it("gives a deeper path to the longest known field it starts with", () => {
    const mapped = mapPayloadErrors(
      [{ field: ["input", "file", "4", "buyer_gstin"], message: "Row 4 is bad." }],
      known,
    );
    expect(mapped.byField.file).toEqual(["Row 4 is bad."]);
  });

  it("lists errors without a known field for the whole form", () => {
    const mapped = mapPayloadErrors(
      [
        { field: null, message: "Too many attempts." },
        { field: ["input", "startedAt"], message: "Started in the future." },
      ],
      known,
    );
    expect(mapped.general).toEqual(["Too many attempts.", "Started in the future."]);
  });

  it("does not match a field that only shares a prefix", () => {
    const mapped = mapPayloadErrors(
      [{ field: ["input", "panNumber"], message: "x" }],
      known,
    );
    expect(mapped.general).toEqual(["x"]);
  });
});
