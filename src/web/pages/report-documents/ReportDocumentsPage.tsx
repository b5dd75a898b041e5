import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { documentCreateInput } from '../../../core/schemas/report-documents';
import { t } from '../../i18n/sv';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { interventionQuery } from '../../lib/queries';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { QueryError } from '../NotFoundPage';
import { DocumentsTable } from './DocumentsTable';
import { documentsQuery, templatesQuery } from './queries';

const t2 = t.reportDocuments;

/** The intervention's reports to the förbund, and (for its lead) a new one from a template. */
export function ReportDocumentsPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const intervention = useQuery(interventionQuery(id));
  const documents = useQuery(documentsQuery(id));
  if (intervention.error) return <QueryError error={intervention.error} />;
  if (documents.error) return <QueryError error={documents.error} />;
  if (!intervention.data || !documents.data) return <p>{t.app.loading}</p>;
  const i = intervention.data;
  return (
    <div className="stack">
      <PageHeader title={t2.listTitle(i.name)} above={<Link to="/insatser/$id" params={{ id: i.id }}>{i.name}</Link>} intro={t2.listIntro} />
      <section className="card" aria-labelledby="reports">
        <h2 id="reports">{t2.link}</h2>
        {documents.data.documents.length === 0 ? <p>{t2.none}</p> : <DocumentsTable documents={documents.data.documents} caption={t2.link} />}
      </section>
      {documents.data.can.create && <NewReport interventionId={i.id} />}
    </div>
  );
}

function NewReport({ interventionId }: { interventionId: string }) {
  const templates = useQuery(templatesQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(documentCreateInput, { templateId: '', period: '', from: '', to: '' }, (v) => ({
    templateId: v.templateId || undefined,
    period: v.period.trim() || undefined,
    from: v.from.trim() || undefined,
    to: v.to.trim() || undefined,
  }));
  const partial = templates.data?.templates.find((x) => x.id === form.values.templateId)?.kind === 'delrapport';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      const created = await post<{ id: string }>(`/api/v1/interventions/${interventionId}/report-documents`, input);
      await queryClient.invalidateQueries({ queryKey: ['report-documents'] });
      await navigate({ to: '/rapportdokument/$id', params: { id: created.id } });
    } catch (error) {
      form.fail(error);
    }
  };
  const options = (templates.data?.templates ?? []).map((x) => ({ value: x.id, label: x.association ? `${x.name} (${x.association.name})` : x.name }));
  return (
    <section className="card" aria-labelledby="new-report">
      <h2 id="new-report">{t2.create.title}</h2>
      <ErrorNotice error={templates.error} />
      <form onSubmit={submit} noValidate className="stack">
        {form.formError && <Notice tone="error">{form.formError}</Notice>}
        <SelectField label={t2.create.template} name="templateId" value={form.values.templateId} onChange={form.set('templateId')} options={options} placeholder={t2.create.chooseTemplate} error={form.errors.templateId} isRequired />
        <TextField label={t2.create.period} name="period" value={form.values.period} onChange={form.set('period')} help={t2.create.periodHelp} error={form.errors.period} isRequired={!partial} />
        {partial && (
          <fieldset className="stack">
            <legend>{t2.create.range}</legend>
            <p className="help">{t2.create.rangeHelp}</p>
            <TextField label={t2.create.from} name="from" type="date" value={form.values.from} onChange={form.set('from')} help={t.enrol.dateHelp} error={form.errors.from} />
            <TextField label={t2.create.to} name="to" type="date" value={form.values.to} onChange={form.set('to')} help={t.enrol.dateHelp} error={form.errors.to} />
          </fieldset>
        )}
        <div className="actions"><Button type="submit">{t2.create.submit}</Button></div>
      </form>
    </section>
  );
}
