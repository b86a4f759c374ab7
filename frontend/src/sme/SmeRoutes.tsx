import { Route, Routes } from "react-router";

import { NotFound } from "../auth/NotFound";
import { AddInvoicePage } from "./invoices/AddInvoicePage";
import { InvoicesPage } from "./invoices/InvoicesPage";
import { KycPage } from "./kyc/KycPage";
import { ApplicationsPage } from "./financing/ApplicationsPage";
import { ApplyPage } from "./financing/ApplyPage";
import { OffersPage } from "./financing/OffersPage";
import { LoansPage } from "./financing/LoansPage";
import { SmeOverview } from "./SmeOverview";
import { SupportPage } from "./support/SupportPage";

/** Show the SME's pages, loaded as one chunk when an SME signs in. */
export default function SmeRoutes() {
  return (
    <Routes>
      <Route index element={<SmeOverview />} />
      <Route path="kyc" element={<KycPage />} />
      <Route path="invoices" element={<InvoicesPage />} />
      <Route path="invoices/new" element={<AddInvoicePage />} />
      <Route path="applications" element={<ApplicationsPage />} />
      <Route path="applications/new" element={<ApplyPage />} />
      <Route path="applications/:applicationId" element={<OffersPage />} />
      <Route path="loans" element={<LoansPage />} />
      <Route path="support" element={<SupportPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
