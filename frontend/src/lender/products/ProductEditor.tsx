import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FormErrors } from "../../components/Notice";
import { optionsFrom, SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { describeError } from "../../lib/errorMessage";
import { DAY_COUNT_LABELS } from "../../lib/labels";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { CreateLenderProductMutation, UpdateLenderProductMutation } from "../mutations";
import {
  checkProductForm,
  EMPTY_PRODUCT,
  formFromProduct,
  termsFromForm,
} from "./productForm";
import type { ProductForm, ProductTerms } from "./productForm";

// The API names a field by its terms key; the form shows it under this input.
const INPUT_OF_FIELD: Record<string, keyof ProductForm> = {
  advanceRate: "advance",
  minAnnualRate: "minAnnual",
  maxAnnualRate: "maxAnnual",
  processingFeeRate: "fee",
  processingFeeMin: "feeMin",
  eligibleIndustries: "industries",
  eligibleStates: "states",
  instantAnnualRate: "instantAnnual",
  penalAnnualRate: "penalAnnual",
};

/** Create a product, or change one with `product` and `productId` given. */
export function ProductEditor({
  productId,
  product,
  onDone,
}: {
  productId?: string;
  product?: ProductTerms;
  onDone: (saved: boolean) => void;
}) {
  const [form, setForm] = useState<ProductForm>(
    product ? formFromProduct(product) : EMPTY_PRODUCT,
  );
  const [active, setActive] = useState(true);
  const [creation, create] = useMutation(CreateLenderProductMutation);
  const [update, change] = useMutation(UpdateLenderProductMutation);
  const keys = Object.keys(EMPTY_PRODUCT);
  const fieldErrors = useFieldErrors(keys);
  const set = (key: keyof ProductForm) => (value: string) => {
    setForm((old) => ({ ...old, [key]: value }));
    fieldErrors.clearField(key);
  };

  function showErrors(
    errors: readonly { field?: readonly string[] | null; message: string }[],
  ) {
    fieldErrors.show(
      errors.map((error) => {
        const path = (error.field ?? []).filter(
          (part) => !["input", "terms", "changes"].includes(part),
        );
        const key = path[0] ? (INPUT_OF_FIELD[path[0]] ?? path[0]) : undefined;
        return { field: key ? [key] : null, message: error.message };
      }),
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const problems = checkProductForm(form);
    if (problems.length > 0) {
      fieldErrors.show(problems);
      return;
    }
    const terms = termsFromForm(form);
    const response = productId
      ? await change({ input: { productId, changes: { ...terms, isActive: active } } })
      : await create({ input: { terms } });
    const data = response.data;
    const errors =
      data && "updateLenderProduct" in data
        ? data.updateLenderProduct.errors
        : data && "createLenderProduct" in data
          ? data.createLenderProduct.errors
          : [];
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (errors.length > 0) {
      showErrors(errors);
    } else {
      onDone(true);
    }
  }

  const of = fieldErrors.of;
  const id = productId ? `product-${productId}` : "product-new";
  const text = (key: keyof ProductForm, label: string, hint?: string) => (
    <TextField
      id={`${id}-${key}`}
      label={label}
      hint={hint}
      value={String(form[key])}
      onChange={set(key)}
      errors={of(key)}
    />
  );
  return (
    <form
      className="form"
      onSubmit={onSubmit}
      noValidate
      aria-label={productId ? `Change ${form.name}` : "New product"}
      style={{ maxWidth: "none" }}
    >
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        {text("name", "Name")}
        {text("advance", "Advance rate (%)")}
        {text("minAnnual", "Lowest annual rate (%)")}
        {text("maxAnnual", "Highest annual rate (%)")}
        {text("fee", "Processing fee (% of advance)")}
        {text("feeMin", "Smallest fee (₹)")}
        <SelectField
          id={`${id}-dayCount`}
          label="Day count"
          value={form.dayCount}
          options={optionsFrom(DAY_COUNT_LABELS)}
          onChange={set("dayCount")}
          errors={of("dayCount")}
        />
        {text("minTenorDays", "Shortest tenor (days)")}
        {text("maxTenorDays", "Longest tenor (days)")}
        {text("minAmount", "Smallest invoice (₹)")}
        {text("maxAmount", "Largest invoice (₹)")}
        {text("minDaysToDue", "Fewest days to due")}
        {text("limitPerBuyer", "Limit per buyer (₹)")}
        {text("limitPerSme", "Limit per SME (₹)")}
        {text("concentrationCap", "Concentration cap (%)")}
        {text("concentrationFloor", "Cap binds above (₹)")}
        {text("penalAnnual", "Penal rate (%, empty for none)")}
        {text("offerValidityDays", "Offer validity (days)")}
        {text("industries", "Industries", "Comma-separated; empty finances all.")}
        {text("states", "GST state codes", "Such as 27, 29; empty finances all.")}
        {form.instantOffer ? text("instantAnnual", "Instant offer rate (%)") : null}
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-recourse`}
          type="checkbox"
          checked={form.recourse}
          onChange={(event) =>
            setForm((old) => ({ ...old, recourse: event.target.checked }))
          }
        />
        <label htmlFor={`${id}-recourse`}>With recourse to the SME</label>
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-instant`}
          type="checkbox"
          checked={form.instantOffer}
          onChange={(event) =>
            setForm((old) => ({ ...old, instantOffer: event.target.checked }))
          }
        />
        <label htmlFor={`${id}-instant`}>Make instant offers</label>
      </div>
      {productId ? (
        <div className="field checkbox">
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={active}
            onChange={(event) => setActive(event.target.checked)}
          />
          <label htmlFor={`${id}-active`}>Takes applications</label>
        </div>
      ) : null}
      <div className="button-row">
        <Button type="submit" busy={creation.fetching || update.fetching}>
          {productId ? "Save changes" : "Create product"}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
