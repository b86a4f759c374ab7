/**
 * Checks of Indian business identifiers as the user types: PAN, GSTIN, IFSC,
 * Udyam and bank account numbers. The rules and messages follow the server's
 * (`hundi.domain.identifiers`), so a value the form accepts passes there too.
 * Each check returns null for a valid value, or the reason it is invalid.
 */

const MOD36_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** GST state codes: 01-38 (38 is Ladakh), 97 other territory, 99 other country. */
export const GSTIN_STATE_CODES: readonly string[] = [
  ...Array.from({ length: 38 }, (_, index) => String(index + 1).padStart(2, "0")),
  "97",
  "99",
];

const PAN_HOLDER_TYPES = "ABCFGHJLPT";

const PAN_LAYOUT = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const ALPHANUMERIC = /^[0-9A-Z]+$/;
const IFSC_LAYOUT = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const UDYAM_LAYOUT = /^UDYAM-[A-Z]{2}-[0-9]{2}-[0-9]{7}$/;
const BANK_ACCOUNT_LAYOUT = /^[0-9]{9,18}$/;

/** Strip surrounding whitespace and upper-case an identifier. */
export function normalizeIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Compute the "Luhn mod 36" check character of a GSTIN's first 14
 * characters. Digits count 0-9 and letters 10-35; odd positions are weighted
 * 1 and even ones 2, and each product adds its two base-36 digits. The final
 * `% 36` turns a sum that is a multiple of 36 into check character 0.
 */
export function gstinCheckCharacter(firstFourteen: string): string {
  if (firstFourteen.length !== 14 || !ALPHANUMERIC.test(firstFourteen)) {
    throw new RangeError(`GSTIN prefix ${firstFourteen} is not 14 letters or digits`);
  }

  let total = 0;
  for (let index = 0; index < 14; index += 1) {
    const factor = index % 2 === 0 ? 1 : 2;
    const product = MOD36_ALPHABET.indexOf(firstFourteen.charAt(index)) * factor;
    total += Math.floor(product / 36) + (product % 36);
  }

  return MOD36_ALPHABET.charAt((36 - (total % 36)) % 36);
}

/** Check a PAN: five letters, four digits, a letter, a known holder type. */
export function checkPan(value: string): string | null {
  const pan = normalizeIdentifier(value);

  if (!PAN_LAYOUT.test(pan)) {
    return `PAN ${pan || "''"} is invalid, expected five letters, four digits and a letter.`;
  }
  if (!PAN_HOLDER_TYPES.includes(pan.charAt(3))) {
    const known = PAN_HOLDER_TYPES.split("").join(", ");
    return `PAN ${pan} has holder type ${pan.charAt(3)}, expected one of ${known}.`;
  }
  if (pan.slice(5, 9) === "0000") {
    return `PAN ${pan} has serial 0000, expected 0001-9999.`;
  }
  return null;
}

/**
 * Check a GSTIN's layout, state code and check character, and, when a PAN is
 * given, that characters 3-12 are that PAN.
 */
export function checkGstin(value: string, pan?: string): string | null {
  const gstin = normalizeIdentifier(value);

  const layoutError = checkGstinLayout(gstin);
  if (layoutError) {
    return layoutError;
  }
  if (!GSTIN_STATE_CODES.includes(gstin.slice(0, 2))) {
    return `GSTIN ${gstin} has unknown state code ${gstin.slice(0, 2)}, expected 01-38, 97 or 99.`;
  }

  const expected = gstinCheckCharacter(gstin.slice(0, 14));
  if (gstin.charAt(14) !== expected) {
    return `GSTIN ${gstin} has check character ${gstin.charAt(14)}, expected ${expected}.`;
  }

  const holder = pan === undefined ? "" : normalizeIdentifier(pan);
  if (holder && gstin.slice(2, 12) !== holder) {
    return (
      `GSTIN ${gstin} has PAN ${gstin.slice(2, 12)} at characters 3-12, but the ` +
      `PAN given is ${holder}; give only GSTINs registered to this PAN.`
    );
  }
  return null;
}

function checkGstinLayout(gstin: string): string | null {
  if (gstin.length !== 15) {
    return `GSTIN ${gstin || "''"} has ${gstin.length} characters, expected 15.`;
  }
  if (!/^[0-9]{2}$/.test(gstin.slice(0, 2))) {
    return `GSTIN ${gstin} starts with ${gstin.slice(0, 2)}, expected a 2-digit state code.`;
  }
  if (!PAN_LAYOUT.test(gstin.slice(2, 12))) {
    return (
      `GSTIN ${gstin} has ${gstin.slice(2, 12)} at positions 3-12, ` +
      "expected a PAN (five letters, four digits, one letter)."
    );
  }
  if (!/^[1-9A-Z]$/.test(gstin.charAt(12))) {
    return `GSTIN ${gstin} has entity number ${gstin.charAt(12)} at position 13, expected 1-9 or A-Z.`;
  }
  if (!ALPHANUMERIC.test(gstin.slice(13))) {
    return `GSTIN ${gstin} ends with ${gstin.slice(13)}, expected two capital letters or digits.`;
  }
  return null;
}

/** Check an IFSC: a 4-letter bank code, a 0 and a 6-character branch code. */
export function checkIfsc(value: string): string | null {
  const ifsc = normalizeIdentifier(value);

  if (!IFSC_LAYOUT.test(ifsc)) {
    return `IFSC ${ifsc || "''"} is invalid, expected a 4-letter bank code, a 0 and a 6-character branch code.`;
  }
  return null;
}

/** Check a Udyam registration number: UDYAM-XX-00-0000000. */
export function checkUdyam(value: string): string | null {
  const udyam = normalizeIdentifier(value);

  if (!UDYAM_LAYOUT.test(udyam)) {
    return (
      `Udyam registration number ${udyam || "''"} is invalid, expected ` +
      "UDYAM-XX-00-0000000 (state letters, 2-digit district, 7-digit serial)."
    );
  }
  return null;
}

/** Check a bank account number: 9 to 18 digits. */
export function checkBankAccountNumber(value: string): string | null {
  const number = value.trim();

  if (!BANK_ACCOUNT_LAYOUT.test(number)) {
    return `Bank account number ${number || "''"} is invalid, expected 9 to 18 digits.`;
  }
  return null;
}
