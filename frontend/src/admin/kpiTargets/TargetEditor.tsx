import { useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { KpiKey, TargetDirection } from "../../gql/graphql";
import { checkDecimal } from "../../lib/inputChecks";
import { payloadMessages } from "../../support/payloadMessages";
import { UpdateKpiTargetMutation } from "../mutations";

export interface Target {
  key: string;
  direction: string;
  low?: string | null;
  high?: string | null;
  wording: string;
}

const DIRECTIONS = [
  { value: "AT_LEAST", label: "At least" },
  { value: "AT_MOST", label: "At most" },
  { value: "BETWEEN", label: "Between" },
];

/** Change one metric's target: a direction and its bounds in the metric's unit. */
export function TargetEditor({
  name,
  target,
  onSaved,
}: {
  name: string;
  target: Target;
  onSaved: () => void;
}) {
  const [direction, setDirection] = useState(target.direction);
  const [low, setLow] = useState(target.low ?? "");
  const [high, setHigh] = useState(target.high ?? "");
  const [errors, setErrors] = useState<string[]>([]);
  const [result, update] = useMutation(UpdateKpiTargetMutation);

  async function onSave() {
    const invalid = [
      direction !== "AT_MOST" ? checkDecimal(low, "Lower bound") : null,
      direction !== "AT_LEAST" ? checkDecimal(high, "Upper bound") : null,
    ].filter((problem): problem is string => problem !== null);
    if (invalid.length > 0) {
      setErrors(invalid);
      return;
    }
    const response = await update({
      input: {
        key: target.key as KpiKey,
        direction: direction as TargetDirection,
        low: direction === "AT_MOST" ? null : low.trim() || null,
        high: direction === "AT_LEAST" ? null : high.trim() || null,
      },
    });
    const problems = payloadMessages(
      response.error,
      response.data?.updateKpiTarget.errors,
    );
    setErrors(problems);
    if (problems.length === 0) {
      onSaved();
    }
  }

  const id = `target-${target.key}`;
  return (
    <div className="form" role="group" aria-label={`Target of ${name}`}>
      <div className="form-grid">
        <SelectField
          id={`${id}-direction`}
          label="Direction"
          value={direction}
          options={DIRECTIONS}
          onChange={setDirection}
        />
        {direction !== "AT_MOST" ? (
          <TextField
            id={`${id}-low`}
            label="Lower bound"
            inputMode="decimal"
            value={low}
            onChange={setLow}
          />
        ) : null}
        {direction !== "AT_LEAST" ? (
          <TextField
            id={`${id}-high`}
            label="Upper bound"
            inputMode="decimal"
            value={high}
            onChange={setHigh}
          />
        ) : null}
      </div>
      {errors.length ? (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <div>
        <Button busy={result.fetching} onClick={() => void onSave()}>
          Save target
        </Button>
      </div>
    </div>
  );
}
