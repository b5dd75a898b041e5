import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { enrolmentCreate } from '../../../core/schemas/enrolment';
import { t } from '../../i18n/sv';
import { todayIso } from '../../i18n/format';
import { post } from '../../lib/api';
import { useZodForm } from '../../lib/form';
import { flash } from '../../lib/flash';
import { interventionsQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { emptyEnrolment, toEnrolmentInput } from './enrol-form';
import { EnrolBasics } from './EnrolBasics';
import { EnrolPerson } from './EnrolPerson';
import { EnrolConsent } from './EnrolConsent';
import { EnrolIntake } from './EnrolIntake';

/** Enrolment with consent, anonymous, or with protected identity; the form explains the difference. */
export function EnrolPage() {
  const search = useSearch({ strict: false }) as { insats?: string };
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const mine = interventions.filter((i) => i.can.enrol);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const preset = mine.find((i) => i.id === search.insats)?.id ?? (mine.length === 1 ? mine[0].id : '');
  const form = useZodForm(enrolmentCreate, emptyEnrolment(preset, todayIso()), toEnrolmentInput);
  const errorCount = Object.keys(form.errors).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const input = form.parse();
    if (!input) return;
    setBusy(true);
    try {
      const result = await post<{ kind: 'enrolment' | 'anonymous'; id: string }>('/api/v1/enrolments', input);
      await queryClient.invalidateQueries({ queryKey: ['enrolments'] });
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      if (result.kind === 'enrolment') {
        flash(t.enrol.done);
        await navigate({ to: '/deltagare/$id', params: { id: result.id } });
        return;
      }
      form.reset({ ...emptyEnrolment(form.values.interventionId, todayIso()), mode: form.values.mode });
      setSaved(t.enrol.doneAnonymous);
      window.scrollTo(0, 0);
    } catch (error) {
      form.fail(error);
    }
    setBusy(false);
  };

  if (mine.length === 0) return (<div><PageHeader title={t.enrol.title} /><EmptyState>{t.enrol.noInterventions}</EmptyState></div>);
  return (
    <div>
      <PageHeader title={t.enrol.title} intro={t.enrol.intro} />
      {saved && <Notice tone="success">{saved}</Notice>}
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      {errorCount > 0 && !form.formError && <Notice tone="error">{t.common.formHasErrors(errorCount)}</Notice>}
      <form onSubmit={submit} noValidate className="stack" aria-label={t.enrol.title}>
        <EnrolBasics form={form} interventions={mine} />
        {form.values.mode === 'consent' && (
          <>
            <EnrolPerson form={form} />
            <EnrolConsent form={form} interventions={mine} />
            <EnrolIntake form={form} />
          </>
        )}
        <div className="actions">
          <Button type="submit" isDisabled={busy}>{busy ? t.common.saving : t.enrol.submit}</Button>
        </div>
      </form>
    </div>
  );
}
