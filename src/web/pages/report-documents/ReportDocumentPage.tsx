import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { t } from '../../i18n/sv';
import { formatDate } from '../../i18n/format';
import { ApiError, post, put } from '../../lib/api';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../NotFoundPage';
import { DocumentContent } from './DocumentContent';
import { Differences } from './Differences';
import { Questions } from './Questions';
import { ReviewActions } from './ReviewActions';
import { documentQuery, type DocumentView } from './queries';

const t2 = t.reportDocuments;

/** A report: the lead's editor while it is a draft, else the frozen version as the förbund and the board read it. */
export function ReportDocumentPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const view = useQuery(documentQuery(id));
  const [notice, setNotice] = useState<string | null>(null);
  if (view.error) return <QueryError error={view.error} />;
  if (!view.data) return <p>{t.app.loading}</p>;
  const d = view.data;
  return (
    <div className="stack">
      <PageHeader title={d.document.title} above={<Link to="/insatser/$id/rapporter" params={{ id: d.intervention.id }}>{t2.back}</Link>} />
      {notice && <Notice tone="success" focus>{notice}</Notice>}
      <section className="card" aria-labelledby="meta">
        <h2 id="meta">{t2.meta}</h2>
        <dl className="facts">
          {d.document.meta.map((m) => <Fragment key={m.label}><dt>{m.label}</dt><dd>{m.value}</dd></Fragment>)}
          <dt>{t2.status}</dt><dd>{t2.statuses[d.status]}</dd>
        </dl>
        {d.shown ? <p className="help">{t2.shownVersion(d.shown.version, d.shown.sha256)}</p> : <p className="help">{t2.draftNote}</p>}
      </section>
      {d.status === 'returned' && <ReturnedNotice view={d} />}
      {d.shown && <Differences differences={d.differences} />}
      {d.can.edit ? <Editor view={d} onSaved={setNotice} /> : <DocumentContent document={d.document} sections={d.sections} />}
      {(d.questions.length > 0 || d.can.ask) && <Questions view={d} onDone={setNotice} />}
      <ReviewActions view={d} onDone={setNotice} />
      {d.shown && <Downloads id={d.id} version={d.shown.version} />}
      {d.history.length > 0 && (
        <section className="card" aria-labelledby="history">
          <h2 id="history">{t2.history.title}</h2>
          <ul>{d.history.map((h) => <li key={`${h.at}-${h.status}`}>{t2.history.entry(t2.statuses[h.status], h.version, h.by, formatDate(h.at))}{h.message && <p className="pre-line">{h.message}</p>}</li>)}</ul>
        </section>
      )}
    </div>
  );
}

/**
 * The written sections as text fields in their place, the tables read-only; saved explicitly.
 * Submitting saves the text first, so what the lead sees is what is frozen.
 */
function Editor({ view, onSaved }: { view: DocumentView; onSaved: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(view.narratives);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(view.narratives), [view.narratives]);
  const run = async (submit: boolean) => {
    setBusy(true);
    try {
      await put(`/api/v1/report-documents/${view.id}/narratives`, { narratives: values });
      if (submit) await post(`/api/v1/report-documents/${view.id}/status`, { to: 'submitted', message: null });
      await queryClient.invalidateQueries({ queryKey: ['report-documents'] });
      setError(null);
      onSaved(submit ? t2.actions.submitted : t2.narrative.saved);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };
  return (
    <form onSubmit={save} noValidate className="stack">
      {error && <Notice tone="error">{error}</Notice>}
      <DocumentContent document={view.document} sections={view.sections} editing={{ values, onChange: (key, value) => setValues((v) => ({ ...v, [key]: value })) }} />
      <div className="actions">
        <Button type="submit" variant="secondary" isDisabled={busy}>{t2.narrative.save}</Button>
        {view.can.submit && <Button onPress={() => run(true)} isDisabled={busy}>{t2.actions.submit}</Button>}
      </div>
      {busy && <p role="status">{t.app.loading}</p>}
    </form>
  );
}

/** Why the förbund returned the report: its newest comment, where the lead starts writing again. */
function ReturnedNotice({ view }: { view: DocumentView }) {
  const returned = view.history.filter((h) => h.status === 'returned').at(-1);
  if (!returned?.message) return null;
  return <Notice tone="warning" title={t2.returnedBy(returned.by, formatDate(returned.at))}><p className="pre-line">{returned.message}</p></Notice>;
}

function Downloads({ id, version }: { id: string; version: number }) {
  const formats = ['pdf', 'docx', 'xlsx', 'csv'] as const;
  return (
    <section className="card" aria-labelledby="downloads">
      <h2 id="downloads">{t2.downloads.title}</h2>
      <p>{t2.downloads.of(version)}</p>
      <div className="actions">
        {formats.map((f) => <a key={f} className="btn btn--secondary" href={`/api/v1/report-documents/${id}/versions/${version}/file?format=${f}`} download>{t2.downloads[f]}</a>)}
      </div>
    </section>
  );
}
