import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { get, post, query } from '../../lib/api';
import { interventionsQuery, type EnrolmentPage } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { PrintHeading } from '../../components/PrintHeading';
import { ButtonLink, Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { ParticipantTable } from './ParticipantTable';

const pageSize = 25;
type Filter = { interventionId: string; teamId: string; status: string; q: string };

/** Search and filter the participants in the user's scope; the search text goes in a POST body. */
export function ParticipantsPage() {
  const { data: interventions = [] } = useQuery(interventionsQuery);
  const mine = interventions.filter((i) => i.can.enrol);
  const [draft, setDraft] = useState<Filter>({ interventionId: '', teamId: '', status: 'active', q: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [page, setPage] = useState(1);
  const [qError, setQError] = useState<string>();
  const base = { interventionId: filter.interventionId || undefined, teamId: filter.teamId || undefined, status: filter.status, page, pageSize };
  const list = useQuery({
    queryKey: ['enrolments', 'list', base, filter.q],
    queryFn: () =>
      filter.q ? post<EnrolmentPage>('/api/v1/enrolments/search', { ...base, q: filter.q }) : get<EnrolmentPage>(`/api/v1/enrolments${query(base)}`),
    placeholderData: keepPreviousData,
  });
  const teams = mine.find((i) => i.id === draft.interventionId)?.teams ?? [];
  const set = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value, ...(key === 'interventionId' ? { teamId: '' } : {}) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.q.trim().length === 1) return setQError('Skriv minst två tecken');
    setQError(undefined);
    setPage(1);
    setFilter({ ...draft, q: draft.q.trim() });
  };

  return (
    <div>
      <PrintHeading
        what={t.report.printList(t.participants.statuses[filter.status] ?? '', mine.find((i) => i.id === filter.interventionId)?.name)}
        period={t.report.printListPeriod}
      />
      <PageHeader title={t.participants.title} intro={t.participants.intro} actions={mine.length > 0 && <ButtonLink to="/deltagare/ny">{t.nav.enrol}</ButtonLink>} />
      {mine.length === 0 ? (
        <EmptyState>{t.participants.emptyNoScope}</EmptyState>
      ) : (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: <form role="search"> is the search landmark every screen reader knows; the <search> element is too new to rely on */}
          <form role="search" aria-label={t.participants.filter} onSubmit={submit} className="card form-grid" style={{ marginBottom: 'var(--space-5)' }}>
            <TextField label={t.participants.search} name="q" type="search" value={draft.q} onChange={set('q')} help={t.participants.searchHelp} error={qError} />
            <SelectField label={t.participants.intervention} name="interventionId" value={draft.interventionId} onChange={set('interventionId')} placeholder={t.common.all}
              options={[{ value: '', label: t.common.all }, ...mine.map((i) => ({ value: i.id, label: i.name }))]} />
            {teams.length > 0 && (
              <SelectField label={t.participants.team} name="teamId" value={draft.teamId} onChange={set('teamId')} placeholder={t.common.all}
                options={[{ value: '', label: t.common.all }, ...teams.map((team) => ({ value: team.id, label: team.name }))]} />
            )}
            <SelectField label={t.participants.status} name="status" value={draft.status} onChange={set('status')}
              options={Object.entries(t.participants.statuses).map(([value, label]) => ({ value, label }))} />
            <div className="actions" style={{ alignSelf: 'end' }}>
              <Button type="submit">{t.common.search}</Button>
            </div>
          </form>
          <ErrorNotice error={list.error} />
          {list.data && (list.data.total === 0 ? (
            <EmptyState>{t.participants.empty}</EmptyState>
          ) : (
            <>
              <ParticipantTable caption={t.participants.title} rows={list.data.items} sortable={false} />
              <Pagination page={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
            </>
          ))}
        </>
      )}
    </div>
  );
}
