import { Route, Routes } from "react-router";

import { NotFound } from "../auth/NotFound";
import { DayEndPage } from "./dayEnd/DayEndPage";
import { KycQueue } from "./kyc/KycQueue";
import { KycReview } from "./kyc/KycReview";
import { OpsTicketsPage } from "./tickets/OpsTicketsPage";

/** Show operations' pages, loaded as one chunk when OPS signs in. */
export default function OpsRoutes() {
  return (
    <Routes>
      <Route index element={<KycQueue />} />
      <Route path="kyc/:submissionId" element={<KycReview />} />
      <Route path="tickets" element={<OpsTicketsPage />} />
      <Route path="day-end" element={<DayEndPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
