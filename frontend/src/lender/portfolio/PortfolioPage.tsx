import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { Stat } from "../../components/Stat";
import { TextField } from "../../components/TextField";
import { formatDate, todayInIndia } from "../../lib/dates";
import { formatRate, formatRupeesShort } from "../../lib/money";
import { countOf } from "../../lib/plural";
import { stateName } from "../../lib/states";
import { PortfolioQuery } from "../queries";
import { AssetClassChart } from "./AssetClassChart";
import { ConcentrationChart } from "./ConcentrationChart";

/** Show the lender's book: outstanding, flows of a period, DPD buckets and concentration. */
export function PortfolioPage() {
  const today = todayInIndia();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [result, reexecute] = useQuery({
    query: PortfolioQuery,
    variables: { from, to },
  });

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Figures summed by the server over your lender's whole book."
        actions={
          <Link className="button button-secondary" to="/lender/loans">
            Loans and CSV export
          </Link>
        }
      />
      <div className="filters" role="group" aria-label="Period of the flows">
        <TextField
          id="portfolio-from"
          label="Flows from"
          type="date"
          value={from}
          max={to}
          onChange={setFrom}
        />
        <TextField
          id="portfolio-to"
          label="Flows to"
          type="date"
          value={to}
          min={from}
          max={today}
          onChange={setTo}
        />
      </div>
      <QueryView
        result={result}
        retry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {({ portfolio }) => (
          <>
            <h2>Outstanding on {formatDate(portfolio.asOf)}</h2>
            <div className="cards">
              <Stat
                label="Principal outstanding"
                value={formatRupeesShort(portfolio.outstanding.principal)}
              />
              <Stat
                label="Penal interest owed"
                value={formatRupeesShort(portfolio.outstanding.penal)}
              />
              <Stat
                label="Loans owing"
                value={portfolio.outstanding.loans.toLocaleString("en-IN")}
              />
            </div>
            <h2>
              From {formatDate(portfolio.from)} to {formatDate(portfolio.to)}
            </h2>
            <div className="cards">
              <Stat
                label="Disbursed"
                value={formatRupeesShort(portfolio.flows.principalDisbursed)}
              >
                <p className="muted">
                  {countOf(portfolio.flows.loansDisbursed, "loan", "loans")}
                </p>
              </Stat>
              <Stat label="Repaid" value={formatRupeesShort(portfolio.flows.repaid)} />
              <Stat label="Income" value={formatRupeesShort(portfolio.flows.income)} />
              <Stat
                label="Annualised yield"
                value={
                  portfolio.flows.annualisedYield
                    ? formatRate(portfolio.flows.annualisedYield)
                    : "Not available"
                }
              />
            </div>
            <div className="chart-grid">
              <AssetClassChart buckets={portfolio.assetClasses} />
              <ConcentrationChart title="Largest buyers" shares={portfolio.byBuyer} />
              <ConcentrationChart title="Industries" shares={portfolio.byIndustry} />
              <ConcentrationChart
                title="States"
                shares={portfolio.byState}
                labelOf={(share) => stateName(share.key)}
              />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
