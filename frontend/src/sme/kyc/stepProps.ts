import type { KycForm } from "./kycForm";
import type { useKycChecks } from "./useKycChecks";

/** What every step of the KYC wizard gets from the wizard. */
export interface StepProps {
  form: KycForm;
  update: (change: Partial<KycForm>) => void;
  /** The browser's own checks of this step, by field key. */
  problems: Record<string, string>;
  /** The server's messages for a field key after a failed submission. */
  serverErrors: (key: string) => string[] | undefined;
  checks: ReturnType<typeof useKycChecks>;
}
