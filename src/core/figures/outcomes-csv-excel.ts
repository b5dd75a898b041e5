import { reportGenderLabels } from '../code-lists.js';
import { defuseFormula } from '../formula-injection.js';
import { calendarPeriodName, calendarPeriodOf, parseCalendarPeriod } from './periods.js';
import type { OutcomesReport } from '../schemas/outcomes-report.js';

/**
 * The outcomes report as a CSV file for people: it opens as a table in Swedish Excel (UTF-8 with
 * a byte order mark, semicolons, CRLF), shows the numbers as the report page does (whole counts,
 * percentages such as "25 %", a hidden cell as "–") and has the page's headings. The machine CSV
 * (outcomes-csv.ts) is the contract for programs; this one is not.
 */
export const excelDash = '–';
const bom = '\uFEFF';

const flowLabels = {
  enrolled: 'Inskrivna',
  active: 'Aktiva',
  exited: 'Avslutade',
  anonymous: 'Anonymt registrerade',
} as const;

const count = (value: number | null | undefined) => (value === null || value === undefined ? excelDash : String(value));
/** As the page: whole percent, rounded half-up, a space before the sign (Swedish Excel reads "25 %" as 0,25). */
export function excelPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return excelDash;
  return `${Math.floor(share * 100 + 0.5 + 1e-9)} %`;
}
export const quote = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const excelHeader = ['Avsnitt', 'Benämning', reportGenderLabels.woman, reportGenderLabels.man, reportGenderLabels.other, reportGenderLabels.total, 'Under 30 år', 'Andel'];

export function outcomesToExcelCsv(report: OutcomesReport): string {
  const lines: string[][] = [excelHeader];
  for (const key of ['enrolled', 'active', 'exited', 'anonymous'] as const) {
    const line = report.flow[key];
    lines.push(['Deltagarflöde', flowLabels[key], count(line.woman), count(line.man), count(line.other), count(line.total), 'under_30' in line ? count(line.under_30) : excelDash, '']);
  }
  for (const row of report.exit_reasons) {
    lines.push(['Avslut per orsak', row.label, count(row.woman), count(row.man), count(row.other), count(row.total), '', excelPercent(row.share)]);
  }
  const exited = report.flow.exited;
  if (report.exit_reasons.length > 0) {
    lines.push(['Avslut per orsak', 'Totalt', count(exited.woman), count(exited.man), count(exited.other), count(exited.total), '', exited.total ? excelPercent(1) : excelDash]);
  }
  const ws = report.work_or_studies;
  lines.push(['Andel till arbete eller studier', 'Andel av avslutade', excelPercent(ws.woman.share), excelPercent(ws.man.share), excelPercent(ws.other.share), excelPercent(ws.total.share), '', '']);
  const note = report.rules.suppression_threshold
    ? `Antal från 1 till ${report.rules.suppression_threshold - 1} visas som – (dolt), så att ingen deltagare kan kännas igen. Fler rutor kan vara dolda så att de små talen inte går att räkna fram ur summorna.`
    : null;
  if (note) lines.push(['Förklaring', note, '', '', '', '', '', '']);
  return excelCsvOf(lines);
}

/** Lines of cells as a CSV file for Swedish Excel: byte order mark, semicolons, CRLF, formulas defused. */
export function excelCsvOf(lines: string[][]): string {
  return bom + lines.map((line) => line.map((v) => quote(defuseFormula(v))).join(';')).join('\r\n') + '\r\n';
}

/**
 * The file name that says what it holds: the code in lower case and the period, `avanti-2025-T2.csv`
 * (year `2025`, tertial `2025-T2`, month `2025-03`, project period `projekt`, any other range `from_to`).
 */
export function excelFileName(code: string, period: { from: string; to: string }, asked: string | undefined): string {
  return `${reportFileStem(code, period, asked)}.csv`;
}

/** A report file's name without extension: `avanti-2025-T2` (see excelFileName). */
export function reportFileStem(code: string, period: { from: string; to: string }, asked: string | undefined): string {
  const safe = code.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  const calendar = (asked !== undefined ? parseCalendarPeriod(asked) : null) ?? calendarPeriodOf(period, null);
  const named = calendar ? calendarPeriodName(calendar) : null;
  const label = named === 'project' ? 'projekt' : (named ?? `${period.from}_${period.to}`);
  return `${safe}-${label}`;
}
