import type { ReactNode } from "react";

/** Show one figure with its label, on a card. */
export function Stat({
  label,
  value,
  children,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="card">
      <p className="stat-label">{label}</p>
      <p className="stat-value">{value}</p>
      {children}
    </div>
  );
}
