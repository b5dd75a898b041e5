import type { OutcomesReport } from '../../../core/schemas/outcomes-report';
import { t } from '../../i18n/sv';
import { query } from '../../lib/api';
import type { ReportParams } from '../../lib/queries';

/**
 * The file for people (Swedish Excel; the server names it, e.g. avanti-2025-T2.csv) first; the
 * machine CSV and the JSON for other programs after it, labelled as such. `period` is the
 * calendar period's name (2025, 2025-T2, 2025-03, project) when one was chosen.
 */
export function Downloads({ params, report, period }: { params: ReportParams; report: OutcomesReport; period?: string }) {
  const name = `utfall-${report.period.from}-${report.period.to}`;
  const json = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`;
  const excel = period
    ? query({ intervention: params.intervention, association: params.association, period, for: 'excel' })
    : query({ ...params, for: 'excel' });
  return (
    <div className="actions">
      <a className="btn" href={`/api/v1/reports/outcomes.csv${excel}`} download>{t.report.downloadExcel}</a>
      <a className="btn btn--secondary" href={`/api/v1/reports/outcomes.csv${query({ ...params })}`} download={`${name}.csv`}>{t.report.downloadCsvMachine}</a>
      <a className="btn btn--secondary" href={json} download={`${name}.json`}>{t.report.downloadJsonMachine}</a>
    </div>
  );
}
