import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { ApiError, downloadPost } from '../../lib/api';
import { Button } from '../../components/Button';
import { ErrorNotice, Notice } from '../../components/Notice';

const L = t.logReview;

/** The field errors of a 400, by field name (the server's paths are body.<field>). */
export const fieldErrors = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? Object.fromEntries(error.errors.map((e) => [e.path.replace(/^body\./, ''), e.message])) : {};

/** CSV and PDF of the whole selection, from the server (POST: the selection is not put in a URL). */
export function Downloads({ url, body, disabled }: { url: string; body: object; disabled?: boolean }) {
  const download = useMutation({ mutationFn: (format: 'csv' | 'pdf') => downloadPost(url, { ...body, format }, `loggkontroll.${format}`) });
  return (
    <>
      <Button variant="secondary" isDisabled={disabled || download.isPending} onPress={() => download.mutate('csv')}>{L.downloadCsv}</Button>
      <Button variant="secondary" isDisabled={disabled || download.isPending} onPress={() => download.mutate('pdf')}>{L.downloadPdf}</Button>
      {download.isPending && <Notice>{L.downloading}</Notice>}
      <ErrorNotice error={download.error} />
    </>
  );
}

/** Moves focus to the element when `value` changes to something new, so the result is announced. */
export function useFocusOnChange<E extends HTMLElement>(value: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (value) ref.current?.focus();
  }, [value]);
  return ref;
}
