import { describe, expect, it } from "vitest";

import { mayOpenSection, ROLE_SECTIONS } from "./roles";

describe("mayOpenSection", () => {
  it("opens the management section to ADMIN", () => {
    expect(mayOpenSection("ADMIN", "MANAGEMENT")).toBe(true);
  });

  it.each(["SME", "LENDER", "OPS"] as const)(
    "keeps the management section closed to %s",
    (role) => {
      expect(mayOpenSection(role, "MANAGEMENT")).toBe(false);
    },
  );

  it("keeps the admin section closed to MANAGEMENT", () => {
    expect(mayOpenSection("MANAGEMENT", "ADMIN")).toBe(false);
  });

  it("links ADMIN's navigation to the KPI dashboard", () => {
    const targets = ROLE_SECTIONS.ADMIN.links.map((link) => link.to);
    expect(targets).toContain(ROLE_SECTIONS.MANAGEMENT.home);
  });
});
