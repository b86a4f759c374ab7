import type { ReactNode } from "react";

import { Facts } from "../../components/Facts";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDateTime } from "../../lib/dates";
import { DAY_COUNT_LABELS } from "../../lib/labels";
import { formatRate, formatRupees } from "../../lib/money";
import { netIfPaidOn, REPRICING_NOTE_FOR_SME } from "../../lib/payout";
import { countOf } from "../../lib/plural";

export interface OfferFacts {
  id: string;
  status: string;
  isInstant: boolean;
  annualRate: string;
  advanceRate: string;
  dayCount: string;
  validUntil: string;
  lender: { name: string; kind: string };
  product: { name: string; recourse: boolean };
  keyFacts: {
    invoiceAmount: string;
    advanceAmount: string;
    discountAmount: string;
    feeAmount: string;
    netAmount: string;
    annualPercentageRate: string;
    disbursalDate: string;
    dueDate: string;
    tenorDays: number;
  };
}

/** Show one offer with its full key fact statement. */
export function OfferCard({
  offer,
  actions,
}: {
  offer: OfferFacts;
  actions?: ReactNode;
}) {
  const facts = offer.keyFacts;
  return (
    <article className="card" aria-labelledby={`offer-${offer.id}`}>
      <h3 id={`offer-${offer.id}`}>{offer.lender.name}</h3>
      <p>
        {offer.product.name} <StatusBadge status={offer.status} />
        {offer.isInstant ? (
          <span className="badge badge-info">Instant offer</span>
        ) : null}
      </p>
      <Facts
        items={[
          ["You receive", netIfPaidOn(facts.netAmount, facts.disbursalDate)],
          ["Annual percentage rate", formatRate(facts.annualPercentageRate)],
          ["Invoice total", formatRupees(facts.invoiceAmount)],
          [
            `Advance (${formatRate(offer.advanceRate)})`,
            formatRupees(facts.advanceAmount),
          ],
          [
            `Discount at ${formatRate(offer.annualRate)} a year`,
            formatRupees(facts.discountAmount),
          ],
          ["Processing fee", formatRupees(facts.feeAmount)],
          ["Repayment due", formatDate(facts.dueDate)],
          ["Tenor", `${countOf(facts.tenorDays, "day", "days")} from that payout`],
          ["Day count", DAY_COUNT_LABELS[offer.dayCount] ?? offer.dayCount],
          [
            "Recourse",
            offer.product.recourse ? "Yes: you repay if the buyer does not" : "No",
          ],
          ["Valid until", formatDateTime(offer.validUntil)],
        ]}
      />
      <p className="field-hint">{REPRICING_NOTE_FOR_SME}</p>
      {actions}
    </article>
  );
}
