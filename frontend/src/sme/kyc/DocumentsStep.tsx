import { Button } from "../../components/Button";
import { FileField } from "../../components/FileField";
import { SelectField } from "../../components/SelectField";
import type { KycDocumentKind } from "../../gql/graphql";
import type { KycDocumentDraft } from "./kycForm";
import type { StepProps } from "./stepProps";

export const DOCUMENT_KINDS: { value: KycDocumentKind; label: string }[] = [
  { value: "PAN_CARD", label: "PAN card" },
  { value: "GST_CERTIFICATE", label: "GST registration certificate" },
  { value: "UDYAM_CERTIFICATE", label: "Udyam certificate" },
  { value: "CANCELLED_CHEQUE", label: "Cancelled cheque" },
  { value: "BANK_STATEMENT", label: "Bank statement" },
  { value: "OTHER", label: "Other proof" },
];

/** Show the proofs: each a kind and a PDF, JPEG or PNG file. */
export function DocumentsStep({
  form,
  update,
  problems,
  serverErrors,
  checks,
}: StepProps) {
  function change(index: number, change: Partial<KycDocumentDraft>) {
    update({
      documents: form.documents.map((document, at) =>
        at === index ? { ...document, ...change } : document,
      ),
    });
  }

  return (
    <>
      <p>
        Upload your PAN card, GST certificate and any other proof. PDF, JPEG or PNG.
      </p>
      {form.documents.map((document, index) => {
        const key = `documents.${index}`;
        const problem =
          problems[key] && checks.visible(key, "") ? [problems[key]] : undefined;
        return (
          <fieldset className="card" key={index}>
            <legend>Document {index + 1}</legend>
            <SelectField
              id={`${key}.kind`}
              label="What it proves"
              required
              options={DOCUMENT_KINDS}
              placeholder="Choose…"
              value={document.kind}
              onChange={(kind) => change(index, { kind: kind as KycDocumentKind })}
            />
            <FileField
              id={`${key}.file`}
              label="File"
              accept=".pdf,.jpg,.jpeg,.png"
              required
              onChange={(files) => change(index, { file: files[0] ?? null })}
              errors={serverErrors(key) ?? problem}
            />
            {form.documents.length > 1 ? (
              <Button
                variant="secondary"
                onClick={() =>
                  update({ documents: form.documents.filter((_, at) => at !== index) })
                }
              >
                Remove document {index + 1}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      {serverErrors("documents") ? (
        <p className="field-error">{serverErrors("documents")?.join(" ")}</p>
      ) : null}
      <div>
        <Button
          variant="secondary"
          onClick={() =>
            update({ documents: [...form.documents, { kind: "", file: null }] })
          }
        >
          Add another document
        </Button>
      </div>
    </>
  );
}
