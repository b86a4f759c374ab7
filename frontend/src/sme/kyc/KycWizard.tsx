import { useEffect, useMemo, useRef, useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { describeError } from "../../lib/errorMessage";
import { fieldKey } from "../../lib/fieldErrors";
import { recordProductEvent } from "../../lib/measurement/productEvents";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { SubmitKycMutation } from "../mutations";
import { BankStep } from "./BankStep";
import { DocumentsStep } from "./DocumentsStep";
import { IdentityStep } from "./IdentityStep";
import {
  checkKycStep,
  EMPTY_KYC,
  KYC_STEPS,
  kycFieldKeys,
  stepOfField,
  toSubmitKycInput,
} from "./kycForm";
import type { KycForm, KycStepKey } from "./kycForm";
import { ReviewStep } from "./ReviewStep";
import { useKycChecks } from "./useKycChecks";

/** Show KYC in four steps, and each step is checked before the next one opens. */
export function KycWizard({ onSubmitted }: { onSubmitted: () => void }) {
  const startedAt = useRef(new Date().toISOString());
  const [form, setForm] = useState<KycForm>(EMPTY_KYC);
  const [stepIndex, setStepIndex] = useState(0);
  const [result, submitKyc] = useMutation(SubmitKycMutation);
  const fieldKeys = useMemo(() => kycFieldKeys(form), [form]);
  const fieldErrors = useFieldErrors(fieldKeys);
  const checks = useKycChecks();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => recordProductEvent("KYC_STARTED"), []);

  const step = KYC_STEPS[stepIndex] ?? KYC_STEPS[0];
  const problems = checkKycStep(form, step.key);
  const update = (change: Partial<KycForm>) =>
    setForm((old) => ({ ...old, ...change }));
  const serverErrors = (key: string) => fieldErrors.of(key);

  function goTo(index: number) {
    setStepIndex(index);
    checks.setAttempted(false);
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function onNext(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      checks.setAttempted(true);
      return;
    }
    if (step.key !== "review") {
      goTo(stepIndex + 1);
      return;
    }
    const response = await submitKyc({
      input: toSubmitKycInput(form, startedAt.current),
    });
    const payload = response.data?.submitKyc;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
      goTo(firstStepWithError(payload.errors.map((error) => error.field ?? [])));
    } else {
      recordProductEvent("KYC_SUBMITTED");
      onSubmitted();
    }
  }

  const stepProps = { form, update, problems, serverErrors, checks };
  return (
    <form
      className="form"
      onSubmit={onNext}
      noValidate
      aria-labelledby="kyc-step-title"
    >
      <ol className="muted" aria-label="Steps">
        {KYC_STEPS.map((item, index) => (
          <li key={item.key} aria-current={index === stepIndex ? "step" : undefined}>
            {index === stepIndex ? <strong>{item.label}</strong> : item.label}
          </li>
        ))}
      </ol>
      <h2 id="kyc-step-title" ref={heading} tabIndex={-1}>
        Step {stepIndex + 1} of {KYC_STEPS.length}: {step.label}
      </h2>
      <FormErrors messages={allMessages(fieldErrors.errors)} />
      {step.key === "identity" ? <IdentityStep {...stepProps} /> : null}
      {step.key === "bank" ? <BankStep {...stepProps} /> : null}
      {step.key === "documents" ? <DocumentsStep {...stepProps} /> : null}
      {step.key === "review" ? <ReviewStep form={form} /> : null}
      <div className="button-row">
        {stepIndex > 0 ? (
          <Button variant="secondary" onClick={() => goTo(stepIndex - 1)}>
            Back
          </Button>
        ) : null}
        <Button type="submit" busy={result.fetching}>
          {step.key === "review" ? "Submit KYC" : "Continue"}
        </Button>
      </div>
    </form>
  );
}

function firstStepWithError(paths: readonly (readonly string[])[]): number {
  const steps = paths.map((path) => stepOfField(fieldKey(path)));
  const order: KycStepKey[] = KYC_STEPS.map((item) => item.key);
  const indexes = steps.map((key) => order.indexOf(key));
  return Math.max(0, Math.min(...indexes));
}

/** Collect every server message, so none hides on a step that is not open. */
function allMessages(errors: { byField: Record<string, string[]>; general: string[] }) {
  return [...errors.general, ...Object.values(errors.byField).flat()];
}
