/** Nouns that agree with a count, by the English plural rules of Intl.PluralRules. */

const rules = new Intl.PluralRules("en-IN");

/** Pick the form of a word for a count: pluralForm(1, "row", "rows") is "row". */
export function pluralForm(count: number, one: string, other: string): string {
  return rules.select(count) === "one" ? one : other;
}

/** Format a count in Indian grouping with its noun: countOf(1200, "row", "rows") is "1,200 rows". */
export function countOf(count: number, one: string, other: string): string {
  return `${count.toLocaleString("en-IN")} ${pluralForm(count, one, other)}`;
}
