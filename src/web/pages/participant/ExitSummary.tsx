import type { ReactNode } from 'react';
import { t } from '../../i18n/sv';
import { formatDate, formatNumber } from '../../i18n/format';
import { useCodes } from '../../lib/codes';
import { completionLabel } from '../../lib/completion';
import type { Enrolment } from '../../lib/queries';

/** The exit (utskrivning): reason and the situation after, or that the participant is active. */
export function ExitSummary({ enrolment: e, actions }: { enrolment: Enrolment; actions?: ReactNode }) {
  const codes = useCodes();
  return (
    <section className="card" aria-labelledby="exit">
      <h2 id="exit">{t.participant.exitTitle}</h2>
      {!e.exitDate ? (
        <p>{t.participant.notExited}</p>
      ) : (
        <dl className="facts">
          <dt>{t.participant.exitDate}</dt><dd>{formatDate(e.exitDate)}</dd>
          <dt>{t.participant.exitReason}</dt><dd>{codes.label('exit_reason', e.exitReason)}</dd>
          {e.exitDetail && <><dt>{t.participant.exitDetail}</dt><dd>{e.exitDetail}</dd></>}
          <dt>{t.exit.completed}</dt><dd>{completionLabel(e.exitCompleted)}</dd>
          <dt>{t.participant.incomeAfter}</dt><dd>{codes.labels('income_source', e.incomeAfter)}</dd>
          <dt>{t.participant.occupationAfter}</dt>
          <dd>
            {codes.label('occupation', e.occupationAfter)}
            {e.occupationAfterExtent !== null && ` (${t.participant.extent(`${formatNumber(e.occupationAfterExtent)} %`)})`}
          </dd>
        </dl>
      )}
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
