import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMonth } from "../lib/dates";
import { formatKpiValue } from "./kpiFormat";

interface Point {
  month: string;
  value?: string | null;
}

/**
 * Show a metric's monthly values as a small line chart. The chart is hidden from
 * screen readers, which get the same figures as a list.
 */
export function KpiTrend({
  name,
  unit,
  series,
}: {
  name: string;
  unit: string;
  series: readonly Point[];
}) {
  // Number() only places the points; the figures shown come from the strings.
  const data = series.map((point) => ({
    month: formatMonth(point.month),
    value:
      point.value === null || point.value === undefined ? null : Number(point.value),
    label: formatKpiValue(point.value, unit),
  }));
  return (
    <>
      <div aria-hidden="true" style={{ width: "100%", height: 110 }}>
        <ResponsiveContainer>
          <LineChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <XAxis
              dataKey="month"
              tick={{ fontSize: 11 }}
              interval="preserveStartEnd"
            />
            <YAxis hide domain={["auto", "auto"]} />
            <Tooltip formatter={(_value, _name, item) => [item.payload.label, name]} />
            <Line
              type="monotone"
              dataKey="value"
              stroke="#1d4f91"
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="visually-hidden" aria-label={`${name} by month`}>
        {data.map((point) => (
          <li key={point.month}>
            {point.month}: {point.label}
          </li>
        ))}
      </ul>
    </>
  );
}
