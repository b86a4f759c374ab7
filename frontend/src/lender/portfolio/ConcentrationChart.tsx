import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { TableWrap } from "../../components/TableWrap";
import { formatRate, formatRupees } from "../../lib/money";

interface Share {
  key: string;
  label: string;
  principal: string;
  share: string;
  loans: number;
}

/** Show the largest groups of principal outstanding and their share of the book. */
export function ConcentrationChart({
  title,
  shares,
  labelOf = (share) => share.label,
}: {
  title: string;
  shares: readonly Share[];
  labelOf?: (share: Share) => string;
}) {
  // Number() only sizes the bars; the figures shown come from the strings.
  const data = shares.map((share) => ({
    name: labelOf(share),
    share: Number(share.share) * 100,
    label: formatRate(share.share),
  }));
  return (
    <figure className="card" style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      {shares.length === 0 ? (
        <p className="muted">Nothing is outstanding.</p>
      ) : (
        <>
          <div
            aria-hidden="true"
            style={{ width: "100%", height: 48 + shares.length * 40 }}
          >
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout="vertical"
                margin={{ left: 8, right: 16 }}
              >
                <XAxis
                  type="number"
                  domain={[0, "dataMax"]}
                  tickFormatter={(value: number) => `${Math.round(value)}%`}
                />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={150}
                  tick={{ fontSize: 12 }}
                />
                <Tooltip
                  formatter={(_value, _name, item) => [item.payload.label, "Share"]}
                />
                <Bar dataKey="share" fill="#1d4f91" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <TableWrap label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="number">
                    Principal
                  </th>
                  <th scope="col" className="number">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {shares.map((share) => (
                  <tr key={share.key}>
                    <td>{labelOf(share)}</td>
                    <td className="number">{formatRupees(share.principal)}</td>
                    <td className="number">{formatRate(share.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </figure>
  );
}
