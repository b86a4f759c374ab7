import { describeError } from "../../lib/errorMessage";
import { KeyFacts } from "./KeyFacts";
import type { LiveQuote } from "./useOfferQuote";

/** Show the live key fact statement under the make-offer form. */
export function QuotePanel({
  productChosen,
  live,
}: {
  productChosen: boolean;
  live: LiveQuote;
}) {
  const { quote, errors, updating, error } = live;
  return (
    <section
      className="card"
      aria-labelledby="quote-title"
      aria-busy={updating || undefined}
    >
      <h3 id="quote-title" style={{ marginTop: 0 }}>
        Key facts of this offer
      </h3>
      <p className="muted" role="status">
        {statusText(productChosen, live)}
      </p>
      {error ? <p className="field-error">{describeError(error)}</p> : null}
      {errors.general.length > 0 ? (
        <ul className="field-error">
          {errors.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {quote?.keyFacts ? (
        <div style={{ opacity: updating ? 0.6 : 1 }}>
          <KeyFacts facts={quote.keyFacts} lines={quote.lines} />
        </div>
      ) : null}
    </section>
  );
}

function statusText(productChosen: boolean, live: LiveQuote): string {
  if (!productChosen) {
    return "Choose a product to see what the SME would receive.";
  }
  if (live.updating) {
    return "Pricing the offer…";
  }
  if (live.error) {
    return "The offer could not be priced.";
  }
  if (!live.quote) {
    return "Give every rate as a percentage to see the key facts.";
  }
  if (!live.quote.keyFacts) {
    return "These terms cannot be priced; correct the errors shown.";
  }
  return "Priced by Hundi for the terms above; making the offer stores exactly these figures.";
}
