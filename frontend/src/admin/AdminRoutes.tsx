import { Route, Routes } from "react-router";

import { NotFound } from "../auth/NotFound";
import { IncidentsPage } from "./incidents/IncidentsPage";
import { KpiTargetsPage } from "./kpiTargets/KpiTargetsPage";
import { LendersPage } from "./lenders/LendersPage";
import { MachineClientsPage } from "./machineClients/MachineClientsPage";
import { MarketingSpendPage } from "./marketing/MarketingSpendPage";
import { UsersPage } from "./users/UsersPage";

/** Show the administrator's pages, loaded as one chunk when ADMIN signs in. */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<UsersPage />} />
      <Route path="lenders" element={<LendersPage />} />
      <Route path="machine-clients" element={<MachineClientsPage />} />
      <Route path="kpi-targets" element={<KpiTargetsPage />} />
      <Route path="marketing" element={<MarketingSpendPage />} />
      <Route path="incidents" element={<IncidentsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
