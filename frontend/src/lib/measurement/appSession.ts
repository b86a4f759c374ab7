/**
 * The signed-in user's time in the app: a session starts when the app opens
 * signed in, a heartbeat reports activity about once a minute while the user
 * is active and the tab visible, and the session ends on sign-out or when
 * the page goes away. A heartbeat the server refuses (the session expired
 * while idle) starts a new session.
 */

import {
  EndAppSessionMutation,
  StartAppSessionMutation,
  TouchAppSessionMutation,
} from "./operations";
import { keepaliveOptions, measurementClient } from "./transport";
import { visitorId } from "./visitor";

const HEARTBEAT_MILLISECONDS = 60_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "scroll"] as const;

let sessionId: string | null = null;
let active = false;
let heartbeat: number | null = null;

async function start(): Promise<void> {
  const client = measurementClient();
  const response = await client
    ?.mutation(StartAppSessionMutation, { input: { visitorId: visitorId() } })
    .toPromise();
  sessionId = response?.data?.startAppSession.session?.id ?? null;
}

async function touch(): Promise<void> {
  const client = measurementClient();
  if (!client || !active || document.visibilityState !== "visible") {
    return;
  }
  active = false;
  if (sessionId === null) {
    await start();
    return;
  }
  const response = await client
    .mutation(TouchAppSessionMutation, { input: { sessionId } })
    .toPromise();
  if (response.data && response.data.touchAppSession.errors.length > 0) {
    await start();
  }
}

function markActive(): void {
  active = true;
}

/** Start measuring the signed-in user's session; returns a function that stops it. */
export function startAppSession(): () => void {
  void start();
  ACTIVITY_EVENTS.forEach((name) =>
    window.addEventListener(name, markActive, { passive: true }),
  );
  heartbeat = window.setInterval(() => void touch(), HEARTBEAT_MILLISECONDS);
  return () => {
    ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, markActive));
    if (heartbeat !== null) {
      window.clearInterval(heartbeat);
    }
  };
}

/** End the session; `leaving` when the page is about to go away. */
export function endAppSession(leaving: boolean): Promise<unknown> {
  const client = measurementClient();
  const id = sessionId;
  sessionId = null;
  if (!client || id === null) {
    return Promise.resolve();
  }
  const context = leaving ? { fetchOptions: keepaliveOptions() } : {};
  return client
    .mutation(EndAppSessionMutation, { input: { sessionId: id } }, context)
    .toPromise();
}
