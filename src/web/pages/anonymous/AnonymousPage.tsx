import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { anonymousCreate } from '../../../core/schemas/enrolment';
import { t } from '../../i18n/sv';
import { currentYear, formatNumber } from '../../i18n/format';
import { get, post, query } from '../../lib/api';
import { useCodes } from '../../lib/codes';
import { numberOrNull, textOrNull, useZodForm } from '../../lib/form';
import { interventionQuery } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, Notice } from '../../components/Notice';
import { QueryError } from '../NotFoundPage';

type Registration = { id: string; teamId: string | null; year: number; gender: string; count: number };
type Values = { year: string; gender: string; count: string; teamId: string };

/** Anonymous head counts (year, gender, count) for people without consent or with protected identity. */
export function AnonymousPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const intervention = useQuery(interventionQuery(id));
  const list = useQuery({ queryKey: ['anonymous', id], queryFn: () => get<{ items: Registration[] }>(`/api/v1/anonymous-registrations${query({ interventionId: id })}`) });
  const codes = useCodes();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const form = useZodForm(anonymousCreate, { year: String(currentYear()), gender: '', count: '1', teamId: '' } as Values,
    (v) => ({ interventionId: id, teamId: textOrNull(v.teamId), year: numberOrNull(v.year), gender: v.gender || undefined, count: numberOrNull(v.count) ?? undefined }));
  if (intervention.error) return <QueryError error={intervention.error} />;
  if (!intervention.data) return <p>{t.app.loading}</p>;
  const i = intervention.data;
  const teamName = (teamId: string | null) => i.teams.find((team) => team.id === teamId)?.name ?? '–';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const input = form.parse();
    if (!input) return;
    try {
      await post('/api/v1/anonymous-registrations', input);
      await queryClient.invalidateQueries({ queryKey: ['anonymous', id] });
      await queryClient.invalidateQueries({ queryKey: ['outcomes'] });
      form.reset({ ...form.values, gender: '', count: '1' });
      setDone(true);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <div className="stack">
      <PageHeader title={t.anonymous.title} intro={t.anonymous.intro} above={<Link to="/insatser/$id" params={{ id }}>{i.name}</Link>} />
      {done && <Notice tone="success">{t.anonymous.done}</Notice>}
      {form.formError && <Notice tone="error">{form.formError}</Notice>}
      <form onSubmit={submit} noValidate className="card form-grid" aria-label={t.anonymous.title}>
        <TextField label={t.anonymous.year} name="year" inputMode="numeric" value={form.values.year} onChange={form.set('year')} error={form.errors.year} isRequired />
        <SelectField label={t.anonymous.gender} name="gender" value={form.values.gender} onChange={form.set('gender')} error={form.errors.gender && t.common.chooseOne} options={codes.options('gender')} isRequired />
        <TextField label={t.anonymous.count} name="count" inputMode="numeric" value={form.values.count} onChange={form.set('count')} error={form.errors.count} isRequired />
        {i.teams.length > 0 && (
          <SelectField label={`${t.anonymous.team} ${t.common.optional}`} name="teamId" value={form.values.teamId} onChange={form.set('teamId')}
            options={[{ value: '', label: t.enrol.noTeam }, ...i.teams.map((team) => ({ value: team.id, label: team.name }))]} />
        )}
        <div className="actions" style={{ alignSelf: 'end' }}><Button type="submit">{t.anonymous.submit}</Button></div>
      </form>
      <section aria-labelledby="anon-list">
        <h2 id="anon-list">{t.anonymous.listTitle}</h2>
        <ErrorNotice error={list.error} />
        {list.data && (list.data.items.length === 0 ? <EmptyState>{t.anonymous.empty}</EmptyState> : (
          <DataTable caption={t.anonymous.listTitle} captionHidden rows={list.data.items} rowKey={(r) => r.id} pageSize={20}
            initialSort={{ key: 'year', direction: 'descending' }}
            columns={[
              { key: 'year', header: t.anonymous.year, cell: (r) => r.year, sortValue: (r) => r.year },
              { key: 'gender', header: t.anonymous.gender, cell: (r) => codes.label('gender', r.gender), sortValue: (r) => r.gender },
              { key: 'team', header: t.anonymous.team, cell: (r) => teamName(r.teamId) },
              { key: 'count', header: t.anonymous.count, numeric: true, cell: (r) => formatNumber(r.count), sortValue: (r) => r.count },
            ]} />
        ))}
      </section>
    </div>
  );
}
