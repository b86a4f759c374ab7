import { describe, expect, it } from "vitest";

import { checkRegistration } from "./registrationChecks";
import type { RegistrationForm } from "./registrationChecks";

const EMPTY: RegistrationForm = {
  legalName: "",
  tradeName: "",
  constitution: "",
  stateCode: "",
  industry: "",
  fullName: "",
  email: "",
  phone: "",
  password: "",
  acquisitionChannel: "",
  referralCode: "",
  partnerName: "",
};

const FILLED: RegistrationForm = {
  ...EMPTY,
  legalName: "Kaveri Looms Private Limited",
  constitution: "PRIVATE_LIMITED",
  stateCode: "27",
  industry: "Textiles",
  fullName: "Lakshmi Rao",
  email: "owner@kaveri-looms.example",
  phone: "+91 98123 45678",
  password: "kaveri-looms-2026",
  acquisitionChannel: "SOCIAL",
};

function fieldsOf(form: RegistrationForm): (string | undefined)[] {
  return checkRegistration(form).map((error) => error.field?.[0]);
}

describe("checkRegistration", () => {
  it("passes a filled form", () => {
    expect(checkRegistration(FILLED)).toEqual([]);
  });

  it("lists every required field of an empty form at once", () => {
    expect(fieldsOf(EMPTY)).toEqual([
      "legalName",
      "constitution",
      "stateCode",
      "industry",
      "fullName",
      "email",
      "phone",
      "password",
      "acquisitionChannel",
    ]);
  });

  it("says an empty text field is missing", () => {
    expect(checkRegistration(EMPTY)[0]?.message).toBe(
      "Legal name is missing; fill it in.",
    );
  });

  it("rejects an e-mail address without a domain", () => {
    const errors = checkRegistration({ ...FILLED, email: "not-an-address" });
    expect(errors[0]?.message).toContain("is invalid");
  });

  it("rejects a short phone number", () => {
    expect(fieldsOf({ ...FILLED, phone: "98123" })).toEqual(["phone"]);
  });

  it("rejects a password under 10 characters", () => {
    expect(fieldsOf({ ...FILLED, password: "short" })).toEqual(["password"]);
  });

  it("needs the partner's name for the partner channel", () => {
    expect(fieldsOf({ ...FILLED, acquisitionChannel: "PARTNER" })).toEqual([
      "partnerName",
    ]);
  });
});
