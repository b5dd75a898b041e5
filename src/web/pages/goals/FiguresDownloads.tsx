import { t } from '../../i18n/sv';
import { query } from '../../lib/api';

const formats = ['csv', 'pdf', 'docx', 'xlsx'] as const;

/**
 * The key figures shown as the files boards read: CSV for Swedish Excel first, then PDF, Word and
 * the Excel workbook, named by the server (nyckeltal-<insats>-<period>), as the outcomes report offers.
 */
export function FiguresDownloads({ code, period }: { code: string; period: string }) {
  return (
    <div className="actions">
      {formats.map((format) => (
        <a key={format} className="btn" href={`/api/v1/reports/figures${query({ intervention: code, period, format })}`} download>
          {format === 'csv' ? t.report.downloadExcel : t.report.downloadFile[format]}
        </a>
      ))}
    </div>
  );
}
