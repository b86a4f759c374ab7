import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { Facts } from "../../components/Facts";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { CreateOfferMutation as CreateOfferResult } from "../../gql/graphql";
import { formatDate } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { formatRate, formatRupees } from "../../lib/money";
import { isPercent, percentToRate, rateToPercent } from "../../lib/rates";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { CreateOfferMutation } from "../mutations";
import { OfferProductsQuery } from "../queries";

const FIELDS = [
  "productId",
  "advanceRate",
  "annualRate",
  "processingFeeRate",
  "validDays",
];

type Made = NonNullable<CreateOfferResult["createOffer"]["offer"]>;

/** Show an offer priced within one of your products; the server returns its key facts. */
export function MakeOfferForm({
  applicationId,
  onMade,
}: {
  applicationId: string;
  onMade?: () => void;
}) {
  const [products] = useQuery({ query: OfferProductsQuery });
  const active = (products.data?.viewer.lender?.products ?? []).filter(
    (product) => product.isActive,
  );
  const [form, setForm] = useState({
    productId: "",
    advance: "",
    annual: "",
    fee: "",
    validDays: "",
  });
  const [made, setMade] = useState<Made | null>(null);
  const [result, createOffer] = useMutation(CreateOfferMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value }));

  function chooseProduct(productId: string) {
    const product = active.find((item) => item.id === productId);
    setForm({
      productId,
      advance: product ? rateToPercent(product.advanceRate) : "",
      annual: product ? rateToPercent(product.minAnnualRate) : "",
      fee: product ? rateToPercent(product.processingFeeRate) : "",
      validDays: product ? String(product.offerValidityDays) : "",
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const problems = [
      ["productId", form.productId ? null : "Product is missing; choose one."],
      [
        "advanceRate",
        isPercent(form.advance)
          ? null
          : "Advance rate is invalid; give a percentage such as 85.",
      ],
      [
        "annualRate",
        isPercent(form.annual)
          ? null
          : "Annual rate is invalid; give a percentage such as 14.5.",
      ],
      [
        "processingFeeRate",
        isPercent(form.fee)
          ? null
          : "Processing fee is invalid; give a percentage such as 0.5.",
      ],
    ].filter(([, message]) => message) as [string, string][];
    if (problems.length > 0) {
      fieldErrors.show(
        problems.map(([field, message]) => ({ field: [field], message })),
      );
      return;
    }
    const response = await createOffer({
      input: {
        applicationId,
        productId: form.productId,
        advanceRate: percentToRate(form.advance),
        annualRate: percentToRate(form.annual),
        processingFeeRate: percentToRate(form.fee),
        validDays: form.validDays ? Number(form.validDays) : null,
      },
    });
    const payload = response.data?.createOffer;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.offer) {
      setMade(payload.offer);
      onMade?.();
    }
  }

  if (made) {
    const facts = made.keyFacts;
    return (
      <Notice tone="success" title="Your offer is made.">
        <Facts
          items={[
            ["SME receives", formatRupees(facts.netAmount)],
            ["Advance", formatRupees(facts.advanceAmount)],
            ["Discount", formatRupees(facts.discountAmount)],
            ["Processing fee", formatRupees(facts.feeAmount)],
            ["Annual percentage rate", formatRate(facts.annualPercentageRate)],
            ["Due", `${formatDate(facts.dueDate)}, ${facts.tenorDays} days`],
          ]}
        />
      </Notice>
    );
  }
  const of = fieldErrors.of;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="offer-title">
      <h2 id="offer-title">Make an offer</h2>
      {/* TODO: a live quote while typing needs a quote query in the API; until then the key facts come back with the offer. */}
      <FormErrors messages={fieldErrors.errors.general} />
      <SelectField
        id="offer-product"
        label="Product"
        placeholder="Choose…"
        value={form.productId}
        options={active.map((product) => ({ value: product.id, label: product.name }))}
        onChange={chooseProduct}
        errors={of("productId")}
      />
      {form.productId ? (
        <div className="form-grid">
          <TextField
            id="offer-advance"
            label="Advance rate (%)"
            inputMode="decimal"
            value={form.advance}
            onChange={set("advance")}
            errors={of("advanceRate")}
          />
          <TextField
            id="offer-annual"
            label="Annual discount rate (%)"
            inputMode="decimal"
            value={form.annual}
            onChange={set("annual")}
            errors={of("annualRate")}
            hint={rangeHint(active.find((product) => product.id === form.productId))}
          />
          <TextField
            id="offer-fee"
            label="Processing fee (% of the advance)"
            inputMode="decimal"
            value={form.fee}
            onChange={set("fee")}
            errors={of("processingFeeRate")}
          />
          <TextField
            id="offer-valid"
            label="Valid for (days)"
            inputMode="numeric"
            value={form.validDays}
            onChange={set("validDays")}
            errors={of("validDays")}
          />
        </div>
      ) : null}
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Make offer
        </Button>
      </div>
    </form>
  );
}

function rangeHint(product?: {
  minAnnualRate: string;
  maxAnnualRate: string;
}): string | undefined {
  return product
    ? `Between ${formatRate(product.minAnnualRate)} and ${formatRate(product.maxAnnualRate)}.`
    : undefined;
}
