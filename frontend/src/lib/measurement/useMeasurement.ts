import { useEffect } from "react";
import type { Client } from "urql";

import { endAppSession, startAppSession } from "./appSession";
import { flushProductEvents } from "./productEvents";
import { setMeasurementClient } from "./transport";

/**
 * Wire measurement to the app: the GraphQL client, the app session of a
 * signed-in user, and the last reports when the page goes away.
 */
export function useMeasurement(client: Client, signedIn: boolean): void {
  useEffect(() => setMeasurementClient(client), [client]);

  useEffect(() => {
    const onPageHide = () => {
      flushProductEvents(true);
      if (signedIn) {
        void endAppSession(true);
      }
    };
    window.addEventListener("pagehide", onPageHide);
    const stop = signedIn ? startAppSession() : () => undefined;
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      stop();
    };
  }, [signedIn]);
}
