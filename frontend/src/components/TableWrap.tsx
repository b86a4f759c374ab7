import type { ReactNode } from "react";

/**
 * Show a table that scrolls sideways on a narrow screen. The region is focusable
 * so that keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
