/** Sections of each role: its home and the links of its navigation. */

import type { Role } from "./session";

export interface NavLink {
  to: string;
  label: string;
  /** Match only this exact path, for a section's home. */
  end?: boolean;
}

export interface RoleSection {
  home: string;
  label: string;
  links: readonly NavLink[];
  /** Other roles that may open the section, because the API serves its data to them too. */
  alsoOpenTo?: readonly Role[];
}

export const ROLE_SECTIONS: Record<Role, RoleSection> = {
  SME: {
    home: "/sme",
    label: "SME",
    links: [
      { to: "/sme", label: "Overview", end: true },
      { to: "/sme/kyc", label: "KYC" },
      { to: "/sme/invoices", label: "Invoices" },
      { to: "/sme/applications", label: "Financing" },
      { to: "/sme/loans", label: "Loans" },
      { to: "/sme/support", label: "Support" },
    ],
  },
  LENDER: {
    home: "/lender",
    label: "Lender",
    links: [
      { to: "/lender", label: "Applications", end: true },
      { to: "/lender/disbursals", label: "Disbursals" },
      { to: "/lender/approvals", label: "Approvals" },
      { to: "/lender/loans", label: "Loans" },
      { to: "/lender/portfolio", label: "Portfolio" },
      { to: "/lender/products", label: "Products" },
    ],
  },
  OPS: {
    home: "/ops",
    label: "Operations",
    links: [
      { to: "/ops", label: "KYC review", end: true },
      { to: "/ops/tickets", label: "Support tickets" },
      { to: "/ops/day-end", label: "Day-end" },
    ],
  },
  MANAGEMENT: {
    home: "/management",
    label: "Management",
    links: [{ to: "/management", label: "KPIs", end: true }],
    // The API serves `kpis` and `milestones` to ADMIN as well.
    alsoOpenTo: ["ADMIN"],
  },
  ADMIN: {
    home: "/admin",
    label: "Administration",
    links: [
      { to: "/admin", label: "Users", end: true },
      { to: "/admin/lenders", label: "Lender partners" },
      { to: "/admin/machine-clients", label: "Machine clients" },
      { to: "/admin/kpi-targets", label: "KPI targets" },
      { to: "/admin/marketing", label: "Marketing spend" },
      { to: "/admin/incidents", label: "Security incidents" },
      { to: "/management", label: "KPI dashboard" },
    ],
  },
};

/** Check whether a user of `role` may open the pages of `section`. */
export function mayOpenSection(role: Role, section: Role): boolean {
  return role === section || (ROLE_SECTIONS[section].alsoOpenTo ?? []).includes(role);
}

/** Show the section a path belongs to, by its first segment. */
export function roleOfPath(path: string): Role | null {
  const segment = path.split("/")[1] ?? "";
  const match = (Object.keys(ROLE_SECTIONS) as Role[]).find(
    (role) => ROLE_SECTIONS[role].home === `/${segment}`,
  );
  return match ?? null;
}
