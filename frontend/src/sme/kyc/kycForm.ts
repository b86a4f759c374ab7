/** The KYC wizard's form state, its steps and the submitKyc input built from it. */

import type { KycDocumentKind } from "../../gql/graphql";
import {
  checkBankAccountNumber,
  checkGstin,
  checkIfsc,
  checkPan,
  checkUdyam,
  normalizeIdentifier,
} from "../../lib/identifiers";

export interface KycDocumentDraft {
  kind: KycDocumentKind | "";
  file: File | null;
}

export interface KycForm {
  pan: string;
  gstins: string[];
  udyamNumber: string;
  bankAccountNumber: string;
  ifsc: string;
  signatoryName: string;
  signatoryDesignation: string;
  documents: KycDocumentDraft[];
}

export const EMPTY_KYC: KycForm = {
  pan: "",
  gstins: [""],
  udyamNumber: "",
  bankAccountNumber: "",
  ifsc: "",
  signatoryName: "",
  signatoryDesignation: "",
  documents: [{ kind: "PAN_CARD", file: null }],
};

export const KYC_STEPS = [
  { key: "identity", label: "Business identity" },
  { key: "bank", label: "Bank account and signatory" },
  { key: "documents", label: "Documents" },
  { key: "review", label: "Review and submit" },
] as const;

export type KycStepKey = (typeof KYC_STEPS)[number]["key"];

/** Show the step whose fields a payload error's field key belongs to. */
export function stepOfField(key: string): KycStepKey {
  if (key.startsWith("documents")) {
    return "documents";
  }
  if (
    ["bankAccountNumber", "ifsc", "signatoryName", "signatoryDesignation"].includes(key)
  ) {
    return "bank";
  }
  if (key === "startedAt" || key === "") {
    return "review";
  }
  return "identity";
}

/** Show field keys of the form, for mapping payload errors to inputs. */
export function kycFieldKeys(form: KycForm): string[] {
  return [
    "pan",
    "gstins",
    ...form.gstins.map((_, index) => `gstins.${index}`),
    "udyamNumber",
    "bankAccountNumber",
    "ifsc",
    "signatoryName",
    "signatoryDesignation",
    "documents",
    ...form.documents.map((_, index) => `documents.${index}`),
  ];
}

/** Show the problems the browser can find by itself, by field key. */
export function checkKycStep(form: KycForm, step: KycStepKey): Record<string, string> {
  const problems: Record<string, string> = {};
  const add = (key: string, problem: string | null) => {
    if (problem) {
      problems[key] = problem;
    }
  };

  if (step === "identity") {
    add("pan", checkPan(form.pan));
    form.gstins.forEach((gstin, index) =>
      add(
        `gstins.${index}`,
        checkGstin(gstin, checkPan(form.pan) ? undefined : form.pan),
      ),
    );
    add("udyamNumber", form.udyamNumber.trim() ? checkUdyam(form.udyamNumber) : null);
  }
  if (step === "bank") {
    add("bankAccountNumber", checkBankAccountNumber(form.bankAccountNumber));
    add("ifsc", checkIfsc(form.ifsc));
    add(
      "signatoryName",
      form.signatoryName.trim() ? null : "Signatory name is missing; give the name.",
    );
  }
  if (step === "documents") {
    form.documents.forEach((document, index) => {
      if (!document.kind || !document.file) {
        problems[`documents.${index}`] = "Choose what the document is and its file.";
      }
    });
  }
  return problems;
}

export function toSubmitKycInput(form: KycForm, startedAt: string) {
  return {
    pan: normalizeIdentifier(form.pan),
    gstins: form.gstins.map(normalizeIdentifier),
    udyamNumber: form.udyamNumber.trim() ? normalizeIdentifier(form.udyamNumber) : null,
    bankAccountNumber: form.bankAccountNumber.trim(),
    ifsc: normalizeIdentifier(form.ifsc),
    signatoryName: form.signatoryName.trim(),
    signatoryDesignation: form.signatoryDesignation.trim() || null,
    documents: form.documents.flatMap((document) =>
      document.kind && document.file
        ? [{ kind: document.kind, file: document.file }]
        : [],
    ),
    startedAt,
  };
}
