import { useCallback, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";

import { Button } from "../components/Button";
import { LoadingState } from "../components/States";
import { fetchSession } from "./session";
import type { Session } from "./session";
import { SessionContext } from "./SessionContext";

type Loaded =
  { state: "loading" } | { state: "failed" } | { state: "ready"; session: Session };

/** Ask the server who is signed in before anything else renders. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  const refresh = useCallback(async () => {
    try {
      setLoaded({ state: "ready", session: await fetchSession() });
    } catch {
      setLoaded({ state: "failed" });
    }
  }, []);

  useEffect(() => {
    fetchSession().then(
      (session) => setLoaded({ state: "ready", session }),
      () => setLoaded({ state: "failed" }),
    );
  }, []);

  const value = useMemo(
    () => (loaded.state === "ready" ? { session: loaded.session, refresh } : null),
    [loaded, refresh],
  );

  if (loaded.state === "loading") {
    return (
      <main>
        <LoadingState label="Starting Hundi…" />
      </main>
    );
  }
  if (value === null) {
    return (
      <main>
        <div className="notice notice-error" role="alert">
          <p>Hundi could not be reached. Check your connection and try again.</p>
          <Button variant="secondary" onClick={() => void refresh()}>
            Try again
          </Button>
        </div>
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
