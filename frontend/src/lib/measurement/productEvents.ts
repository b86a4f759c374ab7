/**
 * Visits and onboarding steps, reported for the success metrics. Events are
 * queued and sent in batches a couple of seconds apart, without waiting for
 * an answer, so no screen waits on them. What is still queued when the page
 * goes away is sent with a keepalive request.
 */

import type { ProductEventName } from "../../gql/graphql";
import { RecordProductEventsMutation } from "./operations";
import { keepaliveOptions, measurementClient } from "./transport";
import { firstVisitInTab, visitorId } from "./visitor";

const BATCH_DELAY_MILLISECONDS = 2000;
// The API takes at most 10 events in one call.
const MAX_BATCH = 10;

const queue: ProductEventName[] = [];
let timer: number | null = null;

export function recordProductEvent(name: ProductEventName): void {
  queue.push(name);
  if (timer === null) {
    timer = window.setTimeout(
      () => flushProductEvents(false),
      BATCH_DELAY_MILLISECONDS,
    );
  }
}

/** Report the visit of an anonymous visitor, once per tab. */
export function recordVisit(): void {
  if (firstVisitInTab()) {
    recordProductEvent("VISIT");
  }
}

/** Send what is queued now; `leaving` when the page is about to go away. */
export function flushProductEvents(leaving: boolean): void {
  if (timer !== null) {
    window.clearTimeout(timer);
    timer = null;
  }
  const client = measurementClient();
  while (client && queue.length > 0) {
    const events = queue.splice(0, MAX_BATCH);
    const context = leaving ? { fetchOptions: keepaliveOptions() } : {};
    void client
      .mutation(
        RecordProductEventsMutation,
        { input: { visitorId: visitorId(), events } },
        context,
      )
      .toPromise();
  }
}
