import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { t } from '../../i18n/sv';
import { get, post } from '../../lib/api';
import { meQuery } from '../../lib/session';
import { PageHeader } from '../../components/PageHeader';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { RadioGroupField } from '../../components/ChoiceGroup';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { DataTable } from '../../components/DataTable';
import { AccessTable } from './AccessTable';
import { SampleCheck } from './SampleCheck';
import { Downloads, fieldErrors, useFocusOnChange } from './shared';
import type { AccessList, PersonHit, PersonSearch, ReviewableUser } from './types';

const L = t.logReview;
const pageSize = 100;

type Subject = { kind: 'person'; person: PersonHit } | { kind: 'user'; user: ReviewableUser };
type Review = { subject: Subject; from?: string; to?: string };

const personLabel = (p: PersonHit) => [p.name, p.personnummer ?? p.participantRef].filter(Boolean).join(', ') || p.id;

/**
 * The log reviewer's workplace (loggkontroll, HSLF-FS 2016:40): every access to one person or by
 * one user in a period, exported as CSV or PDF, the subject-access answer for a found person, and
 * the recurring random sample. Search text and ids travel in POST bodies; the server audits each review.
 */
export function LogReviewPage() {
  const { data: me } = useQuery(meQuery);
  const [kind, setKind] = useState<'person' | 'user'>('person');
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [formError, setFormError] = useState<Record<string, string>>({});
  const [review, setReview] = useState<Review>();
  const [page, setPage] = useState(1);
  const users = useQuery({ queryKey: ['audit', 'users'], queryFn: () => get<{ items: ReviewableUser[] }>('/api/v1/audit/users'), enabled: kind === 'user' });

  const persons = useMutation({ mutationFn: (text: string) => post<PersonSearch>('/api/v1/audit/persons/search', { q: text }) });
  const period = { ...(review?.from && { from: review.from }), ...(review?.to && { to: review.to }) };
  const subjectBody = review ? (review.subject.kind === 'person' ? { personId: review.subject.person.id } : { userId: review.subject.user.id }) : null;
  const endpoint = review?.subject.kind === 'user' ? '/api/v1/audit/user-accesses' : '/api/v1/audit/person-accesses';
  const accesses = useQuery({
    queryKey: ['audit', 'accesses', subjectBody, period, page],
    queryFn: () => post<AccessList>(endpoint, { ...subjectBody, ...period, page, pageSize }),
    enabled: Boolean(review),
    gcTime: 0,
  });

  const open = (subject: Subject) => {
    setPage(1);
    setReview({ subject, from: from.trim() || undefined, to: to.trim() || undefined });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReview(undefined);
    persons.reset();
    if (kind === 'user') {
      const user = users.data?.items.find((u) => u.id === userId);
      if (!user) return setFormError({ userId: L.userMissing });
      setFormError({});
      return open({ kind: 'user', user });
    }
    if (q.trim().length < 2) return setFormError({ q: L.personQueryShort });
    setFormError({});
    const found = await persons.mutateAsync(q.trim()).catch(() => null);
    if (found?.items.length === 1 && !found.more) open({ kind: 'person', person: found.items[0] });
  };

  const errors = { ...fieldErrors(persons.error), ...fieldErrors(accesses.error), ...formError };
  const hits = persons.data && !(persons.data.items.length === 1 && !persons.data.more) ? persons.data : undefined;

  return (
    <div className="stack">
      <PageHeader title={L.title} intro={L.intro} />
      <section aria-labelledby="review-search" className="stack">
        <h2 id="review-search">{L.searchTitle}</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <form role="search"> is the search landmark every screen reader knows; the <search> element is too new to rely on */}
        <form role="search" aria-label={L.searchLabel} onSubmit={submit} className="card stack" noValidate>
          <RadioGroupField label={L.kind} name="kind" inline value={kind} onChange={(v) => setKind(v === 'user' ? 'user' : 'person')}
            options={Object.entries(L.kinds).map(([value, label]) => ({ value, label }))} />
          <div className="form-grid">
            {kind === 'person' ? (
              <TextField label={L.personQuery} name="q" type="search" autoComplete="off" value={q} onChange={setQ} help={L.personQueryHelp} error={errors.q} />
            ) : (
              <SelectField label={L.user} name="userId" value={userId} onChange={setUserId} error={errors.userId} placeholder={t.common.choose}
                options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email}, ${u.organisation.code})` }))} />
            )}
            <TextField label={L.from} name="from" type="date" help={L.dateHelp} value={from} onChange={setFrom} error={errors.from} />
            <TextField label={L.to} name="to" type="date" value={to} onChange={setTo} error={errors.to} />
          </div>
          <div className="actions">
            <Button type="submit" isDisabled={persons.isPending}>{L.search}</Button>
          </div>
        </form>
        {!errors.q && <ErrorNotice error={persons.error} />}
        {hits && <PersonHits hits={hits} onChoose={(person) => open({ kind: 'person', person })} />}
        {review && (
          <Results review={review} list={accesses.data} error={accesses.error} page={page} onPage={setPage}
            subjectAccess={Boolean(me?.can.subjectAccess)} exportBody={{ ...subjectBody, ...period }} endpoint={endpoint} />
        )}
      </section>
      <SampleCheck />
    </div>
  );
}

function PersonHits({ hits, onChoose }: { hits: PersonSearch; onChoose: (p: PersonHit) => void }) {
  const summary = useFocusOnChange<HTMLParagraphElement>(hits);
  if (hits.items.length === 0) {
    return <div ref={summary} tabIndex={-1}><EmptyState>{L.noPerson}</EmptyState></div>;
  }
  return (
    <div className="stack">
      <p ref={summary} tabIndex={-1}>{hits.more ? L.morePersons : L.personsCaption}</p>
      <DataTable caption={L.personsCaption} rowKey={(p) => p.id} rows={hits.items} columns={[
        { key: 'name', header: t.participants.name, cell: (p) => p.name ?? t.common.none, rowHeader: true },
        { key: 'pnr', header: L.personnummer, cell: (p) => p.personnummer ?? t.common.none },
        { key: 'ref', header: L.participantRef, cell: (p) => p.participantRef ?? t.common.none },
        { key: 'open', header: L.showAccesses, cell: (p) => <Button variant="secondary" onPress={() => onChoose(p)} aria-label={L.choosePerson(personLabel(p))}>{L.showAccesses}</Button> },
      ]} />
    </div>
  );
}

type ResultsProps = {
  review: Review;
  list: AccessList | undefined;
  error: unknown;
  page: number;
  onPage: (page: number) => void;
  subjectAccess: boolean;
  exportBody: object;
  endpoint: string;
};

function Results({ review, list, error, page, onPage, subjectAccess, exportBody, endpoint }: ResultsProps) {
  const summary = useFocusOnChange<HTMLHeadingElement>(list);
  const { subject } = review;
  const name = subject.kind === 'person' ? personLabel(subject.person) : `${subject.user.name} (${subject.user.email})`;
  if (error) return <ErrorNotice error={error} />;
  if (!list) return <p className="muted">{t.app.loading}</p>;
  return (
    <section aria-labelledby="review-summary" className="stack">
      <div>
        <h3 id="review-summary" ref={summary} tabIndex={-1}>
          {subject.kind === 'person' ? L.personSummary(list.total, name) : L.userSummary(list.total, name)}
        </h3>
        <p className="muted">{list.period.from || list.period.to ? L.period(list.period.from, list.period.to) : L.periodAll}</p>
      </div>
      <div className="actions">
        <Downloads url={`${endpoint}/export`} body={exportBody} disabled={list.total === 0} />
        {subject.kind === 'person' && subjectAccess && (
          <a className="btn btn--secondary" href={`/api/v1/persons/${subject.person.id}/subject-access.pdf`} download aria-describedby="subject-access-help">
            {L.subjectAccess}
          </a>
        )}
      </div>
      {subject.kind === 'person' && subjectAccess && <p id="subject-access-help" className="help">{L.subjectAccessHelp}</p>}
      {list.total === 0 ? (
        <EmptyState>{L.noAccesses}</EmptyState>
      ) : (
        <>
          <AccessTable caption={`${L.resultsCaption}: ${name}`} rows={list.items} />
          <Pagination page={page} pageSize={list.pageSize} total={list.total} onChange={onPage} />
        </>
      )}
    </section>
  );
}
