import { useState } from "react";

import { Notice } from "../../components/Notice";
import { formatDateTime } from "../../lib/dates";
import { formatRate } from "../../lib/money";
import { DeclineForm } from "./DeclineForm";
import { KeyFacts } from "./KeyFacts";
import type { KeyFactFigures } from "./KeyFacts";
import { MakeOfferForm } from "./MakeOfferForm";

const OPEN_APPLICATION = ["SUBMITTED", "OFFERED"];

interface Offer {
  id: string;
  status: string;
  annualRate: string;
  advanceRate: string;
  processingFeeRate: string;
  validUntil: string;
  product: { name: string };
  keyFacts: KeyFactFigures;
}

interface Match {
  matched: boolean;
  declinedAt?: string | null;
  declineReason?: string | null;
}

/**
 * Show what your lender may still do on an application: make an offer or
 * decline it. With an open offer of your lender, or after it declined, that
 * state shows instead of the offer form, because the API takes no second
 * offer then.
 */
export function OfferDecision({
  application,
  onChanged,
}: {
  application: {
    id: string;
    status: string;
    offers: readonly Offer[];
    lenderMatches: readonly Match[];
  };
  onChanged: () => void;
}) {
  const [justMade, setJustMade] = useState(false);
  const declined = application.lenderMatches.find((match) => match.declinedAt);
  const openOffer = application.offers.find((offer) => offer.status === "OPEN");
  const matched = application.lenderMatches.some((match) => match.matched);

  if (declined?.declinedAt) {
    return (
      <Notice tone="warning" title="Your lender declined this application.">
        Declined {formatDateTime(declined.declinedAt)}
        {declined.declineReason ? `: ${declined.declineReason}` : "."}
      </Notice>
    );
  }
  if (!OPEN_APPLICATION.includes(application.status) || (!matched && !openOffer)) {
    return null;
  }
  return (
    <div className="two-columns">
      {openOffer ? (
        <OpenOffer offer={openOffer} justMade={justMade} />
      ) : (
        <MakeOfferForm
          applicationId={application.id}
          onMade={() => {
            setJustMade(true);
            onChanged();
          }}
        />
      )}
      <DeclineForm
        applicationId={application.id}
        hasOpenOffer={Boolean(openOffer)}
        onDeclined={onChanged}
      />
    </div>
  );
}

function OpenOffer({ offer, justMade }: { offer: Offer; justMade: boolean }) {
  return (
    <section className="card" aria-labelledby="open-offer-title">
      <h2 id="open-offer-title" style={{ marginTop: 0 }}>
        {justMade ? "Your offer is made." : "Your lender's offer is open."}
      </h2>
      <p>
        {offer.product.name} at {formatRate(offer.annualRate)} a year, advancing{" "}
        {formatRate(offer.advanceRate)} with a {formatRate(offer.processingFeeRate)}{" "}
        fee. The SME may accept it until {formatDateTime(offer.validUntil)}; your lender
        makes no other offer on this application meanwhile.
      </p>
      <KeyFacts facts={offer.keyFacts} />
    </section>
  );
}
