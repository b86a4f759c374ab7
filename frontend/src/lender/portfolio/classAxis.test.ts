import { describe, expect, it } from "vitest";

import { classAxisName, classTicks } from "./classAxis";

const NAMES = ["STANDARD", "SMA_0", "SMA_1", "SMA_2", "NPA"].map(classAxisName);

describe("classAxisName", () => {
  it("names each class shortly", () => {
    expect(NAMES).toEqual(["Standard", "SMA-0", "SMA-1", "SMA-2", "NPA"]);
  });
});

describe("classTicks", () => {
  it("keeps the names level when each fits under its bar", () => {
    expect(classTicks(NAMES, 600).angle).toBe(0);
  });

  it("turns the names when the bars are narrower than the longest", () => {
    // The bars' area of the chart on a 375px phone.
    const ticks = classTicks(NAMES, 220);
    expect(ticks.angle).toBeLessThan(0);
    expect(ticks.textAnchor).toBe("end");
    expect(ticks.height).toBeGreaterThan(classTicks(NAMES, 600).height);
  });

  it("draws level names before the chart is measured", () => {
    expect(classTicks(NAMES, null).angle).toBe(0);
    expect(classTicks([], 100).angle).toBe(0);
  });
});
