/** Words for the API's enumerations, as a person reads them. */

const ACRONYMS = new Set([
  "KYC",
  "SMA",
  "NPA",
  "CSV",
  "PDF",
  "IRN",
  "SME",
  "OPS",
  "NBFC",
]);

/** Turn an enumeration value into words: "KYC_VERIFIED" → "KYC verified". */
export function humanize(value: string): string {
  const words = value.split("_").map((word, index) => {
    if (ACRONYMS.has(word)) {
      return word;
    }
    const lower = word.toLowerCase();
    return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  });
  return words.join(" ");
}

export const INVOICE_SOURCE_LABELS: Record<string, string> = {
  FORM: "Form with PDF",
  E_INVOICE: "E-invoice",
  CSV: "CSV import",
};

export const CONSTITUTION_LABELS: Record<string, string> = {
  PROPRIETORSHIP: "Proprietorship",
  PARTNERSHIP: "Partnership",
  LLP: "Limited liability partnership (LLP)",
  PRIVATE_LIMITED: "Private limited company",
  PUBLIC_LIMITED: "Public limited company",
  HUF: "Hindu undivided family (HUF)",
  TRUST: "Trust",
  SOCIETY: "Society",
};

export const CHANNEL_LABELS: Record<string, string> = {
  ORGANIC: "Search or word of mouth",
  PAID_SEARCH: "An online advertisement",
  SOCIAL: "Social media",
  FIELD_SALES: "A Hundi representative",
  EVENT: "An event",
  REFERRAL: "Another business referred us",
  PARTNER: "A partner organisation",
};

export const DAY_COUNT_LABELS: Record<string, string> = {
  ACT_365F: "Actual/365 fixed",
  ACT_360: "Actual/360",
  THIRTY_360: "30/360",
  ACT_ACT: "Actual/Actual",
};

export const ASSET_CLASS_LABELS: Record<string, string> = {
  STANDARD: "Standard",
  SMA_0: "SMA-0 (1-30 days)",
  SMA_1: "SMA-1 (31-60 days)",
  SMA_2: "SMA-2 (61-90 days)",
  NPA: "NPA (over 90 days)",
};
