/**
 * The browser's checks of the registration form, run on submit so that every
 * problem shows at once. They follow the server's rules for registration
 * (`hundi.services.onboarding`); the server checks again and its errors map
 * to the same fields.
 */

import type { PayloadError } from "../lib/fieldErrors";
import { problemsOf } from "../lib/inputChecks";

export interface RegistrationForm {
  legalName: string;
  tradeName: string;
  constitution: string;
  stateCode: string;
  industry: string;
  fullName: string;
  email: string;
  phone: string;
  password: string;
  acquisitionChannel: string;
  referralCode: string;
  partnerName: string;
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const EMAIL_LAYOUT = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE_LAYOUT = /^\+?[0-9]{10,15}$/;
const PHONE_SEPARATORS = /[\s()-]/g;

function required(value: string, message: string): string | null {
  return value.trim() ? null : message;
}

function checkEmail(value: string): string | null {
  const email = value.trim();
  if (!email) {
    return "E-mail address is missing; you sign in with it.";
  }
  if (email.length > 254 || !EMAIL_LAYOUT.test(email)) {
    return `E-mail address ${email} is invalid; write it as name@example.com.`;
  }
  return null;
}

function checkPhone(value: string): string | null {
  if (!value.trim()) {
    return "Mobile number is missing; fill it in.";
  }
  if (!PHONE_LAYOUT.test(value.replace(PHONE_SEPARATORS, ""))) {
    return (
      `Mobile number ${value.trim()} is invalid; write 10 to 15 digits, ` +
      "optionally starting with + and the country code, such as +919876543210."
    );
  }
  return null;
}

function checkPassword(value: string): string | null {
  if (!value) {
    return "Password is missing; choose one.";
  }
  if (value.length < MIN_PASSWORD_LENGTH) {
    return `The password has ${value.length} characters; choose one of at least ${MIN_PASSWORD_LENGTH}.`;
  }
  if (value.length > MAX_PASSWORD_LENGTH) {
    return `The password has ${value.length} characters; choose one of at most ${MAX_PASSWORD_LENGTH}.`;
  }
  return null;
}

/** Find every problem of the registration form the browser can see. */
export function checkRegistration(form: RegistrationForm): PayloadError[] {
  return problemsOf([
    ["legalName", required(form.legalName, "Legal name is missing; fill it in.")],
    ["constitution", form.constitution ? null : "Legal form is missing; choose one."],
    ["stateCode", form.stateCode ? null : "State is missing; choose one."],
    ["industry", required(form.industry, "Industry is missing; fill it in.")],
    ["fullName", required(form.fullName, "Full name is missing; fill it in.")],
    ["email", checkEmail(form.email)],
    ["phone", checkPhone(form.phone)],
    ["password", checkPassword(form.password)],
    [
      "acquisitionChannel",
      form.acquisitionChannel
        ? null
        : "How you heard about Hundi is missing; choose an answer.",
    ],
    [
      "partnerName",
      form.acquisitionChannel === "PARTNER"
        ? required(form.partnerName, "Partner organisation is missing; fill it in.")
        : null,
    ],
  ]);
}
