import type { OutcomesReport } from '../../core/schemas/outcomes-report';
import { formatNumber, formatPercent } from '../i18n/format';
import { t } from '../i18n/sv';
import type { Intervention } from '../lib/queries';
import { ProgressBar } from './ProgressBar';

/** The year's volume target: a yearly target overrides the standing one. */
export const targetFor = (intervention: Intervention, year: number) =>
  intervention.volumeTargets.find((v) => v.year === year)?.target ?? intervention.volumeTarget;

/** Active participants plus anonymous registrations: what the volume target counts. */
export function volumeCount(report: OutcomesReport): number | null {
  const active = report.flow.active.total;
  const anonymous = report.flow.anonymous.total;
  return active === null || anonymous === null ? null : active + anonymous;
}

/** Key figures of one intervention for a period, as a definition list plus volume progress. */
export function KeyFigures({ report, target }: { report: OutcomesReport; target: number | null }) {
  const count = volumeCount(report);
  return (
    <>
      <dl className="figure-list">
        <div><dt>{t.figures.active}</dt><dd>{formatNumber(report.flow.active.total)}</dd></div>
        <div><dt>{t.figures.enrolled}</dt><dd>{formatNumber(report.flow.enrolled.total)}</dd></div>
        <div><dt>{t.figures.exited}</dt><dd>{formatNumber(report.flow.exited.total)}</dd></div>
        <div><dt>{t.figures.anonymous}</dt><dd>{formatNumber(report.flow.anonymous.total)}</dd></div>
        <div><dt>{t.figures.workOrStudies}</dt><dd>{formatPercent(report.work_or_studies.total.share)}</dd></div>
      </dl>
      <div style={{ marginTop: 'var(--space-4)' }}>
        {target && count !== null ? (
          <ProgressBar
            label={t.figures.volume}
            value={count}
            max={target}
            valueText={`${t.figures.volumeOf(formatNumber(count), formatNumber(target))} (${formatPercent(count / target)})`}
          />
        ) : (
          <p className="muted">{target ? `${t.figures.volume}: ${t.figures.suppressed}` : t.figures.noTarget}</p>
        )}
      </div>
    </>
  );
}
