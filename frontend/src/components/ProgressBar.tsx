import { countOf } from "../lib/plural";

/** Show a progress bar with its figures as text beside it. */
export function ProgressBar({
  label,
  value,
  max,
}: {
  label: string;
  value: number;
  max: number;
}) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
      >
        <div className="progress-bar" style={{ width: `${share}%` }} />
      </div>
      <p className="field-hint">
        {value.toLocaleString("en-IN")} of {countOf(max, "row", "rows")} checked
      </p>
    </div>
  );
}
