/**
 * GST state codes with the names of their states and union territories. The
 * list contains every code a GSTIN may carry, including codes of states that no
 * longer exist and those outside any state.
 */

export const GST_STATES: readonly { code: string; name: string }[] = [
  { code: "01", name: "Jammu and Kashmir" },
  { code: "02", name: "Himachal Pradesh" },
  { code: "03", name: "Punjab" },
  { code: "04", name: "Chandigarh" },
  { code: "05", name: "Uttarakhand" },
  { code: "06", name: "Haryana" },
  { code: "07", name: "Delhi" },
  { code: "08", name: "Rajasthan" },
  { code: "09", name: "Uttar Pradesh" },
  { code: "10", name: "Bihar" },
  { code: "11", name: "Sikkim" },
  { code: "12", name: "Arunachal Pradesh" },
  { code: "13", name: "Nagaland" },
  { code: "14", name: "Manipur" },
  { code: "15", name: "Mizoram" },
  { code: "16", name: "Tripura" },
  { code: "17", name: "Meghalaya" },
  { code: "18", name: "Assam" },
  { code: "19", name: "West Bengal" },
  { code: "20", name: "Jharkhand" },
  { code: "21", name: "Odisha" },
  { code: "22", name: "Chhattisgarh" },
  { code: "23", name: "Madhya Pradesh" },
  { code: "24", name: "Gujarat" },
  { code: "25", name: "Daman and Diu (before the 2020 merger)" },
  { code: "26", name: "Dadra and Nagar Haveli and Daman and Diu" },
  { code: "27", name: "Maharashtra" },
  { code: "28", name: "Andhra Pradesh (before the 2014 division)" },
  { code: "29", name: "Karnataka" },
  { code: "30", name: "Goa" },
  { code: "31", name: "Lakshadweep" },
  { code: "32", name: "Kerala" },
  { code: "33", name: "Tamil Nadu" },
  { code: "34", name: "Puducherry" },
  { code: "35", name: "Andaman and Nicobar Islands" },
  { code: "36", name: "Telangana" },
  { code: "37", name: "Andhra Pradesh" },
  { code: "38", name: "Ladakh" },
  { code: "97", name: "Other territory" },
  { code: "99", name: "Other country" },
];

/**
 * Codes that name no current state or union territory: Daman and Diu before
 * the 2020 merger, Andhra Pradesh before the 2014 division, other territory
 * and other country. Older GSTINs still carry them, but a business cannot
 * register with one as its principal place of business.
 */
const NOT_CURRENT = new Set(["25", "28", "97", "99"]);

/** The current states and union territories, for a business's principal place of business. */
export const CURRENT_STATES: readonly { code: string; name: string }[] =
  GST_STATES.filter((state) => !NOT_CURRENT.has(state.code));

export function stateName(code: string): string {
  return GST_STATES.find((state) => state.code === code)?.name ?? code;
}
