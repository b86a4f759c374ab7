import { createContext, useContext } from "react";

import type { Session } from "./session";

export interface SessionState {
  session: Session;
  /** Ask the server again, such as after an action that ended the session. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) {
    throw new Error("useSession() needs a SessionProvider above it.");
  }
  return state;
}
