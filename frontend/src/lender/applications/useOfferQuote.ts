import { useEffect, useMemo, useState } from "react";
import { useQuery } from "urql";
import type { CombinedError } from "urql";

import type { OfferQuoteQuery as OfferQuoteResult } from "../../gql/graphql";
import { mapPayloadErrors } from "../../lib/fieldErrors";
import type { MappedErrors } from "../../lib/fieldErrors";
import { OfferQuoteQuery } from "../queries";
import { OFFER_FIELDS } from "./offerForm";
import type { QuoteTerms } from "./offerForm";

/** Wait after the last keystroke before asking for a quote. */
export const QUOTE_DELAY_MS = 300;

type Quote = OfferQuoteResult["offerQuote"];

export interface LiveQuote {
  /** The quote of the terms on screen; null until it arrives. */
  quote: Quote | null;
  /** The quote's errors, by the API's field names. */
  errors: MappedErrors;
  /** Whether the terms on screen changed since the quote shown was priced. */
  updating: boolean;
  error?: CombinedError;
}

const NO_ERRORS: MappedErrors = { byField: {}, general: [] };

/**
 * Price the offer on screen with `offerQuote`, 300 ms after the terms stop
 * changing. While a new quote runs, the last one stays shown and `updating`
 * is true. Errors are given only for the terms on screen, so no stale error
 * shows next to a field that changed since.
 */
export function useOfferQuote(
  applicationId: string,
  terms: QuoteTerms | null,
): LiveQuote {
  const termsKey = terms ? JSON.stringify(terms) : null;
  const [settledKey, setSettledKey] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setSettledKey(termsKey), QUOTE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [termsKey]);

  const variables = useMemo(() => {
    const settled = settledKey ? (JSON.parse(settledKey) as QuoteTerms) : null;
    return {
      input: {
        applicationId,
        productId: settled?.productId ?? "",
        advanceRate: settled?.advanceRate ?? "0",
        annualRate: settled?.annualRate ?? "0",
        processingFeeRate: settled?.processingFeeRate ?? "0",
      },
    };
  }, [applicationId, settledKey]);
  const [result] = useQuery({
    query: OfferQuoteQuery,
    variables,
    pause: settledKey === null,
    requestPolicy: "network-only",
  });

  const pricedKey = result.operation ? keyOf(result.operation.variables.input) : null;
  const current = termsKey !== null && pricedKey === termsKey && !result.fetching;
  const quote = termsKey !== null ? (result.data?.offerQuote ?? null) : null;
  return {
    quote,
    errors: current && quote ? mapPayloadErrors(quote.errors, OFFER_FIELDS) : NO_ERRORS,
    updating: termsKey !== null && !current,
    error: current ? result.error : undefined,
  };
}

function keyOf(input: QuoteTerms & { applicationId: string }): string {
  const terms: QuoteTerms = {
    productId: input.productId,
    advanceRate: input.advanceRate,
    annualRate: input.annualRate,
    processingFeeRate: input.processingFeeRate,
  };
  return JSON.stringify(terms);
}
