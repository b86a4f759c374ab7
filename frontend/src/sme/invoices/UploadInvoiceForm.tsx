import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FileField } from "../../components/FileField";
import { FormErrors, Notice } from "../../components/Notice";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { DocumentType } from "../../gql/graphql";
import { todayInIndia } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { checkGstin } from "../../lib/identifiers";
import { addMoney, formatRupees, isMoney, normalizeMoney } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { UploadInvoiceMutation } from "../mutations";
import { checkInvoiceForm, checkInvoiceNumber, EMPTY_INVOICE } from "./invoiceForm";
import type { InvoiceForm } from "./invoiceForm";

const FIELDS = [
  "buyerGstin",
  "buyerName",
  "invoiceNumber",
  "documentType",
  "invoiceDate",
  "dueDate",
  "taxableValue",
  "gstAmount",
  "totalAmount",
  "sellerGstin",
  "document",
];

/** Show the form for one invoice typed in, with its PDF. */
export function UploadInvoiceForm({
  sellerGstins,
  onSaved,
}: {
  sellerGstins: readonly string[];
  onSaved?: () => void;
}) {
  const [form, setForm] = useState<InvoiceForm>({
    ...EMPTY_INVOICE,
    sellerGstin: sellerGstins[0] ?? "",
  });
  const [document, setDocument] = useState<File | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // A new key empties the file input after a save.
  const [fileKey, setFileKey] = useState(0);
  const [result, upload] = useMutation(UploadInvoiceMutation);
  const fieldErrors = useFieldErrors(FIELDS);
  const set = (key: keyof InvoiceForm) => (value: string) => {
    setForm((old) => ({ ...old, [key]: value }));
    fieldErrors.clearField(key);
  };

  const taxable = normalizeMoney(form.taxableValue);
  const gst = normalizeMoney(form.gstAmount);
  const total = isMoney(taxable) && isMoney(gst) ? addMoney(taxable, gst) : "";
  const buyerProblem =
    form.buyerGstin.length >= 15 ? checkGstin(form.buyerGstin) : null;
  const numberProblem = checkInvoiceNumber(form.invoiceNumber);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setSaved(null);
    const problems = checkInvoiceForm(form, document);
    if (problems.length > 0 || !document) {
      fieldErrors.show(problems);
      return;
    }
    const response = await upload({
      input: {
        ...form,
        buyerGstin: form.buyerGstin.trim().toUpperCase(),
        invoiceNumber: form.invoiceNumber.trim().toUpperCase(),
        documentType: form.documentType as DocumentType,
        taxableValue: taxable,
        gstAmount: gst,
        totalAmount: total || taxable,
        sellerGstin: form.sellerGstin || null,
        document,
      },
    });
    const payload = response.data?.uploadInvoice;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.invoice) {
      setSaved(payload.invoice.invoiceNumber);
      onSaved?.();
      setForm({ ...EMPTY_INVOICE, sellerGstin: sellerGstins[0] ?? "" });
      setDocument(null);
      setFileKey((key) => key + 1);
    }
  }

  const of = fieldErrors.of;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {saved ? (
        <Notice tone="success">Invoice {saved} is saved and verified.</Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <div className="form-grid">
        <TextField
          id="buyerGstin"
          label="Buyer's GSTIN"
          required
          maxLength={15}
          value={form.buyerGstin}
          onChange={set("buyerGstin")}
          errors={of("buyerGstin") ?? (buyerProblem ? [buyerProblem] : undefined)}
        />
        <TextField
          id="buyerName"
          label="Buyer's legal name"
          required
          maxLength={200}
          value={form.buyerName}
          onChange={set("buyerName")}
          errors={of("buyerName")}
        />
        <TextField
          id="invoiceNumber"
          label="Invoice number"
          required
          maxLength={16}
          value={form.invoiceNumber}
          onChange={set("invoiceNumber")}
          errors={of("invoiceNumber") ?? (numberProblem ? [numberProblem] : undefined)}
        />
        <SelectField
          id="documentType"
          label="Document type"
          value={form.documentType}
          options={[
            { value: "INV", label: "Invoice" },
            { value: "CRN", label: "Credit note" },
            { value: "DBN", label: "Debit note" },
          ]}
          onChange={set("documentType")}
          errors={of("documentType")}
        />
        <TextField
          id="invoiceDate"
          label="Invoice date"
          type="date"
          required
          max={todayInIndia()}
          value={form.invoiceDate}
          onChange={set("invoiceDate")}
          errors={of("invoiceDate")}
        />
        <TextField
          id="dueDate"
          label="Due date"
          type="date"
          required
          value={form.dueDate}
          onChange={set("dueDate")}
          errors={of("dueDate")}
        />
        <TextField
          id="taxableValue"
          label="Taxable value (₹)"
          required
          inputMode="decimal"
          value={form.taxableValue}
          onChange={set("taxableValue")}
          errors={of("taxableValue")}
        />
        <TextField
          id="gstAmount"
          label="GST (₹)"
          required
          inputMode="decimal"
          value={form.gstAmount}
          onChange={set("gstAmount")}
          errors={of("gstAmount")}
        />
        <TextField
          id="totalAmount"
          label="Total the buyer owes"
          readOnly
          value={total ? formatRupees(total) : ""}
          onChange={() => undefined}
          hint="Taxable value plus GST."
          errors={of("totalAmount")}
        />
        {sellerGstins.length > 1 ? (
          <SelectField
            id="sellerGstin"
            label="Your GSTIN on the invoice"
            value={form.sellerGstin}
            onChange={set("sellerGstin")}
            options={sellerGstins.map((gstin) => ({ value: gstin, label: gstin }))}
            errors={of("sellerGstin")}
          />
        ) : null}
      </div>
      <FileField
        key={fileKey}
        id="document"
        label="Invoice PDF"
        accept="application/pdf,.pdf"
        required
        onChange={(files) => {
          setDocument(files[0] ?? null);
          fieldErrors.clearField("document");
        }}
        errors={of("document")}
      />
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Save invoice
        </Button>
      </div>
    </form>
  );
}
