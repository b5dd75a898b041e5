import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { t } from '../../i18n/sv';
import { formatDate, formatNumber } from '../../i18n/format';
import { useCodes } from '../../lib/codes';
import { enrolmentQuery, type Enrolment } from '../../lib/queries';
import { PageHeader } from '../../components/PageHeader';
import { PrintHeading } from '../../components/PrintHeading';
import { ButtonLink } from '../../components/Button';
import { FlashNotice } from '../../components/FlashNotice';
import { useResultNotice } from '../../components/ResultNotice';
import { QueryError } from '../NotFoundPage';
import { ConsentSection } from './ConsentSection';
import { ExitSummary } from './ExitSummary';
import { ExitDataDialog, IntakeDialog, ReopenDialog, StartDateDialog } from './CorrectDialogs';
import { HistorySection } from './HistorySection';
import { CaseTabs } from '../case/CaseTabs';
import { SurveySection } from './SurveySection';

export const participantName = (e: Enrolment) =>
  [e.person.firstName, e.person.lastName].filter(Boolean).join(' ') || e.person.participantRef || t.participant.unnamed;

/** A participant's case: the overview (identity, enrolment, intake, exit, consent) and the plan, meetings and activities in tabs. */
export function ParticipantPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery(enrolmentQuery(id));
  const codes = useCodes();
  const { done, notice } = useResultNotice();
  if (query.error) return <QueryError error={query.error} />;
  if (!query.data) return <p>{t.app.loading}</p>;
  const e = query.data;
  const extent = (value: number | null) => (value === null ? '' : ` (${t.participant.extent(`${formatNumber(value)} %`)})`);

  return (
    <div className="stack">
      <PrintHeading what={`${t.participant.title(participantName(e))}, ${e.intervention.name}`} period={t.report.printEnrolment(formatDate(e.startDate), e.exitDate ? formatDate(e.exitDate) : null)} />
      <PageHeader
        title={t.participant.title(participantName(e))}
        above={<Link to="/deltagare">{t.participants.title}</Link>}
        intro={`${e.intervention.name}${e.team ? ` · ${e.team.name}` : ''}`}
        actions={e.can.exit && <ButtonLink to="/deltagare/$id/avsluta" params={{ id: e.id }}>{t.participant.exitAction}</ButtonLink>}
      />
      <FlashNotice />
      {notice}
      <CaseTabs enrolmentId={e.id} overview={<>
      <div className="grid-cards">
        <section className="card" aria-labelledby="identity">
          <h2 id="identity">{t.participant.identity}</h2>
          {e.person.identityRemoved && <p>{t.participant.identityRemoved}</p>}
          <dl className="facts">
            {e.person.personnummer && <><dt>{t.participant.personnummer}</dt><dd>{e.person.personnummer}</dd></>}
            {e.person.firstName && <><dt>{t.participant.firstName}</dt><dd>{e.person.firstName}</dd></>}
            {e.person.lastName && <><dt>{t.participant.lastName}</dt><dd>{e.person.lastName}</dd></>}
            {e.person.participantRef && <><dt>{t.participant.ref}</dt><dd>{e.person.participantRef}</dd></>}
            <dt>{t.participants.gender}</dt><dd>{codes.label('gender', e.person.gender)}</dd>
            <dt>{t.participant.birthYear}</dt><dd>{e.person.birthYear ?? '–'}</dd>
            <dt>{t.participant.age}</dt><dd>{e.ageAtStart ?? '–'}</dd>
            <dt>{t.participant.controller}</dt><dd>{e.controller.name}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="enrolment">
          <h2 id="enrolment">{t.participant.enrolment}</h2>
          <dl className="facts">
            <dt>{t.participant.intervention}</dt><dd><Link to="/insatser/$id" params={{ id: e.intervention.id }}>{e.intervention.name}</Link></dd>
            <dt>{t.participant.team}</dt><dd>{e.team?.name ?? '–'}</dd>
            <dt>{t.participant.start}</dt><dd>{formatDate(e.startDate)}</dd>
            <dt>{t.participant.referrer}</dt><dd>{e.referrer?.name ?? '–'}</dd>
          </dl>
          {e.can.correct && <div className="actions"><StartDateDialog key={e.startDate} enrolment={e} onDone={done} /></div>}
        </section>
      </div>
      <section className="card" aria-labelledby="intake">
        <h2 id="intake">{t.participant.intake}</h2>
        <dl className="facts">
          <dt>{t.participant.incomeBefore}</dt><dd>{codes.labels('income_source', e.incomeBefore)}</dd>
          <dt>{t.participant.occupationBefore}</dt><dd>{codes.label('occupation', e.occupationBefore)}{extent(e.occupationBeforeExtent)}</dd>
          <dt>{t.participant.education}</dt><dd>{codes.label('education', e.education)}</dd>
          <dt>{t.participant.supportTime}</dt><dd>{codes.label('support_time', e.supportTime)}</dd>
          <dt>{t.participant.targetGroups}</dt><dd>{codes.labels('target_group', e.targetGroups)}</dd>
        </dl>
        {e.can.correct && <div className="actions"><IntakeDialog key={JSON.stringify(e.history[0]?.id ?? '')} enrolment={e} onDone={done} /></div>}
      </section>
      <ExitSummary
        enrolment={e}
        actions={
          e.exitDate &&
          (e.can.correct || e.can.reopen) && (
            <>
              {e.can.correct && e.exitReason !== 'consent_withdrawn' && <ExitDataDialog key={JSON.stringify(e.history[0]?.id ?? '')} enrolment={e} onDone={done} />}
              {e.can.reopen && <ReopenDialog enrolment={e} onDone={done} />}
            </>
          )
        }
      />
      <HistorySection enrolment={e} />
      <ConsentSection enrolment={e} />
      <SurveySection enrolmentId={e.id} />
      </>} />
    </div>
  );
}
