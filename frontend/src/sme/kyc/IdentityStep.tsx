import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";
import { checkGstin, checkPan, normalizeIdentifier } from "../../lib/identifiers";
import { stateName } from "../../lib/states";
import type { KycForm } from "./kycForm";
import type { StepProps } from "./stepProps";

/** Show the PAN, GSTIN and Udyam fields, each checked as it is typed. */
export function IdentityStep({
  form,
  update,
  problems,
  serverErrors,
  checks,
}: StepProps) {
  function setGstin(index: number, value: string) {
    update({ gstins: form.gstins.map((old, at) => (at === index ? value : old)) });
  }

  function removeGstin(index: number) {
    update({ gstins: form.gstins.filter((_, at) => at !== index) });
  }

  const errorsOf = (key: string, value: string, kind?: string) =>
    serverErrors(key) ??
    (problems[key] && checks.visible(key, value, kind) ? [problems[key]] : undefined);

  return (
    <>
      <TextField
        id="pan"
        label="PAN of the business"
        required
        maxLength={10}
        autoComplete="off"
        hint="Ten characters, such as AAPFU0939F."
        value={form.pan}
        onChange={(pan) => update({ pan })}
        onBlur={() => checks.touch("pan")}
        errors={errorsOf("pan", form.pan)}
        ok={!checkPan(form.pan) ? "The PAN is valid." : null}
      />
      {form.gstins.map((gstin, index) => (
        <div key={index}>
          <TextField
            id={`gstins.${index}`}
            label={index === 0 ? "GSTIN (primary)" : `GSTIN ${index + 1}`}
            required
            maxLength={15}
            autoComplete="off"
            hint="15 characters; characters 3-12 are your PAN."
            value={gstin}
            onChange={(value) => setGstin(index, value)}
            onBlur={() => checks.touch(`gstins.${index}`)}
            errors={errorsOf(`gstins.${index}`, gstin, "gstin")}
            ok={gstinConfirmation(form, gstin)}
          />
          {index > 0 ? (
            <Button variant="secondary" onClick={() => removeGstin(index)}>
              Remove GSTIN {index + 1}
            </Button>
          ) : null}
        </div>
      ))}
      <div>
        <Button
          variant="secondary"
          onClick={() => update({ gstins: [...form.gstins, ""] })}
        >
          Add another GSTIN
        </Button>
      </div>
      <TextField
        id="udyamNumber"
        label="Udyam registration number (optional)"
        maxLength={19}
        autoComplete="off"
        hint="Such as UDYAM-MH-19-0012345."
        value={form.udyamNumber}
        onChange={(udyamNumber) => update({ udyamNumber })}
        onBlur={() => checks.touch("udyamNumber")}
        errors={errorsOf("udyamNumber", form.udyamNumber)}
      />
    </>
  );
}

function gstinConfirmation(form: KycForm, gstin: string): string | null {
  const pan = checkPan(form.pan) ? undefined : form.pan;
  if (checkGstin(gstin, pan)) {
    return null;
  }
  const code = normalizeIdentifier(gstin).slice(0, 2);
  return `The GSTIN is valid, registered in ${stateName(code)}.`;
}
