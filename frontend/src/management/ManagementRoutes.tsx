import { Route, Routes } from "react-router";

import { NotFound } from "../auth/NotFound";
import { KpiDashboard } from "./KpiDashboard";

/** Show management's pages, loaded as one chunk when MANAGEMENT signs in. */
export default function ManagementRoutes() {
  return (
    <Routes>
      <Route index element={<KpiDashboard />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
