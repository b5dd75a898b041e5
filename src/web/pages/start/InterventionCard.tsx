import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { todayIso } from '../../i18n/format';
import { outcomesQuery, type Intervention } from '../../lib/queries';
import { KeyFigures, targetFor } from '../../components/Figures';
import { ErrorNotice } from '../../components/Notice';
import { t } from '../../i18n/sv';

/** One intervention with this year's figures so far (suppressed where the API suppresses them). */
export function InterventionCard({ intervention }: { intervention: Intervention }) {
  // The calendar year: a förbund gets suppressed figures for calendar periods only (finding 5).
  const year = Number(todayIso().slice(0, 4));
  const report = useQuery(outcomesQuery({ intervention: intervention.code, from: `${year}-01-01`, to: `${year}-12-31` }));
  return (
    <section className="card" aria-labelledby={`card-${intervention.id}`}>
      <h3 id={`card-${intervention.id}`}>
        <Link to="/insatser/$id" params={{ id: intervention.id }}>{intervention.name}</Link>
      </h3>
      <p className="muted">{intervention.owner.name}</p>
      {report.isPending && <p>{t.app.loading}</p>}
      {report.error && <ErrorNotice error={report.error} />}
      {report.data && <KeyFigures report={report.data} target={targetFor(intervention, year)} />}
      {report.data?.rules.suppression_threshold && (
        <p className="muted" style={{ fontSize: 'var(--text-sm)', marginTop: 'var(--space-3)' }}>
          {t.start.suppressedNote(report.data.rules.suppression_threshold)}
        </p>
      )}
    </section>
  );
}
