import { useRef, useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { describeError } from "../../lib/errorMessage";
import { netIfPaidOn, REPRICING_NOTE_FOR_SME } from "../../lib/payout";
import { AcceptOfferMutation } from "../mutations";

/**
 * Accept one offer after a confirmation. The idempotency key is made once
 * per offer shown, so a retried click cannot accept twice.
 */
export function AcceptOffer({
  offerId,
  lender,
  netAmount,
  disbursalDate,
}: {
  offerId: string;
  lender: string;
  netAmount: string;
  /** The payout date the net amount is priced for. */
  disbursalDate: string;
}) {
  const idempotencyKey = useRef(crypto.randomUUID());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [result, accept] = useMutation(AcceptOfferMutation);

  async function onAccept() {
    setMessage(null);
    const response = await accept({
      input: { offerId, idempotencyKey: idempotencyKey.current },
    });
    const errors = response.data?.acceptOffer.errors ?? [];
    if (response.error) {
      setMessage(describeError(response.error));
    } else if (errors.length > 0) {
      setMessage(errors.map((error) => error.message).join(" "));
    }
  }

  if (!confirming) {
    return (
      <div className="button-row">
        <Button onClick={() => setConfirming(true)}>Accept this offer</Button>
      </div>
    );
  }
  return (
    <div
      className="notice notice-warning"
      role="group"
      aria-label={`Accept the offer of ${lender}`}
    >
      <p>
        Accept the offer of {lender}? You receive{" "}
        {netIfPaidOn(netAmount, disbursalDate)}. {REPRICING_NOTE_FOR_SME} The other
        offers on this application lapse.
      </p>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="button-row">
        <Button busy={result.fetching} onClick={() => void onAccept()}>
          Yes, accept
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
