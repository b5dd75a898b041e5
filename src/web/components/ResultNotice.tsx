import { useEffect, useRef, useState } from 'react';
import { Notice } from './Notice';

/**
 * The message a dialog leaves on its page ("Målet är tillagt."): `done(message)` shows it, and it
 * gets the focus once the dialog has closed (and returned focus to its button).
 */
export function useResultNotice() {
  const [result, setResult] = useState<{ message: string; n: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => ref.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, [result]);
  const done = (message: string) => setResult((r) => ({ message, n: (r?.n ?? 0) + 1 }));
  const notice = result && (
    <div ref={ref} tabIndex={-1} key={result.n}>
      <Notice tone="success">{result.message}</Notice>
    </div>
  );
  return { done, notice };
}
