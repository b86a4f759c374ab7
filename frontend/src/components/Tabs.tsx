import { useId, useRef } from "react";
import type { KeyboardEvent, ReactNode } from "react";

export interface Tab {
  key: string;
  label: string;
}

interface TabsProps {
  tabs: readonly Tab[];
  selected: string;
  onSelect: (key: string) => void;
  label: string;
  children: ReactNode;
}

/** Show tabs with arrow-key movement, as the ARIA tabs pattern describes. */
export function Tabs({ tabs, selected, onSelect, label, children }: TabsProps) {
  const prefix = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) {
      return;
    }
    const next = (index + step + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (tab) {
      onSelect(tab.key);
      buttons.current[next]?.focus();
    }
  }

  return (
    <div>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${prefix}-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${prefix}-panel`}
        aria-labelledby={`${prefix}-${selected}`}
      >
        {children}
      </div>
    </div>
  );
}
