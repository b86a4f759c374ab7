import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { describeError } from "../../lib/errorMessage";
import { formatRate } from "../../lib/money";
import { percentToRate, rateToPercent } from "../../lib/rates";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { CreateOfferMutation } from "../mutations";
import { OfferProductsQuery } from "../queries";
import {
  API_FIELD,
  checkOfferForm,
  EMPTY_OFFER,
  OFFER_FIELDS,
  quoteTermsOf,
} from "./offerForm";
import type { OfferForm } from "./offerForm";
import { QuotePanel } from "./QuotePanel";
import { useOfferQuote } from "./useOfferQuote";

/**
 * Show an offer priced within one of your products, with its key facts
 * priced live by the server as the terms change.
 */
export function MakeOfferForm({
  applicationId,
  onMade,
}: {
  applicationId: string;
  onMade: () => void;
}) {
  const [products] = useQuery({ query: OfferProductsQuery });
  const active = (products.data?.viewer.lender?.products ?? []).filter(
    (product) => product.isActive,
  );
  const [form, setForm] = useState<OfferForm>(EMPTY_OFFER);
  const [result, createOffer] = useMutation(CreateOfferMutation);
  const fieldErrors = useFieldErrors(OFFER_FIELDS);
  const live = useOfferQuote(applicationId, quoteTermsOf(form));

  function change(values: Partial<OfferForm>) {
    setForm((old) => ({ ...old, ...values }));
    for (const key of Object.keys(values) as (keyof OfferForm)[]) {
      fieldErrors.clearField(API_FIELD[key]);
    }
  }

  function chooseProduct(productId: string) {
    const product = active.find((item) => item.id === productId);
    change({
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
    const problems = checkOfferForm(form);
    if (problems.length > 0) {
      fieldErrors.show(problems);
      return;
    }
    const response = await createOffer({
      input: {
        applicationId,
        productId: form.productId,
        advanceRate: percentToRate(form.advance),
        annualRate: percentToRate(form.annual),
        processingFeeRate: percentToRate(form.fee),
        validDays: form.validDays.trim() ? Number(form.validDays) : null,
      },
    });
    const payload = response.data?.createOffer;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.offer) {
      onMade();
    }
  }

  // An error of the last submission wins; otherwise the live quote's error
  // of the value on screen shows.
  const errorsOf = (field: string) =>
    fieldErrors.of(field) ?? live.errors.byField[field];
  const product = active.find((item) => item.id === form.productId);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="offer-title">
      <h2 id="offer-title">Make an offer</h2>
      <FormErrors messages={fieldErrors.errors.general} />
      <SelectField
        id="offer-product"
        label="Product"
        placeholder="Choose…"
        value={form.productId}
        options={active.map((item) => ({ value: item.id, label: item.name }))}
        onChange={chooseProduct}
        errors={errorsOf("productId")}
      />
      <div className="form-grid">
        <TextField
          id="offer-advance"
          label="Advance rate (%)"
          inputMode="decimal"
          value={form.advance}
          onChange={(advance) => change({ advance })}
          errors={errorsOf("advanceRate")}
          hint={product ? `At most ${formatRate(product.advanceRate)}.` : undefined}
        />
        <TextField
          id="offer-annual"
          label="Annual discount rate (%)"
          inputMode="decimal"
          value={form.annual}
          onChange={(annual) => change({ annual })}
          errors={errorsOf("annualRate")}
          hint={
            product
              ? `Between ${formatRate(product.minAnnualRate)} and ${formatRate(product.maxAnnualRate)}.`
              : undefined
          }
        />
        <TextField
          id="offer-fee"
          label="Processing fee (% of the advance)"
          inputMode="decimal"
          value={form.fee}
          onChange={(fee) => change({ fee })}
          errors={errorsOf("processingFeeRate")}
          hint={
            product ? `At most ${formatRate(product.processingFeeRate)}.` : undefined
          }
        />
        <TextField
          id="offer-valid"
          label="Valid for (days)"
          inputMode="numeric"
          value={form.validDays}
          onChange={(validDays) => change({ validDays })}
          errors={errorsOf("validDays")}
          hint="Empty for the product's validity."
        />
      </div>
      <QuotePanel productChosen={Boolean(form.productId)} live={live} />
      <div className="button-row" style={{ marginTop: 0 }}>
        <Button type="submit" busy={result.fetching}>
          Make offer
        </Button>
      </div>
    </form>
  );
}
