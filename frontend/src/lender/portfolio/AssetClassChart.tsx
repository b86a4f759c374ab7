import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { TableWrap } from "../../components/TableWrap";
import { ASSET_CLASS_LABELS } from "../../lib/labels";
import { formatRupees, formatRupeesShort } from "../../lib/money";
import { CLASS_TICK_FONT_SIZE, classAxisName, classTicks } from "./classAxis";

interface Bucket {
  assetClass: string;
  loans: number;
  principal: string;
}

const MARGIN = { top: 12, right: 8, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 72;

const COLOURS: Record<string, string> = {
  STANDARD: "#1b6e3a",
  SMA_0: "#b7791f",
  SMA_1: "#c05621",
  SMA_2: "#c53030",
  NPA: "#822727",
};

/**
 * Principal outstanding per days-past-due bucket, as the server summed it.
 * The table under the chart gives the same figures to screen readers. Every
 * class is named under its bar; where the bars are narrow, the names are
 * turned so that they fit.
 */
export function AssetClassChart({ buckets }: { buckets: readonly Bucket[] }) {
  // Number() only sizes the bars; the figures shown come from the strings.
  const data = buckets.map((bucket) => ({
    name: classAxisName(bucket.assetClass),
    principal: Number(bucket.principal),
    label: formatRupees(bucket.principal),
    fill: COLOURS[bucket.assetClass] ?? "#1d4f91",
  }));
  const [chartWidth, setChartWidth] = useState<number | null>(null);
  const ticks = classTicks(
    data.map((row) => row.name),
    chartWidth === null ? null : chartWidth - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH,
  );
  return (
    <figure className="card" style={{ margin: 0 }}>
      <figcaption>
        <strong>Days past due</strong>
      </figcaption>
      <div aria-hidden="true" style={{ width: "100%", height: 240 }}>
        <ResponsiveContainer onResize={(width) => setChartWidth(width)}>
          <BarChart accessibilityLayer={false} data={data} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="name"
              interval={0}
              tick={{ fontSize: CLASS_TICK_FONT_SIZE }}
              angle={ticks.angle}
              textAnchor={ticks.textAnchor}
              height={ticks.height}
            />
            <YAxis
              tickFormatter={(value: number) => formatRupeesShort(String(value))}
              width={Y_AXIS_WIDTH}
            />
            <Tooltip
              formatter={(_value, _name, item) => [item.payload.label, "Principal"]}
            />
            <Bar dataKey="principal" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <TableWrap label="Loans by days past due">
        <table>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col" className="number">
                Loans
              </th>
              <th scope="col" className="number">
                Principal
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.assetClass}>
                <td>{ASSET_CLASS_LABELS[bucket.assetClass] ?? bucket.assetClass}</td>
                <td className="number">{bucket.loans.toLocaleString("en-IN")}</td>
                <td className="number">{formatRupees(bucket.principal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
