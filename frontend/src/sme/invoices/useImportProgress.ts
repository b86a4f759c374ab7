import { useEffect, useState } from "react";
import { useClient } from "urql";

import { InvoiceImportProgressQuery } from "../queries";

export interface ImportProgress {
  processedRows: number;
  totalRows: number;
}

const POLL_MILLISECONDS = 1000;

/**
 * Poll `invoiceImport(id)` while a CSV upload with that import id runs.
 * Before the server has read the file the import does not exist yet, so
 * the progress stays null.
 */
export function useImportProgress(importId: string | null): ImportProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<ImportProgress & { importId: string }>();

  useEffect(() => {
    if (importId === null) {
      return;
    }
    let stopped = false;
    const poll = async () => {
      const response = await client
        .query(
          InvoiceImportProgressQuery,
          { id: importId },
          { requestPolicy: "network-only" },
        )
        .toPromise();
      const found = response.data?.invoiceImport;
      if (!stopped && found) {
        setProgress({
          importId,
          processedRows: found.processedRows,
          totalRows: found.totalRows,
        });
      }
    };
    const timer = window.setInterval(() => void poll(), POLL_MILLISECONDS);
    void poll();
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [client, importId]);

  return progress && progress.importId === importId ? progress : null;
}
