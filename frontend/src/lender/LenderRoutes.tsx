import { Route, Routes } from "react-router";

import { NotFound } from "../auth/NotFound";
import { ApplicationDetail } from "./applications/ApplicationDetail";
import { ApplicationQueue } from "./applications/ApplicationQueue";
import { ApprovalsPage } from "./disbursals/ApprovalsPage";
import { DisbursalsPage } from "./disbursals/DisbursalsPage";
import { LoansPage } from "./loans/LoansPage";
import { PortfolioPage } from "./portfolio/PortfolioPage";
import { ProductsPage } from "./products/ProductsPage";

/** Show the lender's pages, loaded as one chunk when a lender signs in. */
export default function LenderRoutes() {
  return (
    <Routes>
      <Route index element={<ApplicationQueue />} />
      <Route path="applications/:applicationId" element={<ApplicationDetail />} />
      <Route path="loans" element={<LoansPage />} />
      <Route path="products" element={<ProductsPage />} />
      <Route path="disbursals" element={<DisbursalsPage />} />
      <Route path="approvals" element={<ApprovalsPage />} />
      <Route path="portfolio" element={<PortfolioPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
