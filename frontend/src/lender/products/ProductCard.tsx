import type { ReactNode } from "react";

import { Facts } from "../../components/Facts";
import { StatusBadge } from "../../components/StatusBadge";
import { DAY_COUNT_LABELS } from "../../lib/labels";
import { formatRate, formatRupees } from "../../lib/money";
import { countOf } from "../../lib/plural";
import { stateName } from "../../lib/states";
import type { ProductTerms } from "./productForm";

/** Show one product's pricing, eligibility and limits. */
export function ProductCard({
  product,
  actions,
}: {
  product: ProductTerms & { id: string; isActive: boolean };
  actions?: ReactNode;
}) {
  const instant =
    product.instantOffer && product.instantAnnualRate
      ? `Yes, at ${formatRate(product.instantAnnualRate)}`
      : "No";
  return (
    <article className="card" aria-labelledby={`product-${product.id}`}>
      <h2 id={`product-${product.id}`} style={{ marginTop: 0 }}>
        {product.name}{" "}
        <StatusBadge
          status={product.isActive ? "ACTIVE" : "CANCELLED"}
          label={product.isActive ? "Taking applications" : "Paused"}
        />
      </h2>
      <Facts
        items={[
          ["Advance rate", formatRate(product.advanceRate)],
          [
            "Annual rate",
            `${formatRate(product.minAnnualRate)} to ${formatRate(product.maxAnnualRate)}`,
          ],
          [
            "Processing fee",
            `${formatRate(product.processingFeeRate)} of the advance, at least ${formatRupees(product.processingFeeMin)}`,
          ],
          ["Day count", DAY_COUNT_LABELS[product.dayCount] ?? product.dayCount],
          ["Tenor", `${product.minTenorDays} to ${product.maxTenorDays} days`],
          [
            "Invoice total",
            `${formatRupees(product.minAmount)} to ${formatRupees(product.maxAmount)}`,
          ],
          ["Due at least", `${countOf(product.minDaysToDue, "day", "days")} ahead`],
          ["Recourse", product.recourse ? "With recourse" : "Without recourse"],
          ["Industries", product.eligibleIndustries.join(", ") || "All"],
          ["States", product.eligibleStates.map(stateName).join(", ") || "All"],
          ["Limit per buyer", formatRupees(product.limitPerBuyer)],
          ["Limit per SME", formatRupees(product.limitPerSme)],
          [
            "Concentration cap",
            `${formatRate(product.concentrationCap)} above ${formatRupees(product.concentrationFloor)}`,
          ],
          ["Instant offers", instant],
          [
            "Penal rate",
            product.penalAnnualRate ? formatRate(product.penalAnnualRate) : "None",
          ],
          ["Offer validity", countOf(product.offerValidityDays, "day", "days")],
        ]}
      />
      {actions}
    </article>
  );
}
