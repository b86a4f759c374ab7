import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { FileField } from "../../components/FileField";
import { FormErrors, Notice } from "../../components/Notice";
import { ProgressBar } from "../../components/ProgressBar";
import { LoadingState } from "../../components/States";
import { describeError } from "../../lib/errorMessage";
import { countOf, pluralForm } from "../../lib/plural";
import { ImportInvoicesCsvMutation } from "../mutations";
import { CsvErrorReport } from "./CsvErrorReport";
import type { CsvRowError } from "./CsvErrorReport";
import { useImportProgress } from "./useImportProgress";

const COLUMNS =
  "invoice_number, document_type, invoice_date, due_date, seller_gstin, buyer_gstin, " +
  "buyer_name, taxable_value, gst_amount, total_amount";

/** Show the import of a CSV file of invoices, checked whole: one bad row saves nothing. */
export function CsvImport({ onImported }: { onImported?: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<CsvRowError[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [result, importCsv] = useMutation(ImportInvoicesCsvMutation);
  const progress = useImportProgress(importId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setRowErrors([]);
    setGeneral([]);
    setSavedCount(null);
    if (!file) {
      setGeneral(["The CSV file is missing; choose it."]);
      return;
    }
    const id = crypto.randomUUID();
    setImportId(id);
    const response = await importCsv({ input: { file, importId: id } });
    setImportId(null);

    const payload = response.data?.importInvoicesCsv;
    if (response.error) {
      setGeneral([describeError(response.error)]);
    } else if (payload && payload.errors.length > 0) {
      setRowErrors(payload.errors.filter((error) => error.row != null));
      setGeneral(
        payload.errors.filter((error) => error.row == null).map((e) => e.message),
      );
    } else if (payload) {
      setSavedCount(payload.invoices.length);
      onImported?.();
      setFile(null);
      setFileKey((key) => key + 1);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>
        UTF-8, comma-separated, with a header row naming the columns: {COLUMNS}. Dates
        as YYYY-MM-DD or DD/MM/YYYY; amounts in rupees with at most two decimals.
      </p>
      {savedCount !== null ? (
        <Notice tone="success">
          {countOf(savedCount, "invoice", "invoices")}{" "}
          {pluralForm(savedCount, "is", "are")} imported and verified.
        </Notice>
      ) : null}
      <FormErrors messages={general} />
      <FileField
        key={fileKey}
        id="csv-file"
        label="CSV file of invoices"
        accept=".csv,text/csv"
        required
        onChange={(files) => setFile(files[0] ?? null)}
      />
      {result.fetching ? (
        progress ? (
          <ProgressBar
            label="Rows checked"
            value={progress.processedRows}
            max={progress.totalRows}
          />
        ) : (
          <LoadingState label="Uploading the file…" />
        )
      ) : null}
      <div className="button-row">
        <Button type="submit" busy={result.fetching}>
          Import CSV
        </Button>
      </div>
      <CsvErrorReport errors={rowErrors} />
    </form>
  );
}
