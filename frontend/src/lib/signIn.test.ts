import { describe, expect, it } from "vitest";

import { readCsrfToken } from "./csrf";
import { signInUrl } from "./signIn";

describe("signInUrl", () => {
  it("returns to the path with its query", () => {
    expect(signInUrl("/sme/invoices?status=VERIFIED")).toBe(
      "/auth/login?return_to=%2Fsme%2Finvoices%3Fstatus%3DVERIFIED",
    );
  });

  it.each(["//evil.example/x", "https://evil.example/", "sme"])(
    "returns to / for %s",
    (returnTo) => {
      expect(signInUrl(returnTo)).toBe("/auth/login?return_to=%2F");
    },
  );
});

describe("readCsrfToken", () => {
  it("finds the token among other cookies", () => {
    expect(readCsrfToken("a=1; hundi_csrf=abc%3D123; b=2")).toBe("abc=123");
  });

  it("is null without the cookie", () => {
    expect(readCsrfToken("a=1")).toBeNull();
  });
});
