import type { OutcomesReport } from '../../../core/schemas/outcomes-report';
import { dash, formatNumber, formatPercent } from '../../i18n/format';
import { t } from '../../i18n/sv';
import { useCodes } from '../../lib/codes';
import { EmptyState } from '../../components/EmptyState';

const genders = ['woman', 'man', 'other', 'total'] as const;

/** A count or share; a hidden one is "–" on screen and "dolt" to a screen reader (the notice says why). */
function Cell({ text }: { text: string }) {
  if (text !== dash) return <td className="num">{text}</td>;
  return (
    <td className="num">
      <span aria-hidden="true">{dash}</span>
      <span className="visually-hidden">{t.report.hiddenCell}</span>
    </td>
  );
}
const flowLines = [
  ['enrolled', t.figures.enrolled],
  ['active', t.figures.active],
  ['exited', t.figures.exited],
] as const;

/**
 * The outcomes report as boards receive it: exits by reason × Kvinnor/Män/Annat/Totalt with the
 * share, the participant flow, the anonymous line and the share to work or studies.
 */
export function OutcomesTables({ report, headingLevel = 2 }: { report: OutcomesReport; headingLevel?: 2 | 3 }) {
  const codes = useCodes();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const k = report.rules.suppression_threshold;
  return (
    <div className="stack">
      {k && <p className="notice notice--warning">{t.report.suppressed(k)}</p>}
      <section>
        <H>{t.report.exitsCaption}</H>
        {report.exit_reasons.length === 0 ? (
          <EmptyState>{t.report.noExits}</EmptyState>
        ) : (
          // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.report.exitsCaption}>
            <table className="data">
              <caption className="visually-hidden">{t.report.exitsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.report.reason}</th>
                  {genders.map((g) => <th key={g} scope="col" className="num">{t.genders[g]}</th>)}
                  <th scope="col" className="num">{t.report.share}</th>
                </tr>
              </thead>
              <tbody>
                {report.exit_reasons.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">{codes.label('exit_reason', row.code) === row.code ? row.label : codes.label('exit_reason', row.code)}</th>
                    {genders.map((g) => <Cell key={g} text={formatNumber(row[g])} />)}
                    <Cell text={formatPercent(row.share)} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.report.total}</th>
                  {genders.map((g) => <Cell key={g} text={formatNumber(report.flow.exited[g])} />)}
                  <td className="num">{report.flow.exited.total ? formatPercent(1) : '–'}</td>
                </tr>
                <tr>
                  <th scope="row">{t.report.workOrStudies}</th>
                  {genders.map((g) => <Cell key={g} text={formatPercent(report.work_or_studies[g].share)} />)}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p className="muted" style={{ marginTop: 'var(--space-2)' }}>{t.report.subsidisedRule(report.rules.subsidised_counts_as_work)}</p>
      </section>
      <section>
        <H>{t.report.flowCaption}</H>
        {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a scrolling table is a focusable, named region so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.report.flowCaption}>
          <table className="data">
            <caption className="visually-hidden">{t.report.flowCaption}</caption>
            <thead>
              <tr>
                <td />
                {genders.map((g) => <th key={g} scope="col" className="num">{t.genders[g]}</th>)}
                <th scope="col" className="num">{t.report.flowUnder30}</th>
              </tr>
            </thead>
            <tbody>
              {flowLines.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  {genders.map((g) => <Cell key={g} text={formatNumber(report.flow[key][g])} />)}
                  <Cell text={formatNumber(report.flow[key].under_30)} />
                </tr>
              ))}
              <tr>
                <th scope="row">{t.figures.anonymous}</th>
                {genders.map((g) => <Cell key={g} text={formatNumber(report.flow.anonymous[g])} />)}
                <td className="num">–</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p style={{ marginTop: 'var(--space-2)' }}>{t.report.anonymousLine(formatNumber(report.flow.anonymous.total))}</p>
      </section>
    </div>
  );
}
