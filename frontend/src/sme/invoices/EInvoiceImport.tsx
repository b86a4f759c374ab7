import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FileField } from "../../components/FileField";
import { FormErrors, Notice } from "../../components/Notice";
import { TextField } from "../../components/TextField";
import { formatDate } from "../../lib/dates";
import { describeError } from "../../lib/errorMessage";
import { formatRupees } from "../../lib/money";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { ImportEInvoiceMutation } from "../mutations";

const FIELDS = ["file", "dueDate"];

interface Imported {
  invoiceNumber: string;
  buyer: string;
  total: string;
  dueDate: string;
  warnings: string[];
}

/** Show the import of an e-invoice JSON from the Invoice Registration Portal. */
export function EInvoiceImport({ onImported }: { onImported?: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [imported, setImported] = useState<Imported | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [result, importEInvoice] = useMutation(ImportEInvoiceMutation);
  const fieldErrors = useFieldErrors(FIELDS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    setImported(null);
    if (!file) {
      fieldErrors.show([
        { field: ["file"], message: "The e-invoice file is missing; choose it." },
      ]);
      return;
    }
    const response = await importEInvoice({
      input: { file, dueDate: dueDate || null },
    });
    const payload = response.data?.importEInvoice;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else if (payload?.invoice) {
      const invoice = payload.invoice;
      setImported({
        invoiceNumber: invoice.invoiceNumber,
        buyer: invoice.buyer.legalName,
        total: invoice.totalAmount,
        dueDate: invoice.dueDate,
        warnings: payload.warnings,
      });
      setFile(null);
      setDueDate("");
      setFileKey((key) => key + 1);
      onImported?.();
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>
        The JSON the portal returned, with or without its signed QR code. Hundi
        recomputes the IRN and compares the QR code with the invoice.
      </p>
      {imported ? (
        <Notice tone="success" title={`Invoice ${imported.invoiceNumber} is imported.`}>
          {imported.buyer} owes {formatRupees(imported.total)} by{" "}
          {formatDate(imported.dueDate)}.
          {imported.warnings.length ? (
            <ul>
              {imported.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <FormErrors messages={fieldErrors.errors.general} />
      <FileField
        key={fileKey}
        id="einvoice-file"
        label="E-invoice JSON file"
        accept="application/json,.json"
        required
        onChange={(files) => setFile(files[0] ?? null)}
        errors={fieldErrors.of("file")}
      />
      <TextField
        id="einvoice-due-date"
        label="Due date (only if the e-invoice has none)"
        type="date"
        value={dueDate}
        onChange={setDueDate}
        hint="Leave it empty when the e-invoice carries payment terms."
        errors={fieldErrors.of("dueDate")}
      />
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Import e-invoice
        </Button>
      </div>
    </form>
  );
}
