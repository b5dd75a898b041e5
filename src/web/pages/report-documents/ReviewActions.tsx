import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ReportStatusCode } from '../../../core/schemas/report-documents';
import { t } from '../../i18n/sv';
import { ApiError, post } from '../../lib/api';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { DocumentView } from './queries';

const t2 = t.reportDocuments;

/** What the reader may do next: the lead starts a new version (submitting is in the editor); the förbund returns, approves, publishes. */
export function ReviewActions({ view, onDone }: { view: DocumentView; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { can } = view;
  if (!can.newVersion && !can.return && !can.approve && !can.publish) return null;

  const move = async (to: ReportStatusCode, message: string | null = null) => {
    setBusy(true);
    try {
      await post(`/api/v1/report-documents/${view.id}/status`, { to, message });
      await queryClient.invalidateQueries({ queryKey: ['report-documents'] });
      setError(null);
      setComment('');
      onDone(t2.actions.done(t2.statuses[to]));
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.message, field: e.errors.find((x) => x.path === 'message')?.message } : { message: String(e) });
    } finally {
      setBusy(false);
    }
  };
  const returnWithComment = (event: FormEvent) => {
    event.preventDefault();
    void move('returned', comment.trim() || null);
  };
  return (
    <section className="card" aria-labelledby="actions">
      <h2 id="actions">{t2.actions.title}</h2>
      {error && <Notice tone="error">{error.message}</Notice>}
      <div className="actions">
        {can.newVersion && <Button variant="secondary" onPress={() => move('draft')} isDisabled={busy}>{t2.actions.newVersion}</Button>}
        {can.approve && <Button onPress={() => move('approved')} isDisabled={busy}>{t2.actions.approve}</Button>}
        {can.publish && <Button onPress={() => move('published')} isDisabled={busy}>{t2.actions.publish}</Button>}
      </div>
      {can.return && (
        <form onSubmit={returnWithComment} noValidate className="stack">
          <h3>{t2.actions.returnTitle}</h3>
          <TextField label={t2.actions.comment} name="message" value={comment} onChange={setComment} error={error?.field} multiline isRequired />
          <div className="actions"><Button type="submit" variant="secondary" isDisabled={busy}>{t2.actions.return}</Button></div>
        </form>
      )}
    </section>
  );
}
