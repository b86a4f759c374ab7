import { useState } from "react";

import { Button } from "./Button";

/** Copy a value to the clipboard and say whether it worked. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [outcome, setOutcome] = useState<string>("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("Copied.");
    } catch {
      setOutcome("The browser did not allow copying; select the text and copy it.");
    }
  }

  return (
    <span>
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>{" "}
      <span role="status">{outcome}</span>
    </span>
  );
}
