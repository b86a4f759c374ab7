import { TextField } from "../../components/TextField";
import { checkIfsc } from "../../lib/identifiers";
import type { StepProps } from "./stepProps";

/** Show the bank account disbursals go to, and who signs for the business. */
export function BankStep({ form, update, problems, serverErrors, checks }: StepProps) {
  const errorsOf = (key: string, value: string) =>
    serverErrors(key) ??
    (problems[key] && checks.visible(key, value) ? [problems[key]] : undefined);

  return (
    <>
      <TextField
        id="bankAccountNumber"
        label="Bank account number"
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={18}
        hint="9 to 18 digits. Financing is paid into this account."
        value={form.bankAccountNumber}
        onChange={(bankAccountNumber) => update({ bankAccountNumber })}
        onBlur={() => checks.touch("bankAccountNumber")}
        errors={errorsOf("bankAccountNumber", form.bankAccountNumber)}
      />
      <TextField
        id="ifsc"
        label="IFSC of the branch"
        required
        maxLength={11}
        autoComplete="off"
        hint="11 characters, such as HDFC0001234."
        value={form.ifsc}
        onChange={(ifsc) => update({ ifsc })}
        onBlur={() => checks.touch("ifsc")}
        errors={errorsOf("ifsc", form.ifsc)}
        ok={!checkIfsc(form.ifsc) ? "The IFSC is valid." : null}
      />
      <TextField
        id="signatoryName"
        label="Authorised signatory"
        required
        maxLength={120}
        autoComplete="name"
        value={form.signatoryName}
        onChange={(signatoryName) => update({ signatoryName })}
        onBlur={() => checks.touch("signatoryName")}
        errors={errorsOf("signatoryName", form.signatoryName)}
      />
      <TextField
        id="signatoryDesignation"
        label="Designation (optional)"
        maxLength={80}
        hint="Such as Director or Partner."
        value={form.signatoryDesignation}
        onChange={(signatoryDesignation) => update({ signatoryDesignation })}
        errors={serverErrors("signatoryDesignation")}
      />
    </>
  );
}
