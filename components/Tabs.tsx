import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

/** One tab: its id, its visible name, and what it shows. */
export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: () => ComponentChildren;
}

/**
 * WAI-ARIA tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop, Left/Right,
 * Home/End move between tabs and choose them (automatic activation); only the chosen panel is
 * rendered. With one tab there is no tab list at all, just the panel.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: readonly TabSpec<K>[]; selected: K; onSelect: (key: K) => void }) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.key === selected) ?? tabs[0]!;
  if (tabs.length === 1) return <>{current.panel()}</>;
  const move = (to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(next.key);
    queueMicrotask(() => list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-tab-${next.key}`)}`)?.focus());
  };
  const index = tabs.indexOf(current);
  return (
    <div class="space-y-3">
      <div
        ref={list}
        role="tablist"
        aria-label={label}
        class="flex flex-wrap gap-1 border-b border-grey-4"
        onKeyDown={(e) => {
          const to = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
          if (to === null) return;
          e.preventDefault();
          move(to);
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={tab.key === current.key}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === current.key ? 0 : -1}
            class={`-mb-px rounded-t border px-2 py-1 font-semibold ${tab.key === current.key ? 'border-grey-4 border-b-white bg-white text-grey-9' : 'border-transparent text-grey-7 underline'}`}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.key}`} class="space-y-4">
        {current.panel()}
      </div>
    </div>
  );
}
