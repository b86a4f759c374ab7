import { useState } from "react";
import type { ReactNode } from "react";
import { Link, NavLink } from "react-router";
import { useQuery } from "urql";

import { ROLE_SECTIONS } from "./auth/roles";
import { signOut } from "./auth/session";
import type { Role } from "./auth/session";
import { useSession } from "./auth/SessionContext";
import { ViewerQuery } from "./auth/queries";
import { Button } from "./components/Button";
import { endAppSession } from "./lib/measurement/appSession";
import { currentPath, signInUrl } from "./lib/signIn";

/** Show the header, the role's navigation and the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { session } = useSession();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <div className="shell-header-inner">
          <Link className="brand" to="/">
            Hundi
          </Link>
          {session.authenticated ? (
            <SignedInBar role={session.role} />
          ) : (
            <SignedOutBar />
          )}
        </div>
      </header>
      {session.authenticated ? <RoleNav role={session.role} /> : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function SignedOutBar() {
  return (
    <>
      <span className="shell-spacer" />
      <a className="button button-light" href={signInUrl(currentPath())}>
        Sign in
      </a>
    </>
  );
}

function SignedInBar({ role }: { role: Role }) {
  const [{ data }] = useQuery({ query: ViewerQuery });
  const [signingOut, setSigningOut] = useState(false);
  const viewer = data?.viewer;
  const organisation = viewer?.sme?.legalName ?? viewer?.lender?.name;

  async function onSignOut() {
    setSigningOut(true);
    await endAppSession(false).catch(() => undefined);
    await signOut().catch(() => undefined);
    window.location.assign("/");
  }

  return (
    <>
      <span className="shell-role">{ROLE_SECTIONS[role].label}</span>
      <span className="shell-spacer" />
      <span>
        {viewer?.user?.fullName}
        {organisation ? `, ${organisation}` : ""}
      </span>
      <Button variant="light" busy={signingOut} onClick={onSignOut}>
        Sign out
      </Button>
    </>
  );
}

function RoleNav({ role }: { role: Role }) {
  return (
    <nav className="shell-nav" aria-label={`${ROLE_SECTIONS[role].label} sections`}>
      <ul>
        {ROLE_SECTIONS[role].links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
