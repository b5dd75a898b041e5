import type { ReactNode } from 'react';

/** A table that may scroll sideways: a focusable, named region, so keyboard users can scroll it. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
