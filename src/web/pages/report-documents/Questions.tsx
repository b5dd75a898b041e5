import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { questionInput, replyInput } from '../../../core/schemas/report-documents';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { post, put } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import type { DocumentView } from './queries';

const t2 = t.reportDocuments.questions;

/** The förbund's questions with the lead's replies; the förbund asks, the lead replies while the report is a draft. */
export function Questions({ view, onDone }: { view: DocumentView; onDone: (message: string) => void }) {
  return (
    <section className="card" aria-labelledby="questions">
      <h2 id="questions">{t2.title}</h2>
      {view.questions.length === 0 && <p>{t2.none}</p>}
      <ol className="stack">
        {view.questions.map((q, i) => (
          <li key={q.id}>
            <p className="pre-line"><strong>{t2.question} ({formatDate(q.askedAt)}):</strong> {q.question}</p>
            {view.can.answer ? <Reply documentId={view.id} questionId={q.id} number={i + 1} initial={q.reply ?? ''} onDone={onDone} />
              : <p className="pre-line"><strong>{t2.reply}:</strong> {q.reply ?? t2.noReply}</p>}
          </li>
        ))}
      </ol>
      {view.can.ask && <Ask documentId={view.id} onDone={onDone} />}
    </section>
  );
}

function useSubmit(documentId: string, onDone: (message: string) => void) {
  const queryClient = useQueryClient();
  return async (send: () => Promise<unknown>, message: string, fail: (e: unknown) => void) => {
    try {
      await send();
      await queryClient.invalidateQueries({ queryKey: ['report-documents', documentId] });
      onDone(message);
    } catch (error) {
      fail(error);
    }
  };
}

function Ask({ documentId, onDone }: { documentId: string; onDone: (message: string) => void }) {
  const form = useZodForm(questionInput, { question: '' }, (v) => v);
  const run = useSubmit(documentId, onDone);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (input) await run(() => post(`/api/v1/report-documents/${documentId}/questions`, input).then(() => form.reset()), t2.send, form.fail);
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <TextField label={t2.ask} name="question" value={form.values.question} onChange={form.set('question')} error={form.errors.question} multiline isRequired />
      <div className="actions"><Button type="submit">{t2.send}</Button></div>
    </form>
  );
}

function Reply({ documentId, questionId, number, initial, onDone }: { documentId: string; questionId: string; number: number; initial: string; onDone: (message: string) => void }) {
  const form = useZodForm(replyInput, { reply: initial }, (v) => v);
  const run = useSubmit(documentId, onDone);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (input) await run(() => put(`/api/v1/report-documents/${documentId}/questions/${questionId}/reply`, input).then(() => setSaved(true)), t2.saveReply, form.fail);
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <TextField label={t2.replyTo(number)} name={`reply-${number}`} value={form.values.reply} onChange={(v) => { setSaved(false); form.set('reply')(v); }} error={form.errors.reply} multiline isRequired />
      <div className="actions"><Button type="submit" variant={saved ? 'secondary' : 'primary'}>{t2.saveReply}</Button></div>
    </form>
  );
}
