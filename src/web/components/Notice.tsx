import { useEffect, useRef, type ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error' | 'warning';

/**
 * A message on the page. Errors are alerts (announced at once); the others are polite status
 * messages, so a screen reader hears the result of an action without losing its place.
 */
export function Notice({ tone = 'info', title, focus, children }: { tone?: Tone; title?: string; focus?: boolean; children?: ReactNode }) {
  const role = tone === 'error' ? 'alert' : 'status';
  const ref = useRef<HTMLDivElement>(null);
  // The result of an action taken in a dialog: focus lands here when the dialog has closed, not
  // back on a button far from the answer (or one the action removed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message (children) takes focus again on purpose
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, children]);
  return (
    <div className={tone === 'info' ? 'notice' : `notice notice--${tone}`} role={role} ref={ref} tabIndex={focus ? -1 : undefined}>
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
