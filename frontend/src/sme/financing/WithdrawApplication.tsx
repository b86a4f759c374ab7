import { useState } from "react";
import { useMutation } from "urql";

import { Button } from "../../components/Button";
import { describeError } from "../../lib/errorMessage";
import { WithdrawApplicationMutation } from "../mutations";

/** Withdraw an open application after a confirmation. */
export function WithdrawApplication({ applicationId }: { applicationId: string }) {
  const [result, withdraw] = useMutation(WithdrawApplicationMutation);
  const [message, setMessage] = useState<string | null>(null);

  async function onWithdraw() {
    if (!window.confirm("Withdraw this application? Its open offers lapse.")) {
      return;
    }
    const response = await withdraw({ input: { applicationId } });
    const errors = response.data?.withdrawApplication.errors ?? [];
    if (response.error) {
      setMessage(describeError(response.error));
    } else if (errors.length > 0) {
      setMessage(errors.map((error) => error.message).join(" "));
    }
  }

  return (
    <>
      <Button variant="danger" busy={result.fetching} onClick={() => void onWithdraw()}>
        Withdraw application
      </Button>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </>
  );
}
