import type { OutcomesReport } from '../../../core/schemas/outcomes-report';
import { t } from '../../i18n/sv';
import { query } from '../../lib/api';
import type { ReportParams } from '../../lib/queries';

/**
 * The files for people first (Swedish Excel's CSV, the server naming it, e.g. avanti-2025-T2.csv;
 * the report as PDF, Word and Excel workbook); the machine CSV and the JSON for other programs
 * after them, labelled as such. `period` is the
 * calendar period's name (2025, 2025-T2, 2025-03, project) when one was chosen.
 */
export function Downloads({ params, report, period }: { params: ReportParams; report: OutcomesReport; period?: string }) {
  const name = `utfall-${report.period.from}-${report.period.to}`;
  const json = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`;
  const asked = period ? { intervention: params.intervention, association: params.association, period } : params;
  const excel = query({ ...asked, for: 'excel' });
  return (
    <div className="actions">
      <a className="btn" href={`/api/v1/reports/outcomes.csv${excel}`} download>{t.report.downloadExcel}</a>
      {(['pdf', 'docx', 'xlsx'] as const).map((format) => (
        <a key={format} className="btn" href={`/api/v1/reports/outcomes${query({ ...asked, format })}`} download>{t.report.downloadFile[format]}</a>
      ))}
      <a className="btn btn--secondary" href={`/api/v1/reports/outcomes.csv${query({ ...params })}`} download={`${name}.csv`}>{t.report.downloadCsvMachine}</a>
      <a className="btn btn--secondary" href={json} download={`${name}.json`}>{t.report.downloadJsonMachine}</a>
    </div>
  );
}
