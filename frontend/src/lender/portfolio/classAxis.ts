/**
 * The category axis of the days-past-due chart: short names of the classes,
 * and whether they fit side by side or must be turned to fit.
 */

/** Short name of an asset class under its bar: "Standard", "SMA-1", "NPA". */
export function classAxisName(assetClass: string): string {
  return assetClass === "STANDARD" ? "Standard" : assetClass.replace("_", "-");
}

export const CLASS_TICK_FONT_SIZE = 12;

// An estimate of one character's width in the tick font, in font sizes, kept
// generous so that a name judged to fit also fits in common sans-serif fonts.
const CHARACTER_WIDTH = 0.65;
// Space kept free between two neighbouring names, in pixels.
const NAME_GAP = 6;

export interface ClassTicks {
  /** Degrees to turn each name by, where 0 leaves it level. */
  angle: number;
  textAnchor: "middle" | "end";
  /** Height of the axis in pixels, room for the names as drawn. */
  height: number;
}

const LEVEL: ClassTicks = { angle: 0, textAnchor: "middle", height: 30 };
const TURNED: ClassTicks = { angle: -35, textAnchor: "end", height: 52 };

/**
 * Choose how to draw every name under its bar, none left out: level when the
 * longest fits the width each bar gets, otherwise turned so that neighbours do
 * not overlap. `plotWidth` is the width of the bars' area in pixels, or null
 * before it is measured.
 */
export function classTicks(
  names: readonly string[],
  plotWidth: number | null,
): ClassTicks {
  if (plotWidth === null || names.length === 0) {
    return LEVEL;
  }
  const longest = Math.max(...names.map((name) => name.length));
  const needed = longest * CLASS_TICK_FONT_SIZE * CHARACTER_WIDTH + NAME_GAP;
  return needed <= plotWidth / names.length ? LEVEL : TURNED;
}
