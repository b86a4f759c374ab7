import { Facts } from "../../components/Facts";
import { TableWrap } from "../../components/TableWrap";
import { formatRate, formatRupees } from "../../lib/money";

interface Figures {
  outstanding: string;
  reserved: string;
  exposure: string;
  limit: string;
  headroomUnderLimit: string;
}

export interface Exposure {
  totalExposure: string;
  product?: { name: string } | null;
  sme: Figures;
  buyers: readonly {
    share: string;
    concentrationCap: string;
    concentrationApplies: boolean;
    concentrationHeadroom?: string | null;
    headroom: string;
    figures: Figures;
    buyer?: { id: string; legalName: string } | null;
  }[];
}

/** Show your lender's exposure on the SME and each buyer, and the headroom left. */
export function ExposurePanel({ exposure }: { exposure: Exposure }) {
  return (
    <section className="card" aria-labelledby="exposure-title">
      <h2 id="exposure-title" style={{ marginTop: 0 }}>
        Exposure and headroom
      </h2>
      <p className="muted">
        Limits of {exposure.product?.name ?? "no matching product"}; your whole book is{" "}
        {formatRupees(exposure.totalExposure)}.
      </p>
      <Facts
        items={[
          ["On this SME", formatRupees(exposure.sme.exposure)],
          ["Limit per SME", formatRupees(exposure.sme.limit)],
          ["Headroom on the SME", formatRupees(exposure.sme.headroomUnderLimit)],
        ]}
      />
      <TableWrap label="Exposure per buyer">
        <table>
          <thead>
            <tr>
              <th scope="col">Buyer</th>
              <th scope="col" className="number">
                Exposure
              </th>
              <th scope="col" className="number">
                Limit
              </th>
              <th scope="col">Share of book</th>
              <th scope="col" className="number">
                Headroom
              </th>
            </tr>
          </thead>
          <tbody>
            {exposure.buyers.map((line) => (
              <tr key={line.buyer?.id ?? line.figures.limit}>
                <td>{line.buyer?.legalName ?? "Buyer"}</td>
                <td className="number">{formatRupees(line.figures.exposure)}</td>
                <td className="number">{formatRupees(line.figures.limit)}</td>
                <td>
                  {formatRate(line.share)} of a {formatRate(line.concentrationCap)} cap
                  {line.concentrationApplies ? "" : " (not binding yet)"}
                </td>
                <td className="number">{formatRupees(line.headroom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
