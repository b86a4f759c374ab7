import { describe, expect, it } from "vitest";

import { isPercent, percentToRate, rateToPercent } from "./rates";

describe("percentToRate", () => {
  it.each([
    ["14.5", "0.145"],
    ["12", "0.12"],
    ["0.25", "0.0025"],
    ["85", "0.85"],
    ["100", "1"],
    ["0", "0"],
    ["10.125", "0.10125"],
  ])("turns %s%% into %s", (percent, rate) => {
    expect(percentToRate(percent)).toBe(rate);
  });
});

describe("rateToPercent", () => {
  it.each([
    ["0.145", "14.5"],
    ["0.12", "12"],
    ["0.0025", "0.25"],
    ["1", "100"],
    ["0.10125", "10.125"],
  ])("turns %s into %s%%", (rate, percent) => {
    expect(rateToPercent(rate)).toBe(percent);
  });
});

describe("isPercent", () => {
  it.each(["14.5", "0", "100", "0.0025"])("accepts %s", (text) => {
    expect(isPercent(text)).toBe(true);
  });

  it.each(["", "-1", "14.55555", "1e2", "abc"])("rejects %s", (text) => {
    expect(isPercent(text)).toBe(false);
  });
});
