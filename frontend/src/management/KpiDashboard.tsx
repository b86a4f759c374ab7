import { useState } from "react";
import { useQuery } from "urql";

import { PageHeader } from "../components/PageHeader";
import { QueryView } from "../components/QueryView";
import { SelectField } from "../components/SelectField";
import { TextField } from "../components/TextField";
import { todayInIndia } from "../lib/dates";
import { KpiCard } from "./KpiCard";
import { Milestones } from "./Milestones";
import { lastMonths, PRESETS } from "./periods";
import { KpisQuery } from "./queries";

const GROUPS: [string, string][] = [
  ["BUSINESS", "Business"],
  ["ACQUISITION", "Acquisition"],
  ["PRODUCT_USAGE", "Product usage"],
  ["CUSTOMER_SATISFACTION", "Customer satisfaction"],
  ["RISK_AND_COMPLIANCE", "Risk and compliance"],
];

/** Show every success metric for a period, grouped, with the milestones. */
export function KpiDashboard() {
  const today = todayInIndia();
  const [preset, setPreset] = useState("half");
  const [period, setPeriod] = useState(lastMonths(today, 6));
  const [result, reexecute] = useQuery({ query: KpisQuery, variables: period });

  function choosePreset(key: string) {
    setPreset(key);
    const chosen = PRESETS.find((item) => item.key === key);
    if (chosen) {
      setPeriod(lastMonths(today, chosen.months));
    }
  }

  return (
    <>
      <PageHeader
        title="Success metrics"
        description="Aggregates computed by the server; no personal data."
      />
      <div className="filters" role="group" aria-label="Reporting period">
        <SelectField
          id="kpi-preset"
          label="Period"
          value={preset}
          onChange={choosePreset}
          options={[
            ...PRESETS.map((item) => ({ value: item.key, label: item.label })),
            { value: "custom", label: "Custom" },
          ]}
        />
        <TextField
          id="kpi-from"
          label="From"
          type="date"
          value={period.from}
          max={period.to}
          onChange={(from) => {
            setPreset("custom");
            setPeriod((old) => ({ ...old, from }));
          }}
        />
        <TextField
          id="kpi-to"
          label="To"
          type="date"
          value={period.to}
          min={period.from}
          max={today}
          onChange={(to) => {
            setPreset("custom");
            setPeriod((old) => ({ ...old, to }));
          }}
        />
      </div>
      <QueryView
        result={result}
        retry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {(data) => (
          <>
            {GROUPS.map(([group, label]) => {
              const kpis = data.kpis.filter((kpi) => kpi.group === group);
              return kpis.length ? (
                <section key={group} aria-labelledby={`group-${group}`}>
                  <h2 id={`group-${group}`}>{label}</h2>
                  <div className="cards">
                    {kpis.map((kpi) => (
                      <KpiCard key={kpi.key} kpi={kpi} />
                    ))}
                  </div>
                </section>
              ) : null;
            })}
          </>
        )}
      </QueryView>
      <Milestones />
    </>
  );
}
