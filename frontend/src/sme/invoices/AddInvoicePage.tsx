import { useRef, useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import { Notice } from "../../components/Notice";
import { PageHeader } from "../../components/PageHeader";
import { QueryView } from "../../components/QueryView";
import { Tabs } from "../../components/Tabs";
import { recordProductEvent } from "../../lib/measurement/productEvents";
import { SellerGstinsQuery } from "../queries";
import { CsvImport } from "./CsvImport";
import { EInvoiceImport } from "./EInvoiceImport";
import { UploadInvoiceForm } from "./UploadInvoiceForm";

const TABS = [
  { key: "form", label: "Type in with the PDF" },
  { key: "einvoice", label: "E-invoice JSON" },
  { key: "csv", label: "CSV file" },
];

/** Show three ways to add invoices; each needs verified KYC. */
export function AddInvoicePage() {
  const [tab, setTab] = useState("form");
  const [result, reexecute] = useQuery({ query: SellerGstinsQuery });
  const firstReported = useRef(false);

  // The first invoice an SME adds is a step of onboarding.
  function onSaved() {
    if (result.data?.invoices.totalCount === 0 && !firstReported.current) {
      firstReported.current = true;
      recordProductEvent("FIRST_INVOICE_UPLOADED");
    }
  }

  return (
    <>
      <PageHeader
        title="Add invoices"
        description="Every invoice is checked for duplicates across Hundi."
        actions={
          <Link className="button button-secondary" to="/sme/invoices">
            Back to invoices
          </Link>
        }
      />
      <QueryView
        result={result}
        retry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {(data) => {
          const sme = data.viewer.sme;
          if (sme?.status !== "KYC_VERIFIED") {
            return (
              <Notice
                tone="warning"
                title="Invoices can be added once KYC is verified."
              >
                <Link to="/sme/kyc">See your KYC</Link>
              </Notice>
            );
          }
          return (
            <Tabs
              tabs={TABS}
              selected={tab}
              onSelect={setTab}
              label="Ways to add invoices"
            >
              {tab === "form" ? (
                <UploadInvoiceForm sellerGstins={sme.gstins} onSaved={onSaved} />
              ) : null}
              {tab === "einvoice" ? <EInvoiceImport onImported={onSaved} /> : null}
              {tab === "csv" ? <CsvImport onImported={onSaved} /> : null}
            </Tabs>
          );
        }}
      </QueryView>
    </>
  );
}
