import { lazy, Suspense, useEffect, useMemo } from "react";
import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { Provider as UrqlProvider } from "urql";
import type { Client } from "urql";

import { AppShell } from "./AppShell";
import { Landing } from "./auth/Landing";
import { NotFound } from "./auth/NotFound";
import { RegisterSme } from "./auth/RegisterSme";
import { RequireRole } from "./auth/RequireRole";
import { ROLE_SECTIONS } from "./auth/roles";
import type { Role } from "./auth/session";
import { useSession } from "./auth/SessionContext";
import { SessionProvider } from "./auth/SessionProvider";
import { LoadingState } from "./components/States";
import { createGraphqlClient } from "./lib/graphqlClient";
import {
  flushProductEvents,
  recordProductEvent,
  recordVisit,
} from "./lib/measurement/productEvents";
import { useMeasurement } from "./lib/measurement/useMeasurement";

const SmeRoutes = lazy(() => import("./sme/SmeRoutes"));
const LenderRoutes = lazy(() => import("./lender/LenderRoutes"));
const OpsRoutes = lazy(() => import("./ops/OpsRoutes"));
const ManagementRoutes = lazy(() => import("./management/ManagementRoutes"));
const AdminRoutes = lazy(() => import("./admin/AdminRoutes"));

export function App() {
  const client = useMemo(() => createGraphqlClient(), []);
  return (
    <SessionProvider>
      <UrqlProvider value={client}>
        <Measurement client={client} />
        <BrowserRouter>
          <AppShell>
            <AppRoutes />
          </AppShell>
        </BrowserRouter>
      </UrqlProvider>
    </SessionProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/register" element={<Registration />} />
      <Route
        path="/sme/*"
        element={
          <Section role="SME">
            <SmeRoutes />
          </Section>
        }
      />
      <Route
        path="/lender/*"
        element={
          <Section role="LENDER">
            <LenderRoutes />
          </Section>
        }
      />
      <Route
        path="/ops/*"
        element={
          <Section role="OPS">
            <OpsRoutes />
          </Section>
        }
      />
      <Route
        path="/management/*"
        element={
          <Section role="MANAGEMENT">
            <ManagementRoutes />
          </Section>
        }
      />
      <Route
        path="/admin/*"
        element={
          <Section role="ADMIN">
            <AdminRoutes />
          </Section>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function Measurement({ client }: { client: Client }) {
  const { session } = useSession();
  useMeasurement(client, session.authenticated);
  return null;
}

function Home() {
  const { session } = useSession();
  if (session.authenticated) {
    return <Navigate to={ROLE_SECTIONS[session.role].home} replace />;
  }
  return <Landing />;
}

function Registration() {
  useEffect(recordVisit, []);
  return (
    <RegisterSme
      onStarted={() => recordProductEvent("SIGNUP_STARTED")}
      onRegistered={() => {
        recordProductEvent("SIGNUP_COMPLETED");
        flushProductEvents(true);
      }}
    />
  );
}

function Section({ role, children }: { role: Role; children: ReactNode }) {
  return (
    <RequireRole role={role}>
      <Suspense fallback={<LoadingState />}>{children}</Suspense>
    </RequireRole>
  );
}
