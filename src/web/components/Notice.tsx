import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error' | 'warning';

/**
 * A message on the page. Errors are alerts (announced at once); the others are polite status
 * messages, so a screen reader hears the result of an action without losing its place.
 */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={tone === 'info' ? 'notice' : `notice notice--${tone}`} role={role}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

/** The answer of a failed request, in the server's own Swedish words. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return <Notice tone="error">{message}</Notice>;
}
