import { StatusBadge } from "../components/StatusBadge";
import { formatKpiValue } from "./kpiFormat";
import { KpiTrend } from "./KpiTrend";

export interface KpiFigures {
  key: string;
  name: string;
  definition: string;
  unit: string;
  value?: string | null;
  targetToDate?: string | null;
  status: string;
  target: { wording: string; deadlineMonths?: number | null };
  series: readonly { month: string; value?: string | null }[];
}

const STATUS: Record<string, { tone: string; label: string }> = {
  MET: { tone: "APPROVED", label: "On target" },
  AT_RISK: { tone: "SMA_0", label: "At risk" },
  MISSED: { tone: "REJECTED", label: "Off target" },
  NO_DATA: { tone: "EXPIRED", label: "No data" },
};

/** Show one success metric: its value, target, status, trend and definition. */
export function KpiCard({ kpi }: { kpi: KpiFigures }) {
  const status = STATUS[kpi.status] ?? { tone: kpi.status, label: kpi.status };
  return (
    <article
      className={`card kpi kpi-${kpi.status.toLowerCase()}`}
      aria-labelledby={`kpi-${kpi.key}`}
    >
      <h3 id={`kpi-${kpi.key}`} style={{ marginTop: 0 }}>
        {kpi.name}
      </h3>
      <p className="stat-value">{formatKpiValue(kpi.value, kpi.unit)}</p>
      <p>
        <StatusBadge status={status.tone} label={status.label} /> Target{" "}
        {kpi.target.wording}
        {kpi.targetToDate
          ? `; ${formatKpiValue(kpi.targetToDate, kpi.unit)} due by now`
          : ""}
      </p>
      <KpiTrend name={kpi.name} unit={kpi.unit} series={kpi.series} />
      <details>
        <summary>How it is counted</summary>
        <p>{kpi.definition}</p>
      </details>
    </article>
  );
}
