import { useEffect } from "react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

import { PageHeader } from "../components/PageHeader";
import { LoadingState } from "../components/States";
import { signInUrl } from "../lib/signIn";
import { mayOpenSection, ROLE_SECTIONS } from "./roles";
import type { Role } from "./session";
import { useSession } from "./SessionContext";

/**
 * Show a section only to its role and the roles it is also open to. A visitor who is not signed in goes to
 * sign in and comes back here; a signed-in user of another role sees why the
 * page is closed to them, with a link to their own section.
 */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { session } = useSession();

  if (!session.authenticated) {
    return <SignInRedirect />;
  }
  if (!mayOpenSection(session.role, role)) {
    return <NotAllowed role={session.role} section={ROLE_SECTIONS[role].label} />;
  }
  return <>{children}</>;
}

function SignInRedirect() {
  const location = useLocation();
  const target = signInUrl(`${location.pathname}${location.search}${location.hash}`);

  useEffect(() => {
    window.location.assign(target);
  }, [target]);

  return (
    <main>
      <LoadingState label="Taking you to sign in…" />
      <p>
        If nothing happens, <a href={target}>sign in here</a>.
      </p>
    </main>
  );
}

export function NotAllowed({ role, section }: { role: Role; section: string }) {
  const home = ROLE_SECTIONS[role];
  return (
    <section aria-labelledby="not-allowed-title">
      <PageHeader title="You cannot open this page" />
      <div className="notice notice-warning" role="status" id="not-allowed-title">
        <p>
          This page belongs to the {section} section, and you are signed in with the{" "}
          {home.label} role.
        </p>
        <p>
          <Link to={home.home}>Go to your {home.label} pages</Link>
        </p>
      </div>
    </section>
  );
}
