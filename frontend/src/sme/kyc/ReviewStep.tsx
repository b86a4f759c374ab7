import { Facts } from "../../components/Facts";
import { normalizeIdentifier } from "../../lib/identifiers";
import { DOCUMENT_KINDS } from "./DocumentsStep";
import type { KycForm } from "./kycForm";

/** Show everything the SME is about to submit, to check once more. */
export function ReviewStep({ form }: { form: KycForm }) {
  const kindLabel = (kind: string) =>
    DOCUMENT_KINDS.find((option) => option.value === kind)?.label ?? kind;

  return (
    <Facts
      items={[
        ["PAN", normalizeIdentifier(form.pan)],
        ["GSTINs", form.gstins.map(normalizeIdentifier).join(", ")],
        [
          "Udyam number",
          form.udyamNumber ? normalizeIdentifier(form.udyamNumber) : "None",
        ],
        ["Bank account", form.bankAccountNumber],
        ["IFSC", normalizeIdentifier(form.ifsc)],
        [
          "Signatory",
          [form.signatoryName, form.signatoryDesignation].filter(Boolean).join(", "),
        ],
        [
          "Documents",
          form.documents
            .map(
              (document) => `${kindLabel(document.kind)}: ${document.file?.name ?? ""}`,
            )
            .join("; "),
        ],
      ]}
    />
  );
}
