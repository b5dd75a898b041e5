import type { ReactNode } from 'react';

/** What to show instead of an empty table or list: what is missing and what to do about it. */
export function EmptyState({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="empty">
      {title && <p><strong>{title}</strong></p>}
      {children}
    </div>
  );
}
